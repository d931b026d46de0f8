package org.carepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Given / when / then for process tests: the engine clock is moved and timers are fired by hand, never by
 * sleeping; tasks are completed as a real user with their groups, so authorization and "decided by" are
 * those of the running app.
 */
public abstract class ProcessTestSupport {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Process instances started by each test class, for the path-coverage check at the end of the class. */
    protected static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    @Autowired
    protected ProcessEngine engine;

    @BeforeEach
    void initEngine() {
        // The engine REST API and the web apps find the engine by name in a JVM-wide registry, which the
        // suite's other application contexts (Keycloak mode, a refused start) also register "default" in.
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetEngine() {
        engine.getIdentityService().clearAuthentication();
        BpmnAwareTests.reset();
        ClockUtil.reset();
    }

    /** Sets the engine clock to a wall-clock time in England, e.g. {@code "2026-04-02T10:00"}. */
    protected static void clockAt(String londonDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(londonDateTime).atZone(LONDON).toInstant()));
    }

    /** The instant a day ends in England: deadlines fall due then. */
    protected static Date endOfDay(String date) {
        return Date.from(LocalDate.parse(date).atTime(23, 59, 59).atZone(LONDON).toInstant());
    }

    protected static Date londonTime(String londonDateTime) {
        return Date.from(LocalDateTime.parse(londonDateTime).atZone(LONDON).toInstant());
    }

    protected Job timer(String processInstanceId, String activityId) {
        var job = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).timers().singleResult();
        assertThat(job).as("timer at %s", activityId).isNotNull();
        return job;
    }

    /** Moves the clock to when the timer is due and fires it. */
    protected void fire(String processInstanceId, String activityId) {
        var job = timer(processInstanceId, activityId);
        ClockUtil.setCurrentTime(new Date(Math.max(ClockUtil.getCurrentTime().getTime(), job.getDuedate().getTime() + 1000)));
        engine.getManagementService().executeJob(job.getId());
    }

    /**
     * The clock of a tracked stage that is open now ({@code processes/statutory-deadline.bpmn}): the process
     * that reminds at the warning point and escalates at the deadline.
     */
    protected ProcessInstance clockOf(String processInstanceId, String stageActivityId) {
        var stages = engine.getRuntimeService().getActivityInstance(processInstanceId).getActivityInstances(stageActivityId);
        assertThat(stages).as("open stage %s", stageActivityId).hasSize(1);
        var deadlineId = engine.getRuntimeService().getVariableLocal(stages[0].getExecutionIds()[0], "deadlineId");
        var clock = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("statutory-deadline")
                .variableValueEquals("deadlineId", deadlineId).singleResult();
        assertThat(clock).as("clock of %s", stageActivityId).isNotNull();
        return clock;
    }

    /** Moves the clock to a stage's deadline and lets it pass: the escalation ladder starts. */
    protected ProcessInstance missDeadline(String processInstanceId, String stageActivityId) {
        var clock = clockOf(processInstanceId, stageActivityId);
        fire(clock.getId(), "Event_DeadlinePassed");
        return ladderOf(clock);
    }

    protected ProcessInstance ladderOf(ProcessInstance clock) {
        var ladder = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(clock.getId())
                .processDefinitionKey("drift-escalation").singleResult();
        assertThat(ladder).as("escalation ladder").isNotNull();
        return ladder;
    }

    /**
     * Walks what every tracked stage ({@code SubProcess_<stage>}) does while its work is late: at the warning
     * point a reminder for the role holding the work, in the child's team; at the deadline the drift ladder,
     * acted on by the team manager and then the service manager; the stage stays open for its work.
     */
    protected void walkReminderAndEscalation(ProcessInstance instance, String stage, String group) {
        var clock = clockOf(instance.getId(), "SubProcess_" + stage);
        fire(clock.getId(), "Event_WarningPointReached");
        var reminder = task(clock.getId(), "Task_PlanToMeetDeadline");
        assertThat(engine.getTaskService().getIdentityLinksForTask(reminder.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).matches("([a-z-]+--)?" + java.util.regex.Pattern.quote(group)));
        completeAs(group, reminder, Map.of("reminderNote", "Booked for Monday."));

        fire(clock.getId(), "Event_DeadlinePassed");
        var ladder = ladderOf(clock);
        assertThat(ladder.getBusinessKey()).isEqualTo(instance.getBusinessKey());
        completeAs("team-manager", task(ladder.getId(), "Task_ActOnMissedDeadline"), driftAction("Reallocate today."));
        fire(ladder.getId(), "Event_EscalationPointReached");
        completeAs("service-manager", task(ladder.getId(), "Task_ActOnEscalatedDeadline"), driftAction("Agency worker for two weeks."));

        BpmnAwareTests.assertThat(clock).hasPassed("End_ReminderSeen", "End_EscalationClosed").isEnded();
        BpmnAwareTests.assertThat(instance).isActive();
        BpmnAwareTests.assertThat(instance).isWaitingAt("SubProcess_" + stage);
    }

    /** What a manager records on a drift alert: the action, its owner and date, and why the work is late. */
    protected static Map<String, Object> driftAction(String action) {
        return Map.of("driftAction", action, "driftActionOwner", "Tom Whitfield",
                "driftActionDueOn", LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON).plusDays(2).toString(),
                "driftRationale", "Caseload too high.");
    }

    protected Task task(String processInstanceId, String taskDefinitionKey) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as("open task %s", taskDefinitionKey).isNotNull();
        return task;
    }

    /** Completes a task as the given demo user (their groups from the identity service), as the Tasklist would. */
    protected void completeAs(String user, Task task, Map<String, Object> variables) {
        completeAs(engine, user, task, variables);
    }

    /** For fixtures outside a process test: claims the task if nobody has, then completes it, as the user. */
    public static void completeAs(ProcessEngine engine, String user, Task task, Map<String, Object> variables) {
        var identity = engine.getIdentityService();
        var groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        identity.setAuthentication(user, groups);
        try {
            if (task.getAssignee() == null) {
                engine.getTaskService().claim(task.getId(), user);
            }
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    protected ProcessInstance track(ProcessInstance instance) {
        STARTED.add(instance.getId());
        return instance;
    }

    protected Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /**
     * Every flow node of the model was walked by some instance this class started (or by the clocks of
     * their stages, or the instances those called): a BPMN path without a test that walks it does not exist yet.
     */
    protected static void assertEveryFlowNodeWalked(ProcessEngine engine, String processKey, Collection<String> started) {
        var history = engine.getHistoryService();
        var instances = new HashSet<String>(started);
        history.createHistoricVariableInstanceQuery().variableName("journeyProcessInstanceId").list().stream()
                .filter(variable -> started.contains(variable.getValue()))
                .forEach(variable -> instances.add(variable.getProcessInstanceId()));
        int found;
        do {
            found = instances.size();
            for (var id : Set.copyOf(instances)) {
                history.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list()
                        .forEach(called -> instances.add(called.getId()));
            }
        } while (instances.size() > found);
        var ofKey = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
                .map(HistoricProcessInstance::getId).filter(instances::contains).toList();
        assertThat(ofKey).as("instances of %s", processKey).isNotEmpty();
        var walked = new HashSet<String>();
        for (var id : ofKey) {
            history.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream()
                    .map(HistoricActivityInstance::getActivityId).forEach(walked::add);
        }
        var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        var nodes = new TreeSet<String>();
        engine.getRepositoryService().getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
                .forEach(node -> nodes.add(node.getId()));
        nodes.removeAll(walked);
        assertThat(nodes).as("flow nodes of %s no test walked", processKey).isEmpty();
    }

    protected static Map<String, Object> vars(Object... keysAndValues) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
