package org.carepath.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.carepath.timescale.Timescales;
import org.slf4j.Logger;
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

    EngineConfiguration(Timescales timescales) {
        this.timescales = timescales;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        var listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<BpmnParseListener>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new TaskConventions(timescales));
        configuration.setCustomPreBPMNParseListeners(listeners);
        configuration.setCustomPreCommandInterceptorsTxRequired(withTaskInputErrors(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withTaskInputErrors(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        var serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<TypedValueSerializer>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(new LongTextSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
    }

    private static List<CommandInterceptor> withTaskInputErrors(List<CommandInterceptor> existing) {
        var interceptors = existing == null ? new ArrayList<CommandInterceptor>() : new ArrayList<>(existing);
        interceptors.add(0, new TaskInputErrors());
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
