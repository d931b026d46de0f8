package org.carepath.child;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepath.engine.TaskInput;
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

    RecordDecisionListener(Children children) {
        this.children = children;
    }

    @Override
    public void notify(DelegateTask task) {
        var element = task.getBpmnModelElementInstance();
        var decisionVariable = property(task, "decision");
        var rationaleVariable = property(task, "rationale");
        var outcome = task.getVariable(decisionVariable);
        var rationale = task.getVariable(rationaleVariable);
        if (outcome == null || outcome.toString().isBlank()) {
            throw TaskInput.invalid(decisionVariable, "'" + element.getName() + "' needs a decision (" + decisionVariable + ")");
        }
        if (rationale == null || rationale.toString().isBlank()) {
            throw TaskInput.invalid(rationaleVariable, "'" + element.getName() + "' needs the rationale for its decision (" + rationaleVariable + ")");
        }
        children.recordDecision(task.getExecution().getProcessBusinessKey(), element.getName(), outcome.toString(),
                rationale.toString().strip(), TaskInput.doneBy(task), task.getProcessInstanceId(), task.getId());
    }

    private static String property(DelegateTask task, String name) {
        return TaskInput.property(task, name).orElseThrow(() -> new IllegalStateException("User task "
                + task.getTaskDefinitionKey() + " records a decision but has no '" + name + "' property naming its variable"));
    }
}
