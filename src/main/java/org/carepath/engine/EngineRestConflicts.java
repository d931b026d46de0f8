package org.carepath.engine;

import java.util.LinkedHashMap;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Claiming a task somebody has already claimed is a conflict (409 problem details), where Camunda's
 * REST API answers 500. JAX-RS picks the most specific mapper, so this one wins over Camunda's
 * mapper of every {@code ProcessEngineException}.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConflicts {

    @Bean
    ResourceConfigCustomizer taskAlreadyClaimedIsAConflict() {
        return config -> config.register(TaskAlreadyClaimed.class);
    }

    static class TaskAlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {
        @Override
        public Response toResponse(TaskAlreadyClaimedException e) {
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", "https://carepath.example/problems/conflict");
            problem.put("title", "Conflict");
            problem.put("status", 409);
            problem.put("detail", "The task is already claimed by somebody else");
            return Response.status(Response.Status.CONFLICT).type("application/problem+json").entity(problem).build();
        }
    }
}
