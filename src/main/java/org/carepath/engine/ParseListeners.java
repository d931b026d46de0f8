package org.carepath.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** How a module gives every model a convention: a parse listener run before the engine's own. */
public final class ParseListeners {

    private ParseListeners() {
    }

    public static void add(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        var listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<BpmnParseListener>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(listener);
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
