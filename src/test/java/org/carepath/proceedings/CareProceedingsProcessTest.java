package org.carepath.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.carepath.ProcessTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.carepath.drift.DeadlineView;
import org.carepath.drift.Deadlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Walks every path of processes/care-proceedings.bpmn. A case issued on Monday 2 March 2026 ends its 26 weeks on Sunday 30 August. */
@ProcessTest(CareProceedingsProcessTest.PROCESS)
@RecordApplicationEvents
class CareProceedingsProcessTest extends ProcessTestSupport {

    static final String PROCESS = "care-proceedings";

    @Autowired
    ProceedingsFixtures fixtures;
    @Autowired
    Proceedings proceedings;
    @Autowired
    Children children;
    @Autowired
    Deadlines deadlines;
    @Autowired
    ApplicationEvents events;

    @Test
    void issuedNowTheCaseRunsOnItsTwentySixWeeksThroughItsHearingsToACareOrder() {
        clockAt("2026-02-25T10:00");
        var c = tracked(fixtures.requested());
        assertThat(task(c.processInstanceId(), "Task_HoldLegalPlanningMeeting").getDueDate()).isEqualTo(endOfDay("2026-03-11"));

        clockAt("2026-02-26T15:00");
        fixtures.legalPlanningMeeting(c, "2026-02-26", "issue-proceedings");
        assertThat(c.instance()).isWaitingAt("Task_IssueCareApplication");

        clockAt("2026-03-02T16:00");
        fixtures.issued(c, "2026-03-02");

        var view = proceedings.get(c.proceedingsId());
        assertThat(view.status()).isEqualTo(ProceedingsStatus.ISSUED);
        assertThat(view.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(view.originalDeadline()).isEqualTo(LocalDate.of(2026, 8, 30));
        assertThat(view.week()).isEqualTo(1);
        assertThat(deadlines.openForProcess(c.processInstanceId())).extracting(DeadlineView::timescale, DeadlineView::dueDate)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("CARE_PROCEEDINGS", LocalDate.of(2026, 8, 30)),
                        org.assertj.core.groups.Tuple.tuple("CASE_MANAGEMENT_HEARING", LocalDate.of(2026, 3, 13)));
        assertThat(task(c.processInstanceId(), "Task_RecordCaseManagementHearing").getDueDate()).isEqualTo(endOfDay("2026-03-13"));

        clockAt("2026-03-13T17:00");
        fixtures.complete(c, "Task_RecordCaseManagementHearing", "legal", vars(
                "hearingHeldOn", "2026-03-13", "hearingOutcome", "Interim care order; timetable set.",
                "interimCareOrderMade", true, "nextHearingOn", "2026-07-10", "nextHearingType", "ISSUES_RESOLUTION",
                "direction1", "File the parenting assessment", "direction1Owner", "practitioner", "direction1DueOn", "2026-05-15",
                "direction2", "File the final care plan", "direction2Owner", "practitioner", "direction2DueOn", "2026-06-26"));

        assertThat(children.get(c.childReference()).legalStatus()).isEqualTo(LegalStatus.INTERIM_CARE_ORDER);
        view = proceedings.get(c.proceedingsId());
        assertThat(view.hearings()).singleElement().satisfies(hearing -> {
            assertThat(hearing.type()).isEqualTo(HearingType.CASE_MANAGEMENT);
            assertThat(hearing.nextHearingType()).isEqualTo(HearingType.ISSUES_RESOLUTION);
            assertThat(hearing.recordedBy()).isEqualTo("legal");
        });
        assertThat(view.directions()).extracting(ProceedingsView.DirectionView::dueOn)
                .containsExactly(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 6, 26));
        var direction = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(c.childReference())
                .taskDefinitionKey("Task_ComplyWithCourtDirection").orderByDueDate().asc().list().get(0);
        assertThat(direction.getAssignee()).isEqualTo("practitioner");
        assertThat(direction.getDueDate()).isEqualTo(endOfDay("2026-05-15"));
        assertThat(c.instance()).isWaitingAt("Task_RecordIssuesResolutionHearing");
        // the issues resolution hearing by the end of week 20: Sunday 19 July 2026
        assertThat(task(c.processInstanceId(), "Task_RecordIssuesResolutionHearing").getDueDate()).isEqualTo(endOfDay("2026-07-19"));
        assertThat(deadlines.openForProcess(c.processInstanceId())).extracting(DeadlineView::timescale)
                .containsExactlyInAnyOrder("CARE_PROCEEDINGS", "ISSUES_RESOLUTION_HEARING");

        clockAt("2026-07-10T17:00");
        var irh = task(c.processInstanceId(), "Task_RecordIssuesResolutionHearing");
        assertThat(engine.getTaskService().getVariable(irh.getId(), "hearingHeldOn")).as("a fresh form, not the last hearing's").isNull();
        fixtures.complete(c, "Task_RecordIssuesResolutionHearing", "legal", Map.of(
                "hearingHeldOn", "2026-07-10", "hearingOutcome", "Issues narrowed; final hearing listed.",
                "nextHearingOn", "2026-08-21", "nextHearingType", "FINAL"));

        clockAt("2026-08-21T16:00");
        fixtures.complete(c, "Task_RecordFinalHearing", "legal", Map.of("finalHearingHeldOn", "2026-08-21",
                "finalOrder", "care-order", "finalHearingOutcome", "Care order: threshold proved; care plan approved."));

        assertThat(c.instance()).isEnded().hasPassed("End_CareOrderMade");
        view = proceedings.get(c.proceedingsId());
        assertThat(view.status()).isEqualTo(ProceedingsStatus.CONCLUDED);
        assertThat(view.finalOrder()).isEqualTo(OrderType.CARE_ORDER);
        assertThat(view.durationWeeks()).isEqualTo(24.7); // 173 days, 2 March to 21 August inclusive
        assertThat(view.directions()).extracting(ProceedingsView.DirectionView::status).containsOnly("WITHDRAWN");
        var child = children.get(c.childReference());
        assertThat(child.legalStatus()).isEqualTo(LegalStatus.CARE_ORDER);
        assertThat(child.legalStatusHistory()).extracting(ChildLegalStatus::of)
                .containsExactly("INTERIM_CARE_ORDER 2026-03-13", "CARE_ORDER 2026-08-21");
        assertThat(deadlines.openFor(c.childReference())).as("the proceedings' deadlines are closed; the period in care the"
                + " interim care order began goes on, with its own").allSatisfy(deadline ->
                assertThat(deadline.processDefinitionKey()).isEqualTo("looked-after-child"));
    }

    @Test
    void theMeetingMayDecideOnNoLegalAction() {
        clockAt("2026-02-25T10:00");
        var c = tracked(fixtures.requested());
        fixtures.legalPlanningMeeting(c, "2026-02-25", "no-legal-action");
        assertThat(c.instance()).isEnded().hasPassed("End_NoLegalAction");
        assertThat(proceedings.get(c.proceedingsId()).status()).isEqualTo(ProceedingsStatus.NO_LEGAL_ACTION);
        assertThat(children.get(c.childReference()).decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo("Hold legal planning meeting");
            assertThat(decision.outcome()).isEqualTo("no-legal-action");
        });
    }

    @Test
    void preProceedingsRunFromTheLetterThroughReviewsToADecisionAndAnExtension() {
        clockAt("2026-02-25T10:00");
        var c = tracked(fixtures.requested());
        fixtures.legalPlanningMeeting(c, "2026-02-25", "pre-proceedings");
        // letter within 5 working days of the meeting
        assertThat(task(c.processInstanceId(), "Task_SendLetterBeforeProceedings").getDueDate()).isEqualTo(endOfDay("2026-03-04"));

        clockAt("2026-03-02T12:00");
        fixtures.complete(c, "Task_SendLetterBeforeProceedings", "legal", Map.of("letterSentOn", "2026-03-02"));
        assertThat(task(c.processInstanceId(), "Task_HoldPreProceedingsMeeting").getDueDate()).isEqualTo(endOfDay("2026-03-16"));

        clockAt("2026-03-12T12:00");
        fixtures.complete(c, "Task_HoldPreProceedingsMeeting", "team-manager", Map.of("preProceedingsMeetingHeldOn", "2026-03-12",
                "parentsAttended", "both", "preProceedingsPlan", "Parenting course; nursery every day.",
                "contingencyPlan", "Issue proceedings; placement with grandmother."));
        assertThat(task(c.processInstanceId(), "Task_FirstReviewOfPreProceedings").getDueDate()).isEqualTo(endOfDay("2026-04-13"));

        clockAt("2026-04-13T12:00");
        review(c, "Task_FirstReviewOfPreProceedings", "2026-04-13", "continue");
        assertThat(task(c.processInstanceId(), "Task_SecondReviewOfPreProceedings").getDueDate()).isEqualTo(endOfDay("2026-05-25"));
        assertThat(engine.getTaskService().getVariable(task(c.processInstanceId(), "Task_SecondReviewOfPreProceedings").getId(),
                "reviewDecision")).as("the review form opens empty").isNull();

        clockAt("2026-05-22T12:00");
        review(c, "Task_SecondReviewOfPreProceedings", "2026-05-22", "continue");
        assertThat(task(c.processInstanceId(), "Task_DecideOnPreProceedings").getDueDate()).isEqualTo(endOfDay("2026-06-22"));

        clockAt("2026-06-22T12:00");
        decide(c, "Task_DecideOnPreProceedings", "extend");
        // an extension of 6 weeks from the decision
        assertThat(task(c.processInstanceId(), "Task_DecideAtEndOfExtension").getDueDate()).isEqualTo(endOfDay("2026-08-03"));

        clockAt("2026-07-31T12:00");
        decide(c, "Task_DecideAtEndOfExtension", "step-down");
        assertThat(c.instance()).isEnded().hasPassed("End_SteppedDownAfterExtension", "End_SteppedDownFromPreProceedings");
        var view = proceedings.get(c.proceedingsId());
        assertThat(view.status()).isEqualTo(ProceedingsStatus.STEPPED_DOWN);
        assertThat(view.letterSentOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(view.preProceedingsMeetingOn()).isEqualTo(LocalDate.of(2026, 3, 12));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "PreProceedingsFirstReview, Task_FirstReviewOfPreProceedings, step-down, End_SteppedDownAtFirstReview",
            "PreProceedingsFirstReview, Task_FirstReviewOfPreProceedings, issue-proceedings, End_IssueDecidedAtFirstReview",
            "PreProceedingsSecondReview, Task_SecondReviewOfPreProceedings, step-down, End_SteppedDownAtSecondReview",
            "PreProceedingsSecondReview, Task_SecondReviewOfPreProceedings, issue-proceedings, End_IssueDecidedAtSecondReview",
            "PreProceedingsDecision, Task_DecideOnPreProceedings, step-down, End_SteppedDownAtDecision",
            "PreProceedingsDecision, Task_DecideOnPreProceedings, issue-proceedings, End_IssueDecidedAtDecision",
            "ExtendedPreProceedings, Task_DecideAtEndOfExtension, issue-proceedings, End_IssueDecidedAfterExtension",
            "ExtendedPreProceedings, Task_DecideAtEndOfExtension, extend, Gateway_PreProceedingsExtended"})
    void everyPreProceedingsDecisionLeadsWhereItSays(String stage, String taskKey, String decision, String passes) {
        clockAt("2026-02-25T10:00");
        var c = tracked(fixtures.requested());
        engine.getRuntimeService().setVariables(c.processInstanceId(), Map.of("legalPlanningMeetingHeldOn", "2026-02-25",
                "letterSentOn", "2026-03-02", "preProceedingsExtendedAt", londonTime("2026-06-22T12:00")));
        engine.getRuntimeService().createProcessInstanceModification(c.processInstanceId())
                .cancelAllForActivity("SubProcess_LegalPlanningMeeting")
                .startBeforeActivity("SubProcess_" + stage).execute();
        clockAt("2026-06-25T12:00");

        if (taskKey.contains("Review")) {
            review(c, taskKey, "2026-06-25", decision);
        } else {
            decide(c, taskKey, decision);
        }

        assertThat(c.instance()).hasPassed(passes);
        if ("issue-proceedings".equals(decision)) {
            assertThat(c.instance()).isWaitingAt("Task_IssueCareApplication");
        } else if ("step-down".equals(decision)) {
            assertThat(c.instance()).isEnded().hasPassed("End_SteppedDownFromPreProceedings");
        } else {
            assertThat(c.instance()).isWaitingAt("Task_DecideAtEndOfExtension");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "care-order, End_CareOrderMade, CARE_ORDER",
            "placement-order, End_PlacementOrderMade, PLACEMENT_ORDER",
            "supervision-order, End_SupervisionOrderMade, SUPERVISION_ORDER",
            "special-guardianship-order, End_SpecialGuardianshipOrderMade, SPECIAL_GUARDIANSHIP_ORDER",
            "child-arrangements-order, End_ChildArrangementsOrderMade, CHILD_ARRANGEMENTS_ORDER",
            "no-order, End_NoOrderMade, NOT_LOOKED_AFTER"})
    void eachFinalOrderChangesTheChildsLegalStatusAndSaysWhatComesNext(String order, String end, LegalStatus status) {
        clockAt("2026-02-25T10:00");
        var c = tracked(fixtures.requested());
        fixtures.legalPlanningMeeting(c, "2026-02-25", "issue-proceedings");
        clockAt("2026-03-02T16:00");
        fixtures.issued(c, "2026-03-02");
        engine.getRuntimeService().createProcessInstanceModification(c.processInstanceId())
                .cancelAllForActivity("SubProcess_CaseManagementHearing")
                .startBeforeActivity("Task_RecordFinalHearing").execute();

        clockAt("2026-08-14T16:00");
        fixtures.complete(c, "Task_RecordFinalHearing", "legal", Map.of("finalHearingHeldOn", "2026-08-14",
                "finalOrder", order, "finalHearingOutcome", "The court's reasons."));

        assertThat(c.instance()).isEnded().hasPassed(end);
        assertThat(children.get(c.childReference()).legalStatus()).isEqualTo(status);
        var placementOrders = events.stream(PlacementOrderMade.class).filter(e -> e.childReference().equals(c.childReference())).toList();
        if (order.equals("placement-order")) {
            assertThat(placementOrders).singleElement().isEqualTo(new PlacementOrderMade(c.childReference(), c.proceedingsId(),
                    LocalDate.of(2026, 8, 14)));
        } else {
            assertThat(placementOrders).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "LegalPlanningMeeting, legalPlanningRequestedAt, legal",
            "LetterBeforeProceedings, legalPlanningMeetingHeldOn, legal",
            "PreProceedingsMeeting, letterSentOn, team-manager",
            "PreProceedingsFirstReview, letterSentOn, team-manager",
            "PreProceedingsSecondReview, letterSentOn, team-manager",
            "PreProceedingsDecision, letterSentOn, team-manager",
            "ExtendedPreProceedings, preProceedingsExtendedAt, team-manager",
            "IssueApplication, issueDecidedOn, legal",
            "CareProceedings, proceedingsIssuedOn, legal",
            "CaseManagementHearing, proceedingsIssuedOn, legal",
            "IssuesResolutionHearing, proceedingsIssuedOn, legal"})
    void everyStageRemindsItsWorkerThenEscalatesAMissedDeadline(String stage, String trigger, String group) {
        clockAt("2026-03-02T10:00");
        var child = children.register(new NewChild("Ava", "Court-" + stage, null, null, null));
        var instance = engine.getRuntimeService().createProcessInstanceByKey(PROCESS).businessKey(child.reference())
                .setVariables(vars("childRef", child.reference(), "childName", child.name(), trigger, londonTime("2026-03-02T09:00")))
                .startBeforeActivity("SubProcess_" + stage).execute();
        STARTED.add(instance.getId());

        walkReminderAndEscalation(instance, stage, group);
    }


    @Test
    void anApplicationIssuedBeforeTheLegalPlanningMeetingIsRefusedAndNothingIsRecorded() {
        // given a case whose legal planning meeting was held on Wednesday 25 February
        clockAt("2026-02-25T10:00");
        var c = tracked(fixtures.requested());
        fixtures.legalPlanningMeeting(c, "2026-02-25", "issue-proceedings");

        // when the application is recorded as issued the week before
        clockAt("2026-03-02T16:00");

        // then it is refused naming the date, and the case waits for its issue
        assertThatThrownBy(() -> fixtures.issued(c, "2026-02-20")).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("proceedingsIssuedOn").hasMessageContaining("the legal planning meeting (2026-02-25)");
        assertThat(c.instance()).isWaitingAt("Task_IssueCareApplication");
        assertThat(proceedings.get(c.proceedingsId()).issuedOn()).isNull();
    }

    @Test
    void anExtensionOfEightAndAHalfWeeksOnTheHearingFormIsRefusedNotRecordedAsEight() {
        // given a case issued on Monday 2 March, at its case management hearing
        clockAt("2026-02-25T10:00");
        var c = tracked(fixtures.requested());
        fixtures.legalPlanningMeeting(c, "2026-02-25", "issue-proceedings");
        clockAt("2026-03-02T16:00");
        fixtures.issued(c, "2026-03-02");
        clockAt("2026-03-13T17:00");

        // when the solicitor records an extension of 8.5 weeks on the hearing's form
        assertThatThrownBy(() -> fixtures.complete(c, "Task_RecordCaseManagementHearing", "legal", vars(
                "hearingHeldOn", "2026-03-13", "hearingOutcome", "Timetable set.",
                "extensionWeeks", 8.5, "extensionReason", "Expert assessment delayed.")))
                // then it is refused naming the field, and nothing of the hearing is recorded
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("extensionWeeks");
        var view = proceedings.get(c.proceedingsId());
        assertThat(view.hearings()).isEmpty();
        assertThat(view.extensions()).isEmpty();
        assertThat(view.currentDeadline()).isEqualTo(LocalDate.of(2026, 8, 30));
        assertThat(c.instance()).isWaitingAt("Task_RecordCaseManagementHearing");
    }

    private void review(ProceedingsFixtures.Case c, String taskKey, String on, String decision) {
        fixtures.complete(c, taskKey, "team-manager", Map.of("reviewedOn", on, "progressAgainstPlan", "Some progress.",
                "reviewDecision", decision, "reviewRationale", "Reviewed with the family's solicitor."));
    }

    private void decide(ProceedingsFixtures.Case c, String taskKey, String decision) {
        fixtures.complete(c, taskKey, "team-manager", Map.of("preProceedingsDecision", decision,
                "preProceedingsRationale", "Decided: " + decision));
    }

    private ProceedingsFixtures.Case tracked(ProceedingsFixtures.Case c) {
        STARTED.add(c.processInstanceId());
        return c;
    }

    /** "CARE_ORDER 2026-08-21" */
    static final class ChildLegalStatus {
        static String of(org.carepath.child.ChildView.LegalStatusView view) {
            return view.legalStatus() + " " + view.effectiveOn();
        }
    }
}
