package org.carepath.child;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a journey (a process) about a child: the child's reference is its business key, and every
 * journey holds the child's reference and name ({@code childRef}, {@code childName}) beside its own
 * variables, for task names and forms.
 */
@Service
@Transactional
public class Journeys {

    private final Children children;
    private final RuntimeService runtime;

    Journeys(Children children, RuntimeService runtime) {
        this.children = children;
        this.runtime = runtime;
    }

    /** Starts the journey; a child that does not exist is answered as not found (404). */
    public ProcessInstance start(String processKey, String childReference, Map<String, Object> variables) {
        var child = children.get(childReference);
        var journey = Variables.createVariables().putValue("childRef", child.reference()).putValue("childName", child.name());
        journey.putAll(variables);
        return runtime.createProcessInstanceByKey(processKey).businessKey(child.reference()).setVariables(journey).execute();
    }

    /** Ends a journey that is no longer needed (a court direction withdrawn), if it is still running. */
    public void end(String processInstanceId, String reason) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtime.deleteProcessInstance(processInstanceId, reason);
        }
    }
}
