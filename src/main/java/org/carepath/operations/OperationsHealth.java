package org.carepath.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job executor's part of {@code /actuator/health} (in place of Camunda's own, by its bean name): DOWN when it
 * should run and does not, since then no deadline fires; UP with {@code enabled: false} on a node configured
 * without one ({@code camunda.bpm.job-execution.enabled: false}, as in the tests, or a web-only node).
 */
@Configuration(proxyBeanMethods = false)
class OperationsHealth {

    @Bean
    HealthIndicator jobExecutorHealthIndicator(ProcessEngine engine,
                                               @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        return new AbstractHealthIndicator("The job executor's health could not be read") {
            @Override
            protected void doHealthCheck(Health.Builder health) {
                JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
                boolean active = jobExecutor.isActive();
                (active || !enabled ? health.up() : health.down())
                        .withDetail("enabled", enabled)
                        .withDetail("active", active)
                        .withDetail("name", jobExecutor.getName())
                        .withDetail("maxJobsPerAcquisition", jobExecutor.getMaxJobsPerAcquisition())
                        .withDetail("lockTimeInMillis", jobExecutor.getLockTimeInMillis());
            }
        };
    }
}
