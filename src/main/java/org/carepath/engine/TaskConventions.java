package org.carepath.engine;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.carepath.timescale.Timescales;

/**
 * Conventions every user task of every journey follows, so no model can forget them:
 * <ul>
 *   <li>its name in the Tasklist carries the child's name and reference ("Screen contact: Jay Smith (C-000001)");</li>
 *   <li>its description says its due date as a date;</li>
 *   <li>dates named in its {@code notInFuture} property (comma-separated variables) must not be after today;</li>
 *   <li>variables named in its {@code freshInput} property are cleared when it is created;</li>
 *   <li>whoever completes it is its assignee on the record, even if they completed it without claiming
 *       it first (as the engine's REST API allows), so history says who did the work.</li>
 * </ul>
 */
class TaskConventions extends AbstractBpmnParseListener {

    private final Timescales timescales;

    TaskConventions(Timescales timescales) {
        this.timescales = timescales;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskConventions::nameAfterChild);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskConventions::startWithFreshInput);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this::sayWhenDue);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::checkDatesNotInFuture);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskConventions::recordWhoDidIt);
    }

    /**
     * Its description in the Tasklist says when it is due as a date ("Due by the end of Tuesday 1 December
     * 2026"), not only "due in 6 hours"; whatever else it says (the allocating manager's note) comes first.
     */
    private void sayWhenDue(DelegateTask task) {
        if (task.getDueDate() == null) {
            return;
        }
        var dueOn = timescales.dateOf(task.getDueDate());
        int late = timescales.workingDaysLate(dueOn, timescales.today());
        var due = "Due by the end of " + Timescales.DAY_IN_WORDS.format(dueOn)
                + (late > 0 ? ", overdue by " + late + (late == 1 ? " working day" : " working days") : "") + ".";
        var said = new StringBuilder();
        if (task.getDescription() != null && !task.getDescription().isBlank()) {
            said.append(task.getDescription()).append("\n\n");
        }
        if (task.getVariable("deadlineTimescale") instanceof String key) {
            // why it matters: the statutory (or local) timescale the stage is tracked on, and where it comes from
            var timescale = timescales.timescale(key);
            said.append("Why it matters: ").append(timescale.description()).append(" (").append(timescale.source()).append(").\n\n");
        }
        task.setDescription(said.append(due).toString());
    }

    static void recordWhoDidIt(DelegateTask task) {
        var doneBy = TaskInput.doneBy(task);
        if (task.getAssignee() == null && doneBy != null) {
            task.setAssignee(doneBy);
        }
    }

    static void nameAfterChild(DelegateTask task) {
        var childName = task.getVariable("childName");
        var reference = task.getExecution().getProcessBusinessKey();
        if (childName != null && reference != null && task.getName() != null) {
            task.setName(task.getName() + ": " + childName + " (" + reference + ")");
        }
    }

    /**
     * A form used more than once in a journey (a review every few weeks) would open filled in with last
     * time's answers: the variables named in the task's {@code freshInput} property are cleared first.
     */
    static void startWithFreshInput(DelegateTask task) {
        TaskInput.property(task, "freshInput").ifPresent(names -> Arrays.stream(names.split(","))
                .map(String::strip).forEach(name -> task.getExecution().removeVariable(name)));
    }

    private void checkDatesNotInFuture(DelegateTask task) {
        TaskInput.property(task, "notInFuture").ifPresent(names -> Arrays.stream(names.split(","))
                .map(String::strip)
                .forEach(name -> {
                    var value = task.getVariable(name);
                    if (value == null) {
                        return;
                    }
                    var date = timescales.dateOf(value);
                    if (date.isAfter(timescales.today())) {
                        throw TaskInput.invalid(name, "The date " + date + " (" + name + ") is in the future");
                    }
                }));
    }
}
