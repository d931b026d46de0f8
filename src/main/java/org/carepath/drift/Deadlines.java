package org.carepath.drift;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.engine.TaskInput;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory deadlines of tracked stages ({@link TrackedStages}). Opening one sets the stage's local
 * variables {@code deadlineDueAt} and {@code deadlineWarningAt} (the due and follow-up dates of the
 * stage's tasks), {@code deadlineDueOn}, {@code deadlineDueOnText}, {@code deadlineWork} and
 * {@code deadlineOverdue} (for forms), and {@code deadlineId}, and starts the deadline's clock
 * ({@code processes/statutory-deadline.bpmn}) with the same dates; closing it stops the clock.
 */
@Component("deadlines")
@Transactional
public class Deadlines {

    static final String FALLBACK_REMINDER_GROUP = "team-manager";
    /** A transient variable of the clock, while its reminder is created. */
    private static final String REMINDED = "reminded";
    static final String CLOCK_PROCESS = "statutory-deadline";
    static final String CLOCK_STOPS = "StageClosed";
    static final String WARNING_TIMER = "Event_WarningPointReached";
    static final String DEADLINE_TIMER = "Event_DeadlinePassed";
    private static final String REMINDER = "Plan to meet the deadline";

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
        var variables = new HashMap<String, Object>(dueDateVariables(due, warning));
        variables.put("deadlineId", deadline.id());
        variables.put("deadlineWork", stage.getCurrentActivityName());
        variables.put("deadlineTimescale", timescaleKey);
        stage.setVariablesLocal(variables);
        stage.setVariableLocal("deadlineOverdue", false);

        variables.put("childName", stage.getVariable("childName"));
        variables.put("journeyProcessInstanceId", stage.getProcessInstanceId());
        asTheApplication(() -> deadline.runsOn(stage.getProcessEngineServices().getRuntimeService()
                .createProcessInstanceByKey(CLOCK_PROCESS).businessKey(stage.getProcessBusinessKey()).setVariables(variables)
                .execute().getId()));
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

        var runtime = engine.getRuntimeService();
        var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        var stageExecution = stageExecution(engine, deadline);
        if (stageExecution != null) {
            runtime.setVariablesLocal(stageExecution, dueDateVariables(due, warning));
        }
        var tasks = new ArrayList<>(StageWork.tasksOnTheStagesClock(engine, instance.getProcessDefinitionId(),
                processInstanceId, deadline.activityId()));
        var clock = deadline.clockProcessInstanceId();
        if (clock != null) {
            Viewer.asTheApplication(engine.getIdentityService(), () -> {
                if (runtime.createProcessInstanceQuery().processInstanceId(clock).count() > 0) {
                    runtime.setVariables(clock, dueDateVariables(due, warning));
                    moveTimer(clock, WARNING_TIMER, timescales.reminderAt(warning));
                    moveTimer(clock, DEADLINE_TIMER, timescales.endOf(due));
                    tasks.addAll(engine.getTaskService().createTaskQuery().processInstanceId(clock).list());
                }
                return null;
            });
        }
        for (var task : tasks) {
            task.setDueDate(Date.from(timescales.endOf(due)));
            task.setFollowUpDate(Date.from(timescales.reminderAt(warning)));
            engine.getTaskService().saveTask(task);
        }
        return due;
    }

    /**
     * A deadline's clock is the application's bookkeeping, not the user's act: it starts and stops with the
     * user's stage whatever the user may do with process instances themselves.
     */
    private static void asTheApplication(Runnable work) {
        var command = Context.getCommandContext();
        if (command == null || !command.isAuthorizationCheckEnabled()) {
            work.run();
            return;
        }
        command.disableAuthorizationCheck();
        try {
            work.run();
        } finally {
            command.enableAuthorizationCheck();
        }
    }

    private void moveTimer(String clock, String timer, Instant to) {
        var management = engine.getManagementService();
        management.createJobQuery().processInstanceId(clock).activityId(timer).timers().list()
                .forEach(job -> management.setJobDuedate(job.getId(), Date.from(to)));
    }

    private Map<String, Object> dueDateVariables(LocalDate due, LocalDate warning) {
        return Map.of(
                "deadlineDueAt", Date.from(timescales.endOf(due)),
                "deadlineWarningAt", Date.from(timescales.reminderAt(warning)),
                "deadlineDueOn", due.toString(),
                "deadlineDueOnText", Timescales.DAY_IN_WORDS.format(due));
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

    /**
     * The stage ended: its work was done, or it was cancelled. Resolves the stage's drift alert if there is
     * one and stops the deadline's clock, with its reminder and escalation.
     */
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
        if (deadline.clockProcessInstanceId() != null) {
            asTheApplication(() -> stage.getProcessEngineServices().getRuntimeService().createMessageCorrelation(CLOCK_STOPS)
                    .processInstanceId(deadline.clockProcessInstanceId()).correlateAll());
        }
    }

    /**
     * Whether the deadline is still to come when its warning point is reached. A stage opened late (a
     * back-dated record) finds both behind it: no reminder then, only the alert and the escalation.
     */
    public boolean stillAhead(DelegateExecution clock) {
        var due = (Date) clock.getVariable("deadlineDueAt");
        return due == null || timescales.now().isBefore(due.toInstant());
    }

    /** Who is doing the stage's work now: the assignee of its open task, if it has one. */
    public String reminderAssignee(DelegateExecution clock) {
        return reminded(clock).assignee();
    }

    /** When nobody has picked the work up: the groups it is offered to (else the team managers). */
    public List<String> reminderGroups(DelegateExecution clock) {
        return reminded(clock).groups();
    }

    private record Reminded(String assignee, List<String> groups) {
    }

    /**
     * Who a reminder goes to, worked out once per reminder: the model asks twice (assignee, candidate
     * groups), and each time would read the deadline, the journey, its model and the stage's tasks.
     */
    private Reminded reminded(DelegateExecution clock) {
        var known = clock.getVariableLocal(REMINDED);
        if (known instanceof Reminded reminded) {
            return reminded;
        }
        var tasks = stageTasks(clock);
        var assignee = tasks.stream().map(Task::getAssignee).filter(Objects::nonNull).findFirst().orElse(null);
        var groups = new LinkedHashSet<String>();
        if (assignee == null) {
            var taskService = clock.getProcessEngineServices().getTaskService();
            for (var task : tasks) {
                taskService.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                        .forEach(link -> groups.add(link.getGroupId()));
            }
            if (groups.isEmpty()) {
                groups.add(FALLBACK_REMINDER_GROUP);
            }
        }
        var reminded = new Reminded(assignee, List.copyOf(groups));
        clock.setVariableLocal(REMINDED, Variables.objectValue(reminded, true).create());
        return reminded;
    }

    /** Create listener of a reminder task: it is on record, and its name says which work is due. */
    public void reminded(DelegateTask reminder) {
        var deadline = deadline(reminder.getVariable("deadlineId"));
        deadline.reminded(timescales.now());
        var name = reminder.getName();
        if (name != null && name.startsWith(REMINDER)) {
            reminder.setName(REMINDER + " for " + inASentence(deadline.work()) + name.substring(REMINDER.length()));
        }
    }

    private static String inASentence(String work) {
        return work.isEmpty() || (work.length() > 1 && Character.isUpperCase(work.charAt(1)))
                ? work : Character.toLowerCase(work.charAt(0)) + work.substring(1);
    }

    /** Complete listener of a reminder task: the worker has seen it, and may say what stands in the way. */
    public void acknowledged(DelegateTask reminder) {
        deadline(reminder.getVariable("deadlineId")).reminderAcknowledged(timescales.now(), TaskInput.doneBy(reminder),
                TaskInput.text(reminder, "reminderNote"));
    }

    @Transactional(readOnly = true)
    public List<DeadlineView> openFor(String childReference) {
        return views(deadlines.findByChildReferenceAndClosedAtIsNullOrderByDueDateAsc(childReference));
    }

    /** The open deadlines of each of these children, soonest due first: one query, for pages that list many children. */
    @Transactional(readOnly = true)
    public Map<String, List<DeadlineView>> openForEach(java.util.Collection<String> childReferences) {
        var byChild = new HashMap<String, List<Deadline>>();
        var references = List.copyOf(childReferences);
        for (int from = 0; from < references.size(); from += 10_000) { // under PostgreSQL's limit on a statement's parameters
            for (var deadline : deadlines.findByChildReferenceInAndClosedAtIsNullOrderByDueDateAsc(
                    references.subList(from, Math.min(references.size(), from + 10_000)))) {
                byChild.computeIfAbsent(deadline.childReference(), reference -> new ArrayList<>()).add(deadline);
            }
        }
        var open = new HashMap<String, List<DeadlineView>>();
        byChild.forEach((reference, theirs) -> open.put(reference, views(theirs)));
        return open;
    }

    /**
     * Each of these children's open clocks at a glance: the next one due and the worst status of any, from one query
     * of four columns per 10,000 children, for pages that sort every child in a scope by them.
     */
    @Transactional(readOnly = true)
    public Map<String, OpenClocks> openClocksOf(java.util.Collection<String> childReferences) {
        var now = timescales.now();
        var today = timescales.dateOf(now);
        var clocks = new HashMap<String, OpenClocks>();
        var references = List.copyOf(childReferences);
        for (int from = 0; from < references.size(); from += 10_000) {
            for (var row : deadlines.openDatesOf(references.subList(from, Math.min(references.size(), from + 10_000)))) {
                var reference = (String) row[0];
                var status = status((LocalDate) row[2], (LocalDate) row[3], now);
                var earlier = clocks.get(reference);
                if (earlier == null) {
                    clocks.put(reference, new OpenClocks((String) row[1], (LocalDate) row[2], status,
                            timescales.workingDaysLate((LocalDate) row[2], today), status));
                } else if (status.compareTo(earlier.worst()) > 0) {
                    clocks.put(reference, new OpenClocks(earlier.nextWork(), earlier.nextDue(), earlier.nextStatus(),
                            earlier.nextWorkingDaysOverdue(), status));
                }
            }
        }
        return clocks;
    }

    /** A child's open clocks at a glance: the one due next, and the worst status of any. */
    public record OpenClocks(String nextWork, LocalDate nextDue, DeadlineStatus nextStatus, int nextWorkingDaysOverdue,
                             DeadlineStatus worst) {
    }

    /** The open deadlines of one process instance. */
    @Transactional(readOnly = true)
    public List<DeadlineView> openForProcess(String processInstanceId) {
        return views(deadlines.findByProcessInstanceIdAndClosedAtIsNullOrderByDueDateAsc(processInstanceId));
    }

    /**
     * The stages on these timescales whose work was done from {@code from} to {@code to} (both days included, in the
     * council's time zone); a stage cancelled (the work withdrawn) is not among them.
     */
    @Transactional(readOnly = true)
    public List<CompletedDeadline> completedBetween(java.util.Collection<String> timescaleKeys, LocalDate from, LocalDate to) {
        return deadlines.findByTimescaleKeyInAndOutcomeAndClosedAtGreaterThanEqualAndClosedAtLessThan(timescaleKeys,
                        Resolution.COMPLETED, from.atStartOfDay(timescales.zone()).toInstant(),
                        to.plusDays(1).atStartOfDay(timescales.zone()).toInstant()).stream()
                .map(d -> new CompletedDeadline(d.childReference(), d.timescaleKey(), d.activityId(), d.work(), d.triggerDate(),
                        d.originalDueDate(), d.dueDate(), timescales.dateOf(d.closedAt())))
                .toList();
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
        return status(deadline.dueDate(), deadline.warningDate(), now);
    }

    private DeadlineStatus status(LocalDate dueDate, LocalDate warningDate, Instant now) {
        if (now.isAfter(timescales.endOf(dueDate))) {
            return DeadlineStatus.OVERDUE;
        }
        if (!now.isBefore(timescales.reminderAt(warningDate))) {
            return DeadlineStatus.WARNING;
        }
        return DeadlineStatus.ON_TIME;
    }

    private List<Task> stageTasks(DelegateExecution clock) {
        return StageWork.openTasks(clock.getProcessEngineServices(), deadline(clock.getVariable("deadlineId")));
    }

    /** The stage's execution in its journey, where its local variables live (null once it has ended). */
    static String stageExecution(ProcessEngineServices engine, Deadline deadline) {
        var tree = engine.getRuntimeService().getActivityInstance(deadline.processInstanceId());
        return tree == null ? null : executionOf(tree, deadline.activityInstanceId());
    }

    private Deadline deadline(Object id) {
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("No deadline is open here: is this inside a tracked stage?");
        }
        return deadlines.findById(number.longValue())
                .orElseThrow(() -> new IllegalStateException("Deadline " + id + " does not exist"));
    }
}
