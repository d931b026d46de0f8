package org.carepath.drift;

import java.time.LocalDate;
import java.util.Date;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.carepath.engine.TaskInput;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the shared escalation ladder ({@code processes/drift-escalation.bpmn}), called by a
 * deadline's clock when its stage passes the deadline, with {@code deadlineId} and {@code childName}.
 */
@Component("driftLadder")
@Transactional
public class DriftLadder {


    private final DeadlineRepository deadlines;
    private final DriftAlertRepository alerts;
    private final Timescales timescales;

    DriftLadder(DeadlineRepository deadlines, DriftAlertRepository alerts, Timescales timescales) {
        this.deadlines = deadlines;
        this.alerts = alerts;
        this.timescales = timescales;
    }

    /** The deadline has passed: persist a drift alert and tell the late stage it is overdue. */
    public void raise(DelegateExecution ladder) {
        var deadline = deadlines.findById(((Number) ladder.getVariable("deadlineId")).longValue())
                .orElseThrow(() -> new IllegalStateException("No deadline " + ladder.getVariable("deadlineId")));
        var now = timescales.now();
        deadline.breached(now);
        var engine = ladder.getProcessEngineServices();
        var waitingAt = describeOpenWork(engine, deadline);
        var alert = alerts.findByDeadline(deadline).orElseGet(() -> alerts.save(new DriftAlert(deadline, waitingAt, now)));

        ladder.setVariable("alertId", alert.id());
        ladder.setVariable("alertRaisedAt", Date.from(now));
        ladder.setVariable("childRef", deadline.childReference());
        ladder.setVariable("lateWork", deadline.work());
        ladder.setVariable("timescaleDescription", timescales.timescale(deadline.timescaleKey()).description());
        ladder.setVariable("triggerOn", Timescales.DAY_IN_WORDS.format(deadline.triggerDate()));
        ladder.setVariable("dueOn", Timescales.DAY_IN_WORDS.format(deadline.dueDate()));
        ladder.setVariable("waitingAt", waitingAt == null ? "Not known" : waitingAt);
        ladder.setVariable("teamManagerActed", false);
        var stage = Deadlines.stageExecution(engine, deadline);
        if (stage != null) {
            engine.getRuntimeService().setVariableLocal(stage, "deadlineOverdue", true);
        }
    }

    /** The work is still not done after the team manager's time: the service manager takes it up. */
    public void escalateToServiceManager(DelegateExecution ladder) {
        var now = timescales.now();
        alert(ladder.getVariable("alertId")).escalate(EscalationLevel.SERVICE_MANAGER, now);
        ladder.setVariable("escalatedAt", Date.from(now));
    }

    /** Complete listener of an escalation task: the manager's action, its owner and due date, and why. */
    public void recordAction(DelegateTask task, int level) {
        var action = TaskInput.requiredText(task, "driftAction");
        var owner = TaskInput.requiredText(task, "driftActionOwner");
        var rationale = TaskInput.requiredText(task, "driftRationale");
        var dueOn = TaskInput.requiredText(task, "driftActionDueOn");
        LocalDate due;
        try {
            due = timescales.dateOf(dueOn);
        } catch (IllegalArgumentException e) {
            throw TaskInput.invalid("driftActionDueOn", "'" + dueOn + "' is not a date");
        }
        if (due.isBefore(timescales.today())) {
            throw TaskInput.invalid("driftActionDueOn", "The action's due date " + due + " is in the past");
        }
        var alert = alert(task.getVariable("alertId"));
        alert.record(new DriftAlertAction(alert, level, TaskInput.doneBy(task), action, owner, due, rationale, timescales.now()));
        if (level == EscalationLevel.TEAM_MANAGER.level()) {
            task.setVariable("teamManagerAction", action + " (owner: " + owner + ", by " + Timescales.DAY_IN_WORDS.format(due) + ")");
            task.setVariable("teamManagerRationale", rationale);
            task.setVariable("teamManagerActed", true);
        }
    }

    private String describeOpenWork(ProcessEngineServices engine, Deadline deadline) {
        var tasks = StageWork.openTasks(engine, deadline);
        if (tasks.isEmpty()) {
            return null;
        }
        var identity = engine.getIdentityService();
        return tasks.stream().map(task -> {
            var name = task.getName();
            if (task.getAssignee() == null) {
                return name + " (not yet picked up)";
            }
            var user = identity.createUserQuery().userId(task.getAssignee()).singleResult();
            return name + " (with " + (user == null ? task.getAssignee() : user.getFirstName() + " " + user.getLastName()) + ")";
        }).collect(Collectors.joining("; "));
    }

    private DriftAlert alert(Object id) {
        return alerts.findById(((Number) id).longValue())
                .orElseThrow(() -> new IllegalStateException("No drift alert " + id));
    }

}
