package org.carepath.operations;

import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.carepath.engine.ParseListeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Configures the engine once for failing steps and retention ({@link OperationsProperties}): every job's retry
 * cycle; each process's history time to live, set as its model is deployed (in place of the model's own
 * {@code camunda:historyTimeToLive}) and brought to the configured value for definitions deployed before; and the
 * nightly history cleanup window.
 */
@Component
class EngineOperations extends AbstractCamundaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineOperations.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final OperationsProperties properties;

    EngineOperations(OperationsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setFailedJobRetryTimeCycle(properties.failedStepRetries());
        var window = Objects.requireNonNull(properties.historyCleanup(), "carepath.operations.history-cleanup");
        configuration.setHistoryCleanupBatchWindowStartTime(window.start().format(HH_MM));
        configuration.setHistoryCleanupBatchWindowEndTime(window.end().format(HH_MM));
        ParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                definition.setHistoryTimeToLive(properties.historyTimeToLiveOf(definition.getKey()));
            }
        });
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var repository = engine.getRepositoryService();
        int updated = 0;
        for (var definition : repository.createProcessDefinitionQuery().list()) {
            int days = properties.historyTimeToLiveOf(definition.getKey());
            if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                updated++;
            }
        }
        if (updated > 0) {
            log.info("History time to live brought to the configured days for {} process definitions deployed before", updated);
        }
    }
}
