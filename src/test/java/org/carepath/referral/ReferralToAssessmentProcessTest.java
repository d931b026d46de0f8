package org.carepath.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ProcessTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.NewChild;
import org.carepath.drift.DeadlineStatus;
import org.carepath.drift.DeadlineView;
import org.carepath.drift.Deadlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks every path of processes/referral-to-assessment.bpmn. Dates are real: Easter 2026 (Good Friday
 * 3 April, Easter Monday 6 April) and the May bank holidays sit inside these timescales.
 */
@ProcessTest(ReferralToAssessmentProcessTest.PROCESS)
class ReferralToAssessmentProcessTest extends ProcessTestSupport {

    static final String PROCESS = "referral-to-assessment";

    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    Children children;
    @Autowired
    Deadlines deadlines;

    // ----------------------------------------------------------------- front door

    @Test
    void screeningIsDueOneWorkingDayAfterTheContactWasReceivedAcrossEaster() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");

        var screening = task(referral.processInstanceId(), "Task_ScreenContact");
        assertThat(screening.getName()).isEqualTo("Screen contact: " + referral.childName() + " (" + referral.childReference() + ")");
        assertThat(screening.getDueDate()).isEqualTo(endOfDay("2026-04-07"));
        assertThat(screening.getFollowUpDate()).isEqualTo(londonTime("2026-04-07T09:00"));
        BpmnAwareTests.assertThat(screening).as("the front door's social workers").hasCandidateGroupAssociated("front-door--practitioner");
        assertThat(deadlines.openFor(referral.childReference())).singleElement().satisfies(deadline -> {
            assertThat(deadline.timescale()).isEqualTo("REFERRAL_DECISION");
            assertThat(deadline.triggerDate()).isEqualTo(LocalDate.of(2026, 4, 2));
            assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 4, 7));
            assertThat(deadline.status()).isEqualTo(DeadlineStatus.ON_TIME);
        });
    }

    @Test
    void aContactRecordedLateIsDueFromWhenItWasReceived() {
        clockAt("2026-04-08T11:00");
        var referral = referralReceivedAt("2026-04-02T16:45:00+01:00");

        assertThat(task(referral.processInstanceId(), "Task_ScreenContact").getDueDate()).isEqualTo(endOfDay("2026-04-07"));
        assertThat(deadlines.openFor(referral.childReference())).singleElement()
                .extracting(DeadlineView::status).isEqualTo(DeadlineStatus.OVERDUE);
    }

    @Test
    void noFurtherActionAtScreeningIsRecordedWithItsRationale() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");

        screen(referral, "no-further-action");

        assertThat(instance(referral)).isEnded().hasPassed("End_NoFurtherActionAtScreening");
        assertThat(outcome(referral)).isEqualTo("NO_FURTHER_ACTION");
        assertThat(children.get(referral.childReference()).decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo("Screen contact");
            assertThat(decision.outcome()).isEqualTo("no-further-action");
            assertThat(decision.rationale()).isEqualTo("Screened: no-further-action");
            assertThat(decision.decidedBy()).isEqualTo("practitioner");
        });
        assertThat(deadlines.openFor(referral.childReference())).isEmpty();
    }

    @Test
    void stepDownToEarlyHelp() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");

        screen(referral, "early-help");

        assertThat(instance(referral)).isEnded().hasPassed("End_SteppedDownToEarlyHelp");
        assertThat(outcome(referral)).isEqualTo("EARLY_HELP");
    }

    @Test
    void aDecisionWithoutRationaleIsRefusedAndTheTaskStaysOpen() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");

        assertThatThrownBy(() -> completeAs("practitioner", task(referral.processInstanceId(), "Task_ScreenContact"),
                vars("ragRating", "green", "screeningDecision", "no-further-action", "screeningRationale", "  ")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("rationale");

        assertThat(instance(referral)).isWaitingAt("Task_ScreenContact");
        assertThat(children.get(referral.childReference()).decisions()).isEmpty();
    }

    // ----------------------------------------------------------------- assessment

    @Test
    void assessmentIsDueFortyFiveWorkingDaysFromTheReferralAndEndsInClosure() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");
        screen(referral, "assessment");

        // The deadline is on the child's record as soon as the assessment is decided on: 45 working days
        // from 2 April 2026, skipping Easter and the two May bank holidays, is Wednesday 10 June 2026.
        assertThat(deadlines.openFor(referral.childReference())).singleElement().satisfies(deadline -> {
            assertThat(deadline.timescale()).isEqualTo("ASSESSMENT");
            assertThat(deadline.triggerDate()).isEqualTo(LocalDate.of(2026, 4, 2));
            assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 6, 10));
        });
        assertThat(instance(referral)).isWaitingAt("Task_AllocateSocialWorker");
        BpmnAwareTests.assertThat(task(referral.processInstanceId(), "Task_AllocateSocialWorker")).as("allocation is for the front door's team managers: the child is not allocated yet").hasCandidateGroupAssociated("front-door--team-manager");

        clockAt("2026-04-03T09:15");
        assertThatThrownBy(() -> completeAs("team-manager", task(referral.processInstanceId(), "Task_AllocateSocialWorker"),
                vars("allocatedWorker", "iro")))
                .as("the assessment is offered to the worker's role, so they must hold one")
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("social worker or team manager");
        allocate(referral);
        var child = children.get(referral.childReference());
        assertThat(child.allocatedWorker().worker()).isEqualTo("practitioner");
        assertThat(child.allocatedWorker().workerName()).isEqualTo("Priya Patel");
        assertThat(child.allocatedWorker().team()).isEqualTo("north-assessment-team");
        assertThat(child.allocatedWorker().teamName()).isEqualTo("North assessment team");
        assertThat(child.allocatedWorker().allocatedBy()).isEqualTo("team-manager");

        var assessment = task(referral.processInstanceId(), "Task_CompleteAssessment");
        assertThat(assessment.getAssignee()).isEqualTo("practitioner");
        BpmnAwareTests.assertThat(assessment).as("also offered to the allocated worker's role in the child's team").hasCandidateGroupAssociated("north-assessment-team--practitioner");
        assertThat(assessment.getDueDate()).isEqualTo(endOfDay("2026-06-10"));
        // warned 10 working days before: 27 May 2026 (25 May is the spring bank holiday)
        assertThat(assessment.getFollowUpDate()).isEqualTo(londonTime("2026-05-27T09:00"));

        clockAt("2026-05-20T15:00");
        assess(referral, "close");
        BpmnAwareTests.assertThat(task(referral.processInstanceId(), "Task_SignOffAssessment")).as("once allocated, the child's work is the North team's").hasCandidateGroupAssociated("north-assessment-team--team-manager");
        signOff(referral, "close");

        assertThat(instance(referral)).isEnded().hasPassed("End_CaseClosedAfterAssessment");
        assertThat(outcome(referral)).isEqualTo("NO_FURTHER_ACTION");
        assertThat(deadlines.openFor(referral.childReference())).isEmpty();
        assertThat(children.get(referral.childReference()).decisions())
                .extracting(decision -> decision.decision() + ": " + decision.outcome())
                .containsExactly("Screen contact: assessment", "Sign off assessment: close");
    }

    /**
     * The North manager (who also manages the front door) is offered the North team's social workers only,
     * each with how many children they already hold; the note written for the worker is on their task.
     */
    @Test
    void theManagerIsOfferedTheirOwnTeamsWorkersAndTheNoteReachesTheWorkersTask() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");
        screen(referral, "assessment");
        var allocation = task(referral.processInstanceId(), "Task_AllocateSocialWorker");
        long priyasCaseload = children.currentAllocations().stream().filter(a -> a.worker().equals("practitioner")).count();
        var expected = "[{\"label\":\"Priya Patel — North assessment team, " + priyasCaseload
                + (priyasCaseload == 1 ? " child" : " children") + " allocated\",\"value\":\"practitioner\"}]";

        assertThat(engine.getTaskService().getVariable(allocation.getId(), "practitioners").toString())
                .as("offered before anyone claims it: the workers of the front door's managers' teams").isEqualTo(expected);
        engine.getTaskService().claim(allocation.getId(), "team-manager");
        var offered = engine.getTaskService().getVariable(allocation.getId(), "practitioners").toString();
        assertThat(offered).isEqualTo(expected).doesNotContain("practitioner-south").doesNotContain("Sam Reid");

        engine.getTaskService().setAssignee(allocation.getId(), "team-manager-south");
        assertThat(engine.getTaskService().getVariable(allocation.getId(), "practitioners").toString())
                .as("the South manager is offered the South team").contains("Sam Reid — South assessment team")
                .doesNotContain("Priya Patel");
        engine.getTaskService().setAssignee(allocation.getId(), "team-manager");

        allocate(referral);
        var assessment = task(referral.processInstanceId(), "Task_CompleteAssessment");
        assertThat(assessment.getDescription()).startsWith("Note from Tom Whitfield when allocating: Priya knows the school.")
                .contains("Why it matters: Child and family assessment completed, counted from the referral"
                        + " (Working Together to Safeguard Children 2023).")
                .endsWith("Due by the end of " + org.carepath.timescale.Timescales.DAY_IN_WORDS.format(
                        java.time.LocalDate.ofInstant(assessment.getDueDate().toInstant(), LONDON)) + ".");
        assertThat(engine.getTaskService().getVariable(assessment.getId(), "allocationNote")).isEqualTo("Priya knows the school.");
    }

    @Test
    void aTaskCreatedAfterItsDeadlineSaysByHowManyWorkingDaysItIsOverdue() {
        clockAt("2026-04-14T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");
        var screening = task(referral.processInstanceId(), "Task_ScreenContact");
        assertThat(screening.getDescription()).containsPattern("Due by the end of \\w+day \\d+ April 2026, overdue by \\d+ working days?\\.$")
                .contains("Why it matters: ");
    }

    @Test
    void assessmentLeadsToAChildInNeedPlan() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");
        screen(referral, "assessment");
        allocate(referral);
        clockAt("2026-04-20T10:00");
        assess(referral, "child-in-need");
        signOff(referral, "child-in-need");

        assertThat(instance(referral)).isEnded().hasPassed("End_ChildInNeedPlanAfterAssessment");
        assertThat(outcome(referral)).isEqualTo("CHILD_IN_NEED_PLAN");
    }

    @Test
    void signingOffATeamManagerMayAskForALegalPlanningMeetingAndCareProceedingsPlanningStarts() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");
        screen(referral, "assessment");
        allocate(referral);
        clockAt("2026-04-20T10:00");
        assess(referral, "child-in-need");
        completeAs("team-manager", task(referral.processInstanceId(), "Task_SignOffAssessment"), vars("signOffDecision", "child-in-need",
                "signOffRationale", "Child in need plan while we take legal advice.", "legalPlanningRequested", true,
                "legalPlanningReason", "Third assessment in a year; parents not engaging."));

        assertThat(instance(referral)).isEnded();
        // care proceedings listen for the journey's end after it commits, in a transaction of their own
        var proceedings = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> engine.getRuntimeService()
                .createProcessInstanceQuery().processDefinitionKey("care-proceedings")
                .processInstanceBusinessKey(referral.childReference()).singleResult(), java.util.Objects::nonNull);
        assertThat(proceedings).as("care proceedings planning for the child").isNotNull();
        assertThat(proceedings).isWaitingAt("Task_HoldLegalPlanningMeeting");
        assertThat(engine.getRuntimeService().getVariable(proceedings.getId(), "childName")).isEqualTo(referral.childName());
    }

    @Test
    void assessmentLeadsToAConferenceThatMakesAChildProtectionPlan() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");
        screen(referral, "assessment");
        allocate(referral);
        clockAt("2026-04-20T10:00");
        assess(referral, "initial-conference");
        signOff(referral, "initial-conference");

        // The conference clock starts with the decision to hold one: 15 working days from Monday 20 April 2026.
        var conference = task(referral.processInstanceId(), "Task_HoldInitialConference");
        assertThat(conference.getDueDate()).isEqualTo(endOfDay("2026-05-12"));
        BpmnAwareTests.assertThat(conference).hasCandidateGroupAssociated("iro");

        clockAt("2026-05-06T14:00");
        completeAs("iro", conference, vars("conferenceHeldOn", "2026-05-06", "conferenceDecision", "child-protection-plan",
                "abuseCategory", "neglect", "conferenceRationale", "Chronic neglect; parents not engaging."));

        assertThat(instance(referral)).isEnded().hasPassed("End_ChildProtectionPlan");
        assertThat(outcome(referral)).isEqualTo("CHILD_PROTECTION_PLAN");
        assertThat(children.get(referral.childReference()).decisions()).last().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo("Hold initial child protection conference");
            assertThat(decision.outcome()).isEqualTo("child-protection-plan");
            assertThat(decision.decidedBy()).isEqualTo("iro");
        });
    }

    // ----------------------------------------------------------------- strategy discussion and section 47

    @Test
    void strategyDiscussionStartsASection47EnquiryAndAConferenceWithinFifteenWorkingDays() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");
        clockAt("2026-04-02T11:00");
        screen(referral, "strategy-discussion");

        // local standard: strategy discussion within 1 working day of the concern (Thursday 2 April -> Tuesday 7 April)
        var strategy = task(referral.processInstanceId(), "Task_HoldStrategyDiscussion");
        assertThat(strategy.getDueDate()).isEqualTo(endOfDay("2026-04-07"));

        clockAt("2026-04-07T16:00");
        completeAs("team-manager", strategy, vars("strategyDiscussionHeldOn", "2026-04-07",
                "strategyAttendees", java.util.List.of("police", "health", "childrens-social-care"),
                "strategyOutcome", "section-47", "strategyRationale", "Injuries consistent with the account; police to interview."));

        // 15 working days from Tuesday 7 April 2026: Tuesday 28 April 2026
        var enquiry = task(referral.processInstanceId(), "Task_CompleteSection47Enquiry");
        assertThat(enquiry.getDueDate()).isEqualTo(endOfDay("2026-04-28"));
        assertThat(deadlines.openFor(referral.childReference())).singleElement()
                .extracting(DeadlineView::timescale).isEqualTo("INITIAL_CONFERENCE");

        clockAt("2026-04-17T10:00");
        completeAs("practitioner", enquiry, vars("enquiryChildSeenOn", "2026-04-08", "enquiryFindings", "Child seen alone.",
                "enquiryOutcome", "initial-conference", "enquiryRationale", "Continuing risk."));

        // the conference keeps the strategy discussion's clock
        var conference = task(referral.processInstanceId(), "Task_HoldInitialConference");
        assertThat(conference.getDueDate()).isEqualTo(endOfDay("2026-04-28"));

        clockAt("2026-04-27T12:00");
        completeAs("iro", conference, vars("conferenceHeldOn", "2026-04-27", "conferenceDecision", "child-in-need-plan",
                "conferenceRationale", "Risk reduced by the family's engagement."));
        assertThat(instance(referral)).isEnded().hasPassed("End_ChildInNeedPlanAfterConference");
        assertThat(outcome(referral)).isEqualTo("CHILD_IN_NEED_PLAN");
    }

    @Test
    void conferenceMayDecideNoFurtherAction() {
        var referral = toConferenceViaEnquiry();
        clockAt("2026-04-27T12:00");
        completeAs("iro", task(referral.processInstanceId(), "Task_HoldInitialConference"), vars("conferenceHeldOn", "2026-04-27",
                "conferenceDecision", "no-further-action", "conferenceRationale", "No continuing concerns."));
        assertThat(instance(referral)).isEnded().hasPassed("End_NoFurtherActionAfterConference");
    }

    @Test
    void strategyDiscussionMayDecideNoFurtherAction() {
        var referral = toStrategyDiscussion();
        clockAt("2026-04-07T16:00");
        completeAs("team-manager", task(referral.processInstanceId(), "Task_HoldStrategyDiscussion"), vars(
                "strategyDiscussionHeldOn", "2026-04-07", "strategyOutcome", "no-further-action",
                "strategyRationale", "Accidental injury confirmed by the hospital."));
        assertThat(instance(referral)).isEnded().hasPassed("End_NoFurtherActionAfterStrategyDiscussion");
        assertThat(outcome(referral)).isEqualTo("NO_FURTHER_ACTION");
    }

    @Test
    void anAssessmentAfterAStrategyDiscussionStillCountsFromTheReferralDate() {
        var referral = toStrategyDiscussion();
        clockAt("2026-04-07T16:00");
        completeAs("team-manager", task(referral.processInstanceId(), "Task_HoldStrategyDiscussion"), vars(
                "strategyDiscussionHeldOn", "2026-04-07", "strategyOutcome", "assessment",
                "strategyRationale", "Threshold for section 47 not met; needs assessment."));

        assertThat(instance(referral)).isWaitingAt("Task_AllocateSocialWorker");
        assertThat(deadlines.openFor(referral.childReference())).singleElement().satisfies(deadline -> {
            assertThat(deadline.timescale()).isEqualTo("ASSESSMENT");
            assertThat(deadline.triggerDate()).isEqualTo(LocalDate.of(2026, 4, 2));
            assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 6, 10));
        });
    }

    @Test
    void section47EnquiryMayEndInNoFurtherActionOrAChildInNeedPlan() {
        var unsubstantiated = toEnquiry();
        completeAs("practitioner", task(unsubstantiated.processInstanceId(), "Task_CompleteSection47Enquiry"), vars(
                "enquiryChildSeenOn", "2026-04-08", "enquiryFindings", "Explained by a fall at school.",
                "enquiryOutcome", "no-further-action", "enquiryRationale", "Concerns not substantiated."));
        assertThat(instance(unsubstantiated)).isEnded().hasPassed("End_NoFurtherActionAfterEnquiry");

        var childInNeed = toEnquiry();
        completeAs("practitioner", task(childInNeed.processInstanceId(), "Task_CompleteSection47Enquiry"), vars(
                "enquiryChildSeenOn", "2026-04-08", "enquiryFindings", "Substantiated; parents engaging.",
                "enquiryOutcome", "child-in-need", "enquiryRationale", "No continuing risk of significant harm."));
        assertThat(instance(childInNeed)).isEnded().hasPassed("End_ChildInNeedPlanAfterEnquiry");
        assertThat(outcome(childInNeed)).isEqualTo("CHILD_IN_NEED_PLAN");
    }

    @Test
    void aStrategyDiscussionDatedInTheFutureIsRefused() {
        var referral = toStrategyDiscussion();
        clockAt("2026-04-07T16:00");
        assertThatThrownBy(() -> completeAs("team-manager", task(referral.processInstanceId(), "Task_HoldStrategyDiscussion"),
                vars("strategyDiscussionHeldOn", "2026-04-08", "strategyOutcome", "section-47", "strategyRationale", "Held.")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("in the future");
        assertThat(instance(referral)).isWaitingAt("Task_HoldStrategyDiscussion");
    }

    @Test
    void onlyTheCandidateGroupMayCompleteATask() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");
        assertThatThrownBy(() -> completeAs("iro", task(referral.processInstanceId(), "Task_ScreenContact"),
                vars("ragRating", "green", "screeningDecision", "no-further-action", "screeningRationale", "Not mine to decide.")))
                .as("answered as if there were no such task").isInstanceOfSatisfying(org.carepath.engine.Refusal.class,
                        refusal -> assertThat(refusal.getStatus().getStatusCode()).isEqualTo(404));
        assertThat(instance(referral)).isWaitingAt("Task_ScreenContact");
    }

    // ----------------------------------------------------------------- every stage's clock

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "FrontDoorScreening, referralReceivedAt, practitioner",
            "StrategyDiscussion, significantHarmConcernAt, team-manager",
            "Section47Enquiry, strategyDiscussionHeldOn, practitioner",
            "Assessment, referralReceivedAt, team-manager",
            "InitialConference, conferenceClockStartedOn, iro"})
    void everyStageRemindsItsWorkerThenEscalatesAMissedDeadline(String stage, String trigger, String group) {
        clockAt("2026-04-02T10:00");
        var child = children.register(new NewChild("Ava", "Stage-" + stage, null, null, null));
        var instance = engine.getRuntimeService().createProcessInstanceByKey(PROCESS).businessKey(child.reference())
                .setVariables(vars("childRef", child.reference(), "childName", child.name(), trigger, londonTime("2026-04-02T09:00")))
                .startBeforeActivity("SubProcess_" + stage).execute();
        STARTED.add(instance.getId());

        walkReminderAndEscalation(instance, stage, group);
    }

    // ----------------------------------------------------------------- helpers


    private ReferralFixtures.Taken referralReceivedAt(String receivedAt) {
        var referral = fixtures.referralReceivedAt(receivedAt);
        STARTED.add(referral.processInstanceId());
        return referral;
    }

    private static ProcessInstance instance(ReferralFixtures.Taken referral) {
        return referral.instance();
    }

    private Object outcome(ReferralFixtures.Taken referral) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(referral.processInstanceId())
                .variableName("outcome").singleResult().getValue();
    }

    private void screen(ReferralFixtures.Taken referral, String decision) {
        completeAs("practitioner", task(referral.processInstanceId(), "Task_ScreenContact"),
                vars("ragRating", "amber", "screeningDecision", decision, "screeningRationale", "Screened: " + decision));
    }

    private void allocate(ReferralFixtures.Taken referral) {
        completeAs("team-manager", task(referral.processInstanceId(), "Task_AllocateSocialWorker"),
                vars("allocatedWorker", "practitioner", "allocationNote", "Priya knows the school."));
    }

    private void assess(ReferralFixtures.Taken referral, String recommendation) {
        var today = LocalDate.ofInstant(now(), LONDON).toString();
        completeAs("practitioner", task(referral.processInstanceId(), "Task_CompleteAssessment"), vars("childSeenOn", today,
                "childsViews", "Wants to stay at home with his nan.", "assessmentAnalysis", "Needs support with routines.",
                "assessmentRecommendation", recommendation));
    }

    private void signOff(ReferralFixtures.Taken referral, String decision) {
        completeAs("team-manager", task(referral.processInstanceId(), "Task_SignOffAssessment"),
                vars("signOffDecision", decision, "signOffRationale", "Agree with the analysis."));
    }

    private ReferralFixtures.Taken toStrategyDiscussion() {
        clockAt("2026-04-02T10:00");
        var referral = referralReceivedAt("2026-04-02T09:30:00+01:00");
        screen(referral, "strategy-discussion");
        return referral;
    }

    private ReferralFixtures.Taken toEnquiry() {
        var referral = toStrategyDiscussion();
        clockAt("2026-04-07T16:00");
        completeAs("team-manager", task(referral.processInstanceId(), "Task_HoldStrategyDiscussion"), vars(
                "strategyDiscussionHeldOn", "2026-04-07", "strategyOutcome", "section-47", "strategyRationale", "Threshold met."));
        clockAt("2026-04-17T10:00");
        return referral;
    }

    private ReferralFixtures.Taken toConferenceViaEnquiry() {
        var referral = toEnquiry();
        completeAs("practitioner", task(referral.processInstanceId(), "Task_CompleteSection47Enquiry"), vars(
                "enquiryChildSeenOn", "2026-04-08", "enquiryFindings", "Child seen alone.",
                "enquiryOutcome", "initial-conference", "enquiryRationale", "Continuing risk."));
        return referral;
    }
}
