package org.carepath.engine;

import java.util.LinkedHashMap;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} answers CarePath's refusals as problem details (RFC 9457), naming each refused
 * field, as CarePath's own API does. Everything else it answers as Camunda does.
 */
@Component
class EngineProblems implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new RefusalsAsProblems());
    }

    static final class RefusalsAsProblems implements ExceptionMapper<InvalidRequestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(InvalidRequestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refusal refusal) {
                    var problem = new LinkedHashMap<String, Object>();
                    problem.put("type", refusal.type().toString());
                    problem.put("title", refusal.title());
                    problem.put("status", refusal.getStatus().getStatusCode());
                    problem.put("detail", refusal.getMessage());
                    if (!refusal.errors().isEmpty()) {
                        problem.put("errors", refusal.errors());
                    }
                    return Response.status(refusal.getStatus()).type(new MediaType("application", "problem+json")).entity(problem).build();
                }
            }
            return camunda.toResponse(exception);
        }
    }
}
