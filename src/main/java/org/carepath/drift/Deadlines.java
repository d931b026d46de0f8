package org.carepath.drift;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.carepath.timescale.Timescales;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory deadlines of tracked stages. From BPMN, on a stage's sub-process:
 *
 * <pre>{@code
 * <camunda:executionListener event="start" expression="${deadlines.open(execution, 'ASSESSMENT', referralReceivedAt)}"/>
 * <camunda:executionListener event="end" expression="${deadlines.close(execution)}"/>
 * }</pre>
 *
 * Opening sets the stage's local variables {@code deadlineDueAt} and {@code deadlineWarningAt} (the
 * due and follow-up dates of the stage's tasks), {@code deadlineDueOn}, {@code deadlineDueOnText},
 * {@code deadlineWork} and {@code deadlineOverdue} (for forms), and {@code deadlineId}.
 */
@Component("deadlines")
@Transactional
public class Deadlines {

    static final String FALLBACK_REMINDER_GROUP = "team-manager";

    private final DeadlineRepository deadlines;
    private final DriftAlertRepository alerts;
    private final DeadlineExtensionRepository extensions;
    private final Timescales timescales;
    private final ProcessEngine engine;

    Deadlines(DeadlineRepository deadlines, DriftAlertRepository alerts, DeadlineExtensionRepository extensions,
              Timescales timescales, @Lazy ProcessEngine engine) {
        this.deadlines = deadlines;
        this.alerts = alerts;
        this.extensions = extensions;
        this.timescales = timescales;
        this.engine = engine;
    }

    public void open(DelegateExecution stage, String timescaleKey, Object trigger) {
        var triggerDate = timescales.dateOf(trigger);
        var due = timescales.dueDate(timescaleKey, triggerDate);
        var warning = timescales.warningDate(timescaleKey, triggerDate);
        var definitionKey = stage.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(stage.getProcessDefinitionId()).getKey();
        var deadline = deadlines.save(new Deadline(stage.getProcessBusinessKey(), stage.getProcessInstanceId(),
                definitionKey, stage.getCurrentActivityId(), stage.getActivityInstanceId(), stage.getCurrentActivityName(),
                timescaleKey, triggerDate, warning, due, timescales.now()));
        stage.setVariableLocal("deadlineId", deadline.id());
        stage.setVariablesLocal(dueDateVariables(due, warning));
        stage.setVariableLocal("deadlineWork", stage.getCurrentActivityName());
        stage.setVariableLocal("deadlineOverdue", false);
    }

    /**
     * Extends the open deadline of a process's stage on that timescale, e.g. a court's extension of the
     * 26 weeks: the due date moves by {@code amount} of the timescale's unit, the stage's reminder and
     * deadline timers and its tasks' due dates move with it, and the original due date and every
     * extension stay on record. Answers the new due date.
     */
    public LocalDate extend(String processInstanceId, String timescaleKey, int amount, String reason, LocalDate grantedOn,
                            String recordedBy) {
        var deadline = deadlines.findFirstByProcessInstanceIdAndTimescaleKeyAndClosedAtIsNull(processInstanceId, timescaleKey)
                .orElseThrow(() -> new IllegalStateException("No open " + timescaleKey + " deadline in " + processInstanceId));
        var previous = deadline.dueDate();
        var due = timescales.extend(timescaleKey, previous, amount);
        var warning = timescales.warningBefore(timescaleKey, due, deadline.triggerDate());
        deadline.extendTo(due, warning);
        extensions.save(new DeadlineExtension(deadline, amount, timescales.timescale(timescaleKey).unit(), reason, grantedOn,
                previous, due, recordedBy, timescales.now()));

        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        var stageExecution = executionOf(engine.getRuntimeService().getActivityInstance(processInstanceId), deadline.activityInstanceId());
        if (stageExecution != null) {
            engine.getRuntimeService().setVariablesLocal(stageExecution, dueDateVariables(due, warning));
        }
        for (var timer : StageWork.timers(engine, instance.getProcessDefinitionId(), deadline.activityId())) {
            var expression = timer.getChildElementsByType(TimerEventDefinition.class).iterator().next().getTimeDate().getTextContent();
            var moved = expression.contains("timescales.warning") ? timescales.reminderAt(warning) : timescales.endOf(due);
            engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).activityId(timer.getId()).timers()
                    .list().forEach(job -> engine.getManagementService().setJobDuedate(job.getId(), Date.from(moved)));
        }
        for (var task : StageWork.tasksOnTheStagesClock(engine, instance.getProcessDefinitionId(), processInstanceId, deadline.activityId())) {
            task.setDueDate(Date.from(timescales.endOf(due)));
            task.setFollowUpDate(Date.from(timescales.reminderAt(warning)));
            engine.getTaskService().saveTask(task);
        }
        return due;
    }

    private Map<String, Object> dueDateVariables(LocalDate due, LocalDate warning) {
        return Map.of(
                "deadlineDueAt", Date.from(timescales.endOf(due)),
                "deadlineWarningAt", Date.from(timescales.reminderAt(warning)),
                "deadlineDueOn", due.toString(),
                "deadlineDueOnText", DriftLadder.DAY.format(due));
    }

    private static String executionOf(ActivityInstance instance, String activityInstanceId) {
        if (instance.getId().equals(activityInstanceId)) {
            return instance.getExecutionIds().length == 0 ? null : instance.getExecutionIds()[0];
        }
        for (var child : instance.getChildActivityInstances()) {
            var found = executionOf(child, activityInstanceId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The stage ended: its work was done, or it was cancelled. Resolves the stage's drift alert if there is one. */
    public void close(DelegateExecution stage) {
        var deadline = deadline(stage.getVariableLocal("deadlineId"));
        if (!deadline.open()) {
            return;
        }
        var now = timescales.now();
        var outcome = stage.isCanceled() ? Resolution.CANCELLED : Resolution.COMPLETED;
        int late = timescales.workingDaysLate(deadline.dueDate(), timescales.dateOf(now));
        deadline.close(now, outcome, late);
        alerts.findByDeadline(deadline).filter(DriftAlert::open).ifPresent(alert -> alert.resolve(now, outcome, late));
    }

    /** Who is doing the stage's work now: the assignee of its open task, if it has one. */
    public String reminderAssignee(DelegateExecution execution) {
        return stageTasks(execution).stream().map(Task::getAssignee).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** When nobody has picked the work up: the groups it is offered to (else the team managers). */
    public List<String> reminderGroups(DelegateExecution execution) {
        var tasks = stageTasks(execution);
        if (tasks.stream().anyMatch(task -> task.getAssignee() != null)) {
            return List.of();
        }
        var taskService = execution.getProcessEngineServices().getTaskService();
        var groups = new LinkedHashSet<String>();
        for (var task : tasks) {
            taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .forEach(link -> groups.add(link.getGroupId()));
        }
        return groups.isEmpty() ? List.of(FALLBACK_REMINDER_GROUP) : List.copyOf(groups);
    }

    /** Create listener of a reminder task. */
    public void reminded(DelegateTask reminder) {
        deadline(reminder.getVariable("deadlineId")).reminded(timescales.now());
    }

    /** Complete listener of a reminder task: the worker has seen it, and may say what stands in the way. */
    public void acknowledged(DelegateTask reminder) {
        var authentication = reminder.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        var note = reminder.getVariable("reminderNote");
        deadline(reminder.getVariable("deadlineId")).reminderAcknowledged(timescales.now(),
                authentication != null ? authentication.getUserId() : reminder.getAssignee(),
                note == null || note.toString().isBlank() ? null : note.toString().strip());
    }

    @Transactional(readOnly = true)
    public List<DeadlineView> openFor(String childReference) {
        return views(deadlines.findByChildReferenceAndClosedAtIsNullOrderByDueDateAsc(childReference));
    }

    /** The open deadlines of one process instance. */
    @Transactional(readOnly = true)
    public List<DeadlineView> openForProcess(String processInstanceId) {
        return views(deadlines.findByProcessInstanceIdAndClosedAtIsNullOrderByDueDateAsc(processInstanceId));
    }

    private List<DeadlineView> views(List<Deadline> open) {
        var now = timescales.now();
        var today = timescales.dateOf(now);
        return open.stream()
                .map(deadline -> new DeadlineView(deadline.timescaleKey(),
                        timescales.timescale(deadline.timescaleKey()).description(), deadline.work(),
                        deadline.processInstanceId(), deadline.processDefinitionKey(), deadline.triggerDate(),
                        deadline.warningDate(), deadline.dueDate(), deadline.originalDueDate(), status(deadline, now),
                        timescales.workingDaysLate(deadline.dueDate(), today), deadline.remindedAt(),
                        deadline.reminderAcknowledgedAt(), deadline.reminderAcknowledgedBy()))
                .toList();
    }

    private DeadlineStatus status(Deadline deadline, Instant now) {
        if (now.isAfter(timescales.endOf(deadline.dueDate()))) {
            return DeadlineStatus.OVERDUE;
        }
        if (!now.isBefore(timescales.reminderAt(deadline.warningDate()))) {
            return DeadlineStatus.WARNING;
        }
        return DeadlineStatus.ON_TIME;
    }

    private List<Task> stageTasks(DelegateExecution execution) {
        var stage = StageWork.stageOf(execution.getBpmnModelElementInstance());
        return StageWork.openTasks(execution.getProcessEngineServices(), execution.getProcessDefinitionId(),
                execution.getProcessInstanceId(), stage.getId());
    }

    private Deadline deadline(Object id) {
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("No deadline is open here: is this inside a tracked stage?");
        }
        return deadlines.findById(number.longValue())
                .orElseThrow(() -> new IllegalStateException("Deadline " + id + " does not exist"));
    }
}
