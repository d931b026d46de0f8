package org.carepath.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carepath.CarePathTest;
import org.carepath.drift.DriftAlerts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** The demo seed, at a tiny size and under its own marker: every stage there, late work alerted, idempotent, local only. */
@CarePathTest
class DemoSeedTest {

    @Autowired
    DemoCaseload caseload;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DriftAlerts alerts;
    @Autowired
    Environment environment;

    @Test
    void seedsEveryStageThroughTheJourneysOnceOverdueWorkRaisesAlertsAndSeedingAgainAddsNothing() {
        var marker = "DemoSeedTest " + System.nanoTime();
        var size = new SeedSize(7, 4, 5);
        var console = new ByteArrayOutputStream();

        var first = caseload.seed(size, marker, 2, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(first.failed()).as("first failure: %s", first.firstFailure()).isZero();
        assertThat(first.added()).isEqualTo(16);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("16/16 children").contains("/s").contains("left").contains("took");
        assertThat(caseload.seeded(DemoCaseload.Kind.LOOKED_AFTER, marker)).isEqualTo(7);
        assertThat(caseload.seeded(DemoCaseload.Kind.CHILD_PROTECTION, marker)).isEqualTo(4);
        assertThat(caseload.seeded(DemoCaseload.Kind.CHILD_IN_NEED, marker)).isEqualTo(5);

        var lookedAfter = children(DemoCaseload.Kind.LOOKED_AFTER, marker);
        var protection = children(DemoCaseload.Kind.CHILD_PROTECTION, marker);
        var inNeed = children(DemoCaseload.Kind.CHILD_IN_NEED, marker);
        assertThat(lookedAfter).hasSize(7);

        // children in need: at the front door, waiting to be allocated, being assessed, at sign-off, on a plan
        assertThat(waitingAt(inNeed, "Task_ScreenContact")).hasSize(1);
        assertThat(waitingAt(inNeed, "Task_AllocateSocialWorker")).hasSize(1);
        assertThat(waitingAt(inNeed, "Task_CompleteAssessment")).hasSize(1);
        assertThat(waitingAt(inNeed, "Task_SignOffAssessment")).hasSize(1);
        assertThat(endedAt(inNeed, "End_ChildInNeedPlanAfterAssessment")).hasSize(1);
        // child protection: strategy discussion, enquiry, conference, and a plan made
        assertThat(waitingAt(protection, "Task_HoldStrategyDiscussion")).hasSize(1);
        assertThat(waitingAt(protection, "Task_CompleteSection47Enquiry")).hasSize(1);
        assertThat(waitingAt(protection, "Task_HoldInitialConference")).hasSize(1);
        assertThat(endedAt(protection, "End_ChildProtectionPlan")).hasSize(1);
        // looked after: all placed; some with nothing done yet, some reviewed, some in proceedings
        assertThat(lookedAfter).allSatisfy(child -> assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("looked-after-child").processInstanceBusinessKey(child).count()).isEqualTo(1));
        assertThat(waitingAt(lookedAfter, "Task_RecordCarePlan")).hasSize(2);
        assertThat(waitingAt(lookedAfter, "Task_HoldSecondReview")).hasSize(5);
        assertThat(waitingAt(lookedAfter, "Task_HoldLegalPlanningMeeting")).hasSize(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("Task_IssueCareApplication").finished()
                .list().stream().filter(a -> lookedAfter.contains(businessKeyOf(a.getProcessInstanceId()))).count()).isEqualTo(1);

        // the work the seed left undone is overdue by the engine clock: its timers fire and drift alerts rise
        fireDueTimers(lookedAfter, protection, inNeed);
        var neverTouched = new ArrayList<>(waitingAt(lookedAfter, "Task_RecordCarePlan"));
        assertThat(neverTouched).allSatisfy(child -> assertThat(alerts.forChild(child)).as("alerts for %s", child).isNotEmpty());

        var again = caseload.seed(size, marker, 2, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(again.added()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(16);
        assertThat(children(DemoCaseload.Kind.LOOKED_AFTER, marker)).hasSize(7);
        assertThat(children(DemoCaseload.Kind.CHILD_PROTECTION, marker)).hasSize(4);
        assertThat(children(DemoCaseload.Kind.CHILD_IN_NEED, marker)).hasSize(5);
    }

    @Test
    void theDemoUsersAreMadeBeforeTheSeedSignsInAsThem(@Autowired org.springframework.context.ApplicationContext context) {
        // the order Spring Boot runs them in at start-up; before, it was left to the order the beans were found in,
        // and a start that ran the seed first had every referral refused (401: no such user yet)
        var runners = context.getBeanProvider(org.springframework.boot.ApplicationRunner.class).orderedStream()
                .map(runner -> org.springframework.aop.support.AopUtils.getTargetClass(runner).getSimpleName()).toList();
        assertThat(runners).contains("AccessSetup", "DemoSeedRunner");
        assertThat(runners.indexOf("AccessSetup")).isLessThan(runners.indexOf("DemoSeedRunner"));
    }

    @Test
    void refusesOutsideTheLocalProfileAndSeedsNothing() {
        var production = new MockEnvironment().withProperty("carepath.demo.seed", "council")
                .withProperty("local.server.port", environment.getProperty("local.server.port"));
        production.setActiveProfiles("production");
        var before = caseload.seeded(DemoCaseload.Kind.LOOKED_AFTER, DemoCaseload.DEFAULT_MARKER);

        assertThatThrownBy(() -> new DemoSeedRunner(caseload, production).seed()).isInstanceOf(DemoSeedException.class)
                .hasMessageContaining("only in the local profile").hasMessageContaining("production").hasMessageContaining("Nothing was seeded");
        new DemoSeedRunner(caseload, production).run(null); // at start-up: said in the log, and the application goes on

        assertThat(caseload.seeded(DemoCaseload.Kind.LOOKED_AFTER, DemoCaseload.DEFAULT_MARKER)).isEqualTo(before);
    }

    @Test
    void theTestProfileSeedsNothingAtStart() {
        assertThat(environment.getProperty("carepath.demo.seed")).isEqualTo("none");
        assertThat(new DemoSeedRunner(caseload, environment).seed()).isNull();
    }

    private List<String> children(DemoCaseload.Kind kind, String marker) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(DemoCaseload.REFERRAL_PROCESS)
                .variableValueEquals("referrer", DemoCaseload.referrer(kind, marker)).list().stream()
                .map(p -> p.getBusinessKey()).toList();
    }

    private List<String> waitingAt(List<String> children, String taskKey) {
        return children.stream().filter(child -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(child)
                .taskDefinitionKey(taskKey).count() > 0).toList();
    }

    private List<String> endedAt(List<String> children, String endId) {
        return children.stream().filter(child -> engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(endId).list().stream().anyMatch(a -> child.equals(businessKeyOf(a.getProcessInstanceId())))).toList();
    }

    private String businessKeyOf(String processInstanceId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey();
    }

    /** As the job executor would (it is off in tests): every timer of these children's journeys and clocks that is due. */
    @SafeVarargs
    private void fireDueTimers(List<String>... groups) {
        Set<String> children = new HashSet<>();
        for (var group : groups) {
            children.addAll(group);
        }
        var management = engine.getManagementService();
        for (int round = 0; round < 10; round++) {
            var instances = children.stream().flatMap(child -> engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(child).list().stream()).map(p -> p.getId()).toList();
            var due = instances.stream().flatMap(id -> management.createJobQuery().processInstanceId(id).timers()
                    .duedateLowerThan(ClockUtil.getCurrentTime()).list().stream()).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
