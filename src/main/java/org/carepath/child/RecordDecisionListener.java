package org.carepath.child;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Writes a decision to the child's record when a decision task completes. The task names the variables
 * that hold the decision and its rationale in its extension properties {@code decision} and
 * {@code rationale}; the decision is labelled with the task's name in the model.
 *
 * <pre>{@code <camunda:taskListener event="complete" delegateExpression="${recordDecision}"/>}</pre>
 */
@Component("recordDecision")
class RecordDecisionListener implements TaskListener {

    private final Children children;
    private final IdentityService identity;

    RecordDecisionListener(Children children, IdentityService identity) {
        this.children = children;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        var element = task.getBpmnModelElementInstance();
        var decisionVariable = property(task, "decision");
        var rationaleVariable = property(task, "rationale");
        var outcome = task.getVariable(decisionVariable);
        var rationale = task.getVariable(rationaleVariable);
        if (outcome == null || rationale == null || rationale.toString().isBlank()) {
            throw new org.camunda.bpm.engine.exception.NotValidException(
                    "'" + element.getName() + "' needs a decision (" + decisionVariable + ") and its rationale (" + rationaleVariable + ")");
        }
        children.recordDecision(task.getExecution().getProcessBusinessKey(), element.getName(), outcome.toString(),
                rationale.toString().strip(), decidedBy(task), task.getProcessInstanceId(), task.getId());
    }

    private String decidedBy(DelegateTask task) {
        var authentication = identity.getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    private static String property(DelegateTask task, String name) {
        var extensions = task.getBpmnModelElementInstance().getExtensionElements();
        if (extensions != null) {
            for (var properties : extensions.getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty property : properties.getCamundaProperties()) {
                    if (name.equals(property.getCamundaName())) {
                        return property.getCamundaValue();
                    }
                }
            }
        }
        throw new IllegalStateException("User task " + task.getTaskDefinitionKey() + " records a decision but has no '"
                + name + "' property naming its variable");
    }
}
