package org.carepath.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ProcessTest;
import org.carepath.ProcessTestSupport;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The drift ladder (processes/drift-escalation.bpmn) as front-door screening uses it: a contact received
 * on Thursday 2 April 2026 must be screened by Tuesday 7 April (Easter in between).
 */
@ProcessTest({"drift-escalation", "statutory-deadline"})
class DriftEscalationProcessTest extends ProcessTestSupport {

    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    Deadlines deadlines;
    @Autowired
    DriftAlerts alerts;

    @Test
    void atTheWarningPointTheAllocatedWorkerIsReminded() {
        var referral = contactReceivedOnMaundyThursday();
        var screening = task(referral.processInstanceId(), "Task_ScreenContact");
        engine.getTaskService().claim(screening.getId(), "practitioner");

        var clock = clockOf(referral.processInstanceId(), "SubProcess_FrontDoorScreening");
        fire(clock.getId(), "Event_WarningPointReached");

        assertThat(now()).isAfterOrEqualTo(londonTime("2026-04-07T09:00").toInstant());
        var reminder = task(clock.getId(), "Task_PlanToMeetDeadline");
        assertThat(reminder.getAssignee()).isEqualTo("practitioner");
        assertThat(reminder.getName()).isEqualTo("Plan to meet the deadline for front-door screening: " + referral.childName()
                + " (" + referral.childReference() + ")");
        assertThat(reminder.getDueDate()).isEqualTo(endOfDay("2026-04-07"));
        assertThat(deadlines.openFor(referral.childReference())).singleElement().satisfies(deadline -> {
            assertThat(deadline.status()).isEqualTo(DeadlineStatus.WARNING);
            assertThat(deadline.remindedAt()).isNotNull();
        });

        completeAs("practitioner", reminder, Map.of("reminderNote", "Waiting for the school's chronology; will decide by 3pm."));
        assertThat(deadlines.openFor(referral.childReference())).singleElement().satisfies(deadline -> {
            assertThat(deadline.reminderAcknowledgedBy()).isEqualTo("practitioner");
            assertThat(deadline.reminderAcknowledgedAt()).isNotNull();
        });
        assertThat(alerts.forChild(referral.childReference())).isEmpty();
    }

    @Test
    void workFinishedBeforeTheWarningPointNeedsNoReminderAndRaisesNoAlert() {
        var referral = contactReceivedOnMaundyThursday();
        var clock = clockOf(referral.processInstanceId(), "SubProcess_FrontDoorScreening");
        completeAs("practitioner", task(referral.processInstanceId(), "Task_ScreenContact"), Map.of("ragRating", "green",
                "screeningDecision", "no-further-action", "screeningRationale", "Information only."));

        assertThat(clock).isEnded().hasPassed("End_ClockStopped");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(referral.processInstanceId()).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(clock.getId()).count()).isZero();
        assertThat(alerts.forChild(referral.childReference())).isEmpty();
    }

    @Test
    void aMissedDeadlineRaisesADriftAlertAndAnEscalationTaskForTheTeamManager() {
        var referral = contactReceivedOnMaundyThursday();

        clockAt("2026-04-08T08:00");
        var ladder = missDeadline(referral.processInstanceId(), "SubProcess_FrontDoorScreening");

        assertThat(ladder).isWaitingAt("Task_ActOnMissedDeadline", "Event_EscalationPointReached");
        var alert = alerts.forChild(referral.childReference()).get(0);
        assertThat(alert.open()).isTrue();
        assertThat(alert.timescale()).isEqualTo("REFERRAL_DECISION");
        assertThat(alert.work()).isEqualTo("Front-door screening");
        assertThat(alert.waitingAt()).startsWith("Screen contact: " + referral.childName()).endsWith("(not yet picked up)");
        assertThat(alert.triggerDate()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(alert.dueDate()).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(alert.escalationLevel()).isEqualTo(EscalationLevel.TEAM_MANAGER);
        assertThat(alert.processInstanceId()).isEqualTo(referral.processInstanceId());
        assertThat(alert.processDefinitionKey()).isEqualTo("referral-to-assessment");

        var escalation = task(ladder.getId(), "Task_ActOnMissedDeadline");
        assertThat(escalation.getName()).isEqualTo("Act on missed deadline: " + referral.childName() + " (" + referral.childReference() + ")");
        BpmnAwareTests.assertThat(escalation).as("the team managers of the child's team: the front door").hasCandidateGroupAssociated("front-door--team-manager");
        // the team manager has DRIFT_ESCALATION (5) working days from the breach: Wednesday 8 -> Wednesday 15 April
        assertThat(escalation.getDueDate()).isEqualTo(endOfDay("2026-04-15"));
        var formVariables = engine.getTaskService().getVariables(escalation.getId());
        assertThat(formVariables).containsEntry("lateWork", "Front-door screening")
                .containsEntry("dueOn", "Tuesday 7 April 2026").containsEntry("childRef", referral.childReference());
        // the late stage knows it is overdue (forms then ask why)
        assertThat(engine.getRuntimeService().getVariable(task(referral.processInstanceId(), "Task_ScreenContact").getExecutionId(),
                "deadlineOverdue")).isEqualTo(true);
        assertThat(deadlines.openFor(referral.childReference())).singleElement()
                .extracting(DeadlineView::status).isEqualTo(DeadlineStatus.OVERDUE);
    }

    @Test
    void stillUnresolvedAfterTheEscalationPointItGoesToTheServiceManager() {
        var referral = contactReceivedOnMaundyThursday();
        clockAt("2026-04-08T08:00");
        var ladder = missDeadline(referral.processInstanceId(), "SubProcess_FrontDoorScreening");

        fire(ladder.getId(), "Event_EscalationPointReached");

        assertThat(now()).isAfter(endOfDay("2026-04-15").toInstant());
        var escalated = task(ladder.getId(), "Task_ActOnEscalatedDeadline");
        BpmnAwareTests.assertThat(escalated).hasCandidateGroupAssociated("service-manager");
        var alert = alerts.forChild(referral.childReference()).get(0);
        assertThat(alert.escalationLevel()).isEqualTo(EscalationLevel.SERVICE_MANAGER);
        assertThat(alert.escalatedAt()).isNotNull();
        // the timer fires as Wednesday 15 April ends, so it is now Thursday 16: 8, 9, 10, 13, 14, 15, 16 April
        assertThat(alert.workingDaysLate()).isEqualTo(7);
    }

    @Test
    void whenTheLateWorkIsDoneTheAlertResolvesItselfAndKeepsHowLateItWas() {
        var referral = contactReceivedOnMaundyThursday();
        clockAt("2026-04-08T08:00");
        var ladder = missDeadline(referral.processInstanceId(), "SubProcess_FrontDoorScreening");
        fire(ladder.getId(), "Event_EscalationPointReached");

        clockAt("2026-04-16T14:00");
        completeAs("practitioner", task(referral.processInstanceId(), "Task_ScreenContact"), Map.of("ragRating", "amber",
                "screeningDecision", "early-help", "screeningRationale", "Family agree to early help."));

        assertThat(ladder).isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(ladder.getId()).count()).isZero();
        var alert = alerts.forChild(referral.childReference()).get(0);
        assertThat(alert.open()).isFalse();
        assertThat(alert.resolution()).isEqualTo(Resolution.COMPLETED);
        assertThat(alert.resolvedAt()).isEqualTo(londonTime("2026-04-16T14:00").toInstant());
        assertThat(alert.workingDaysLate()).isEqualTo(7); // 8, 9, 10, 13, 14, 15, 16 April
        assertThat(deadlines.openFor(referral.childReference())).isEmpty();

        clockAt("2026-05-01T10:00");
        assertThat(alerts.forChild(referral.childReference()).get(0).workingDaysLate()).as("kept, not recomputed").isEqualTo(7);
    }

    @Test
    void eachManagerRecordsAnActionWithAnOwnerADueDateAndARationale() {
        var referral = contactReceivedOnMaundyThursday();
        clockAt("2026-04-08T08:00");
        var ladder = missDeadline(referral.processInstanceId(), "SubProcess_FrontDoorScreening");

        clockAt("2026-04-08T10:00");
        completeAs("team-manager", task(ladder.getId(), "Task_ActOnMissedDeadline"), Map.of(
                "driftAction", "Screen it this morning.", "driftActionOwner", "Priya Patel",
                "driftActionDueOn", "2026-04-08", "driftRationale", "Missed over the bank holiday weekend."));
        assertThat(ladder).hasPassed("End_TeamManagerActed").isWaitingAt("Event_EscalationPointReached");

        fire(ladder.getId(), "Event_EscalationPointReached");
        var escalated = task(ladder.getId(), "Task_ActOnEscalatedDeadline");
        assertThat(engine.getTaskService().getVariable(escalated.getId(), "teamManagerAction"))
                .isEqualTo("Screen it this morning. (owner: Priya Patel, by Wednesday 8 April 2026)");
        completeAs("service-manager", escalated, Map.of(
                "driftAction", "Front door rota reviewed.", "driftActionOwner", "Sarah Okafor",
                "driftActionDueOn", LocalDate.ofInstant(now(), LONDON).plusDays(1).toString(),
                "driftRationale", "Second missed screening this month."));

        assertThat(ladder).isEnded().hasPassed("End_ServiceManagerActed");
        var alert = alerts.forChild(referral.childReference()).get(0);
        assertThat(alert.open()).as("the work itself is still not done").isTrue();
        assertThat(alert.actions()).extracting(DriftAlertView.ActionView::level, DriftAlertView.ActionView::actedBy,
                DriftAlertView.ActionView::owner).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EscalationLevel.TEAM_MANAGER, "team-manager", "Priya Patel"),
                org.assertj.core.groups.Tuple.tuple(EscalationLevel.SERVICE_MANAGER, "service-manager", "Sarah Okafor"));
    }

    @Test
    void anActionDueInThePastIsRefused() {
        var referral = contactReceivedOnMaundyThursday();
        clockAt("2026-04-08T08:00");
        var escalation = task(missDeadline(referral.processInstanceId(), "SubProcess_FrontDoorScreening").getId(),
                "Task_ActOnMissedDeadline");

        assertThatThrownBy(() -> completeAs("team-manager", escalation, Map.of("driftAction", "Screen it.",
                "driftActionOwner", "Priya Patel", "driftActionDueOn", "2026-04-01", "driftRationale", "Late.")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("in the past");
        assertThat(alerts.forChild(referral.childReference()).get(0).actions()).isEmpty();
    }

    @Test
    void aCancelledJourneyWithdrawsItsDeadlineAndAlert() {
        var referral = contactReceivedOnMaundyThursday();
        clockAt("2026-04-08T08:00");
        var clock = clockOf(referral.processInstanceId(), "SubProcess_FrontDoorScreening");
        var ladder = missDeadline(referral.processInstanceId(), "SubProcess_FrontDoorScreening");

        engine.getRuntimeService().deleteProcessInstance(referral.processInstanceId(), "Recorded twice in error");

        var alert = alerts.forChild(referral.childReference()).get(0);
        assertThat(alert.open()).isFalse();
        assertThat(alert.resolution()).isEqualTo(Resolution.CANCELLED);
        assertThat(deadlines.openFor(referral.childReference())).isEmpty();
        assertThat(clock).isEnded().hasPassed("End_ClockStopped");
        assertThat(ladder).isEnded();
    }

    /**
     * A contact received on Thursday 2 April and recorded only on Thursday 9 April: its screening deadline
     * (Tuesday 7 April) passed before the record existed. The deadline's timers are both due at once; the
     * team manager gets the alert and the escalation, and nobody a reminder to plan for a missed deadline.
     */
    @Test
    void aBackDatedContactWhoseDeadlineHasPassedRaisesTheAlertAndEscalationAndNoReminder() {
        clockAt("2026-04-09T11:00");
        var referral = fixtures.referralReceivedAt("2026-04-02T09:30:00+01:00");
        STARTED.add(referral.processInstanceId());
        var clock = clockOf(referral.processInstanceId(), "SubProcess_FrontDoorScreening");
        assertThat(timer(clock.getId(), "Event_WarningPointReached").getDuedate()).isBefore(java.util.Date.from(now()));

        // in the order the job executor might take them: the warning point first, then the deadline
        engine.getManagementService().executeJob(timer(clock.getId(), "Event_WarningPointReached").getId());
        engine.getManagementService().executeJob(timer(clock.getId(), "Event_DeadlinePassed").getId());

        assertThat(clock).hasPassed("End_NoReminderDeadlinePassed").hasNotPassed("Task_PlanToMeetDeadline");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_PlanToMeetDeadline")
                .processInstanceId(clock.getId()).count()).as("reminders").isZero();
        var ladder = ladderOf(clock);
        var escalation = task(ladder.getId(), "Task_ActOnMissedDeadline");
        assertThat(escalation.getName()).contains(referral.childReference());
        assertThat(alerts.forChild(referral.childReference())).singleElement().satisfies(alert -> {
            assertThat(alert.open()).isTrue();
            assertThat(alert.workingDaysLate()).isEqualTo(2); // 8 and 9 April
        });
        assertThat(deadlines.openFor(referral.childReference())).singleElement()
                .satisfies(deadline -> assertThat(deadline.remindedAt()).as("never reminded").isNull());
    }

    private ReferralFixtures.Taken contactReceivedOnMaundyThursday() {
        clockAt("2026-04-02T10:00");
        var referral = fixtures.referralReceivedAt("2026-04-02T09:30:00+01:00");
        STARTED.add(referral.processInstanceId());
        return referral;
    }

}
