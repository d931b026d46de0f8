package org.carepath.engine;

import java.util.LinkedHashMap;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
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
        // before Camunda's own mapper of the same exception type
        config.register(new RefusalsAsProblems(), Priorities.USER - 1000);
    }

    @Priority(Priorities.USER - 1000)
    static final class RefusalsAsProblems implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refusal refusal) {
                    return problem(refusal.getStatus(), refusal.type().toString(), refusal.title(), refusal.getMessage(), refusal.errors());
                }
            }
            // the REST API answers 500 for what the engine rejected as the request's mistake
            if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR && usersMistake(exception.getCause())) {
                return problem(Response.Status.BAD_REQUEST, "https://carepath.example/problems/invalid-request", "Invalid request",
                        exception.getMessage(), List.of());
            }
            return camunda.toResponse(exception);
        }

        private static boolean usersMistake(Throwable cause) {
            return cause instanceof BadUserRequestException || cause instanceof NullValueException || cause instanceof NotValidException;
        }

        private static Response problem(Response.StatusType status, String type, String title, String detail, List<?> errors) {
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", type);
            problem.put("title", title);
            problem.put("status", status.getStatusCode());
            problem.put("detail", detail);
            if (!errors.isEmpty()) {
                problem.put("errors", errors);
            }
            return Response.status(status).type(new MediaType("application", "problem+json")).entity(problem).build();
        }
    }
}
