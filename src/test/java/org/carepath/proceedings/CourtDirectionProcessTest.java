package org.carepath.proceedings;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.carepath.ProcessTest;
import org.carepath.ProcessTestSupport;
import org.carepath.drift.DriftAlerts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/court-direction.bpmn: a direction of the court is a task for its owner, tracked to the date the court set. */
@ProcessTest(Proceedings.DIRECTION_PROCESS)
class CourtDirectionProcessTest extends ProcessTestSupport {

    @Autowired
    ProceedingsFixtures fixtures;
    @Autowired
    Proceedings proceedings;
    @Autowired
    DriftAlerts alerts;

    @Test
    void theOwnerCompliesByTheDateTheCourtSet() {
        var direction = directionDue("2026-04-17");
        var task = task(direction, "Task_ComplyWithCourtDirection");
        assertThat(task.getAssignee()).isEqualTo("practitioner");
        BpmnAwareTests.assertThat(task).as("also offered to the owner's role in the child's team (the front door's: the child is not allocated)").hasCandidateGroupAssociated("front-door--practitioner");
        assertThat(task.getDueDate()).isEqualTo(endOfDay("2026-04-17"));
        // reminded 3 working days before the date the court set
        assertThat(task.getFollowUpDate()).isEqualTo(londonTime("2026-04-14T09:00"));

        clockAt("2026-04-16T11:00");
        completeAs("practitioner", task, Map.of("directionCompliedOn", "2026-04-16", "complianceNote", "Statement filed and served."));

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(direction).singleResult().getEndTime()).isNotNull();
        var recorded = proceedings.get(caseId).directions().get(0);
        assertThat(recorded.status()).isEqualTo("COMPLIED");
        assertThat(recorded.compliedOn()).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void aDirectionForTheLocalAuthoritySolicitorIsOfferedToLegal() {
        var direction = directionDue("2026-04-17", "legal");
        var task = task(direction, "Task_ComplyWithCourtDirection");
        assertThat(task.getAssignee()).isEqualTo("legal");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("legal"))
                .noneSatisfy(link -> assertThat(link.getGroupId()).endsWith("practitioner"));
        clockAt("2026-04-16T11:00");
        completeAs("legal", task, Map.of("directionCompliedOn", "2026-04-16", "complianceNote", "Position statement filed."));
        assertThat(proceedings.get(caseId).directions().get(0).status()).isEqualTo("COMPLIED");
    }

    @Test
    void aDirectionNotDoneByItsDateIsRemindedThenEscalated() {
        var direction = directionDue("2026-04-17");

        var clock = clockOf(direction, "SubProcess_CourtDirection").getId();
        fire(clock, "Event_WarningPointReached");
        var reminder = task(clock, "Task_PlanToMeetDeadline");
        assertThat(reminder.getAssignee()).isEqualTo("practitioner");
        completeAs("practitioner", reminder, Map.of("reminderNote", "Waiting for the expert's report."));

        fire(clock, "Event_DeadlinePassed");
        assertThat(alerts.forChild(childReference)).singleElement().satisfies(alert -> {
            assertThat(alert.timescale()).isEqualTo("COURT_DIRECTION");
            assertThat(alert.dueDate()).isEqualTo(LocalDate.of(2026, 4, 17));
            assertThat(alert.work()).isEqualTo("Court direction");
        });
        var ladder = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(clock).singleResult();
        completeAs("team-manager", task(ladder.getId(), "Task_ActOnMissedDeadline"), Map.of("driftAction", "Ask for more time",
                "driftActionOwner", "Leila Hussain", "driftActionDueOn", "2026-04-22", "driftRationale", "Expert late."));
        fire(ladder.getId(), "Event_EscalationPointReached");
        completeAs("service-manager", task(ladder.getId(), "Task_ActOnEscalatedDeadline"), Map.of("driftAction", "Apply to vary",
                "driftActionOwner", "Leila Hussain", "driftActionDueOn", LocalDate.ofInstant(now(), LONDON).plusDays(1).toString(),
                "driftRationale", "Still waiting."));

        clockAt("2026-04-27T10:00");
        completeAs("practitioner", task(direction, "Task_ComplyWithCourtDirection"),
                Map.of("directionCompliedOn", "2026-04-27", "complianceNote", "Filed late with the court's leave."));
        assertThat(alerts.forChild(childReference)).singleElement().satisfies(alert -> {
            assertThat(alert.open()).isFalse();
            assertThat(alert.workingDaysLate()).isEqualTo(6); // 20, 21, 22, 23, 24, 27 April
        });
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(direction)
                .activityId("End_DirectionComplied").count()).isOne();
    }

    private long caseId;
    private String childReference;

    private String directionDue(String dueOn) {
        return directionDue(dueOn, "practitioner");
    }

    private String directionDue(String dueOn, String owner) {
        clockAt("2026-02-26T10:00");
        var c = fixtures.requested();
        fixtures.legalPlanningMeeting(c, "2026-02-26", "issue-proceedings");
        clockAt("2026-03-02T16:00");
        fixtures.issued(c, "2026-03-02");
        clockAt("2026-03-13T17:00");
        proceedings.giveDirection(c.proceedingsId(), new HearingInput.DirectionInput("File the social work statement", owner, dueOn),
                "2026-03-13", "legal");
        caseId = c.proceedingsId();
        childReference = c.childReference();
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Proceedings.DIRECTION_PROCESS)
                .processInstanceBusinessKey(c.childReference()).singleResult();
        STARTED.add(instance.getId());
        return instance.getId();
    }
}
