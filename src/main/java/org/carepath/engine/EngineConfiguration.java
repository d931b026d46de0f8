package org.carepath.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.carepath.timescale.Timescales;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Adds CarePath's task conventions and long-text variables to the engine and deploys the models from {@code processes/} and
 * {@code forms/}. Resources are deployed as {@code processes/<file>} and {@code forms/<file>} whether
 * the app runs from the build or the packaged jar, and only changed resources become new versions.
 */
@Component
class EngineConfiguration extends AbstractCamundaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);
    static final String DEPLOYMENT_NAME = "carepath";

    private final Timescales timescales;
    private final Supplier<List<UserCommandCheck>> userCommandChecks;

    EngineConfiguration(Timescales timescales, ObjectProvider<UserCommandCheck> userCommandChecks) {
        this.timescales = timescales;
        this.userCommandChecks = SingletonSupplier.of(() -> userCommandChecks.orderedStream().toList());
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        ParseListeners.add(configuration, new TaskConventions(timescales));
        configuration.setCustomPreCommandInterceptorsTxRequired(first(new UserErrors(configuration.getIdentityService()), configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(first(new UserErrors(configuration.getIdentityService()), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        // after the command context is open, so that checks see the signed-in user and can read the task
        var userCommands = new UserCommands(userCommandChecks);
        configuration.setCustomPostCommandInterceptorsTxRequired(first(userCommands, configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(first(userCommands, configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
        var serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<TypedValueSerializer>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(new LongTextSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
    }

    private static List<CommandInterceptor> first(CommandInterceptor interceptor, List<CommandInterceptor> existing) {
        var interceptors = existing == null ? new ArrayList<CommandInterceptor>() : new ArrayList<>(existing);
        interceptors.add(0, interceptor);
        return interceptors;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var resolver = new PathMatchingResourcePatternResolver();
        var deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("CarePath")
                .enableDuplicateFiltering(true);
        try {
            for (var pattern : new String[] {"classpath*:processes/*.bpmn", "classpath*:forms/*.form"}) {
                var folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
                for (var resource : resolver.getResources(pattern)) {
                    try (var in = resource.getInputStream()) {
                        deployment.addInputStream(folder + resource.getFilename(), new java.io.ByteArrayInputStream(in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the process models and forms", e);
        }
        if (deployment.getResourceNames().isEmpty()) {
            throw new IllegalStateException("No process models found under processes/");
        }
        var deployed = deployment.deploy();
        log.info("Deployed {} resources of '{}' (deployment {})", deployment.getResourceNames().size(), DEPLOYMENT_NAME, deployed.getId());
    }
}
