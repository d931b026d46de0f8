package org.carepath.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ProcessTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.carepath.drift.DriftAlerts;
import org.carepath.proceedings.CourtOrderMade;
import org.carepath.proceedings.OrderType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** processes/looked-after-child.bpmn and looked-after-action.bpmn: a period in care, on the regulations' clocks. */
@ProcessTest({LookedAfter.PROCESS, LookedAfter.ACTION_PROCESS})
class LookedAfterProcessTest extends ProcessTestSupport {

    static final AtomicInteger CHILDREN = new AtomicInteger();

    @Autowired
    Children children;
    @Autowired
    LookedAfter lookedAfter;
    @Autowired
    DriftAlerts alerts;
    @Autowired
    Disputes disputes;
    @Autowired
    org.carepath.drift.Deadlines deadlines;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    record InCare(String child, ProcessInstance journey) {
    }

    // ------------------------------------------------------------------ becoming looked after

    @Test
    void anOrderMadeInCareProceedingsOpensThePeriodInCareThroughAnEvent() {
        clockAt("2026-09-07T15:00");
        var child = newChild(LocalDate.of(2019, 5, 1));
        transaction.executeWithoutResult(tx -> events.publishEvent(new CourtOrderMade(child, 7, OrderType.INTERIM_CARE_ORDER,
                LocalDate.of(2026, 9, 7))));

        var period = lookedAfter.periods(child).get(0);
        assertThat(period.open()).isTrue();
        assertThat(period.startedOn()).isEqualTo(LocalDate.of(2026, 9, 7));
        assertThat(period.legalBasis()).isEqualTo(LegalStatus.INTERIM_CARE_ORDER);
        var journey = journeyOf(period);
        assertThat(journey).isActive();
        // 20 working days from Monday 7 September 2026
        assertThat(task(journey.getId(), "Task_HoldFirstReview").getDueDate()).isEqualTo(endOfDay("2026-10-05"));
        assertThat(task(journey.getId(), "Task_RecordCarePlan").getDueDate()).isEqualTo(endOfDay("2026-09-21"));

        // the final order keeps the same period; its legal basis follows the order
        transaction.executeWithoutResult(tx -> events.publishEvent(new CourtOrderMade(child, 7, OrderType.CARE_ORDER,
                LocalDate.of(2027, 2, 26))));
        assertThat(lookedAfter.periods(child)).singleElement().satisfies(p -> {
            assertThat(p.currentLegalBasis()).isEqualTo(LegalStatus.CARE_ORDER);
            assertThat(p.open()).isTrue();
        });
    }

    @Test
    void theCarePlanHealthAssessmentAndEducationPlanOnTimeRaiseNoAlert() {
        var inCare = lookedAfterFrom("2026-09-07");
        clockAt("2026-09-15T10:00");
        var journey = inCare.journey().getId();
        completeAs("practitioner", task(journey, "Task_RecordCarePlan"), Map.of("carePlanPreparedOn", "2026-09-14",
                "carePlanSummary", "Stay with foster carers; contact with mother twice a week; contingency: kinship assessment of aunt."));
        completeAs("practitioner", task(journey, "Task_RecordHealthAssessment"), Map.of("healthAssessmentOn", "2026-09-15",
                "healthAssessmentNote", "Asthma; dental check booked."));
        completeAs("practitioner", task(journey, "Task_RecordPersonalEducationPlan"), Map.of("personalEducationPlanOn", "2026-09-15"));

        assertThat(inCare.journey()).hasPassed("End_CarePlanInPlace", "End_HealthAssessed", "End_PersonalEducationPlanInPlace");
        assertThat(openAlerts(inCare.child())).isEmpty();
        var period = lookedAfter.periods(inCare.child()).get(0);
        assertThat(period.carePlan().preparedOn()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(period.healthAssessment()).isEqualTo(new PeriodInCareView.Milestone(LocalDate.of(2026, 9, 15), "Asthma; dental check booked."));
    }

    @Test
    void aLateCarePlanRaisesADriftAlertThatRecordingItResolves() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        missDeadline(journey, "SubProcess_CarePlan");
        assertThat(openAlerts(inCare.child())).singleElement().satisfies(alert -> assertThat(alert.work()).isEqualTo("Care plan"));

        completeAs("practitioner", task(journey, "Task_RecordCarePlan"), Map.of("carePlanPreparedOn", "2026-09-22",
                "carePlanSummary", "Late, after the placement broke down twice."));
        assertThat(openAlerts(inCare.child())).isEmpty();
    }

    // ------------------------------------------------------------------ reviews

    @Test
    void threeReviewsEachDueFromTheDayTheLastOneTookPlace() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        clockAt("2026-10-02T10:00");
        holdReview(journey, "Task_HoldFirstReview", "2026-10-02", false);
        // 3 months after the first review
        assertThat(task(journey, "Task_HoldSecondReview").getDueDate()).isEqualTo(endOfDay("2027-01-02"));

        clockAt("2026-12-18T10:00");
        holdReview(journey, "Task_HoldSecondReview", "2026-12-18", false);
        // at most 6 months after the second
        assertThat(task(journey, "Task_HoldLookedAfterReview").getDueDate()).isEqualTo(endOfDay("2027-06-18"));

        clockAt("2027-06-10T10:00");
        holdReview(journey, "Task_HoldLookedAfterReview", "2027-06-10", false);
        assertThat(task(journey, "Task_HoldLookedAfterReview").getDueDate()).isEqualTo(endOfDay("2027-12-10"));
        assertThat(lookedAfter.periods(inCare.child()).get(0).reviews()).extracting(r -> r.number()).containsExactly(1, 2, 3);
    }

    @Test
    void aReviewHeldLateSetsTheNextReviewFromTheDayItActuallyTookPlace() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        missDeadline(journey, "SubProcess_FirstReview");
        clockAt("2026-10-20T10:00");
        holdReview(journey, "Task_HoldFirstReview", "2026-10-20", false);
        assertThat(task(journey, "Task_HoldSecondReview").getDueDate()).isEqualTo(endOfDay("2027-01-20"));
        assertThat(openAlerts(inCare.child())).extracting(a -> a.work()).doesNotContain("First review");
    }

    @Test
    void aReviewBeforeTheChildCameIntoCareIsRefusedNamingTheField() {
        var inCare = lookedAfterFrom("2026-09-07");
        var review = task(inCare.journey().getId(), "Task_HoldFirstReview");
        var answers = reviewAnswers("2026-09-01", false);
        assertThatThrownBy(() -> completeAs("iro", review, answers)).hasMessageContaining("reviewHeldOn")
                .hasMessageContaining("before the child became looked after");
        assertThat(lookedAfter.periods(inCare.child()).get(0).reviews()).isEmpty();
    }

    @Test
    void theTeamManagerAppointsTheChildsIroWithinFiveWorkingDays() {
        var inCare = lookedAfterFrom("2026-09-07");
        var appointment = task(inCare.journey().getId(), "Task_AppointTheChildsIro");
        assertThat(appointment.getDueDate()).isEqualTo(endOfDay("2026-09-14"));
        assertThatThrownBy(() -> completeAs("team-manager", appointment, Map.of("appointedIro", "practitioner")))
                .hasMessageContaining("appointedIro");
        completeAs("team-manager", appointment, Map.of("appointedIro", "iro"));
        assertThat(inCare.journey()).hasPassed("End_IroAppointed");
        assertThat(task(inCare.journey().getId(), "Task_HoldFirstReview").getAssignee()).isEqualTo("iro");
        assertThat(lookedAfter.periods(inCare.child()).get(0).iro()).isEqualTo("iro");
    }

    @Test
    void theIroAllocatedToTheChildHoldsTheirReviews() {
        var inCare = lookedAfterFrom("2026-09-07");
        asUser("team-manager", () -> lookedAfter.allocateIro(inCare.child(), new LookedAfterInput.Iro("iro")));
        assertThat(inCare.journey()).as("the appointment task is done by it").hasPassed("End_IroAppointed");
        assertThat(task(inCare.journey().getId(), "Task_HoldFirstReview").getAssignee()).isEqualTo("iro");
        clockAt("2026-10-01T10:00");
        holdReview(inCare.journey().getId(), "Task_HoldFirstReview", "2026-10-01", false);
        assertThat(task(inCare.journey().getId(), "Task_HoldSecondReview").getAssignee()).isEqualTo("iro");
    }

    // ------------------------------------------------------------------ the permanence plan, planning meetings, actions

    @Test
    void aPermanencePlanRatifiedBeforeTheSecondReviewRaisesNoAlertAndStopsThePlanningMeetings() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        clockAt("2026-10-01T10:00");
        completeAs("team-manager", task(journey, "Task_HoldFirstPermanencePlanningMeeting"), Map.of(
                "planningMeetingHeldOn", "2026-10-01", "planningMeetingAttendedBy", "Social worker, team manager, IRO",
                "planningMeetingDiscussion", "Parallel planning: rehabilitation to mother and assessment of the aunt."));
        clockAt("2026-10-02T10:00");
        holdReview(journey, "Task_HoldFirstReview", "2026-10-02", false);
        assertThat(inCare.journey()).isWaitingAt("SubProcess_PermanencePlan", "SubProcess_LaterPlanningMeeting");
        // the plan is due before the second review comes near: 2 months from the first review
        assertThat(deadlines.openForProcess(journey)).filteredOn(d -> d.work().equals("Permanence plan")).singleElement()
                .satisfies(d -> assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 12, 2)));

        clockAt("2026-11-20T10:00");
        asUser("iro", () -> lookedAfter.recordPermanencePlan(inCare.child(), new LookedAfterInput.PermanencePlan(
                "LONG_TERM_FOSTERING", "Special guardianship with the aunt", "2026-11-20", "LOOKED_AFTER_REVIEW", "Review 1 adjourned")));

        assertThat(inCare.journey()).hasPassed("End_PermanencePlanRatifiedInTime", "End_PlanningStoppedAtRatification");
        assertThat(openAlerts(inCare.child())).isEmpty();
        var period = lookedAfter.periods(inCare.child()).get(0);
        assertThat(period.permanencePlan().type()).isEqualTo(PermanencePlanType.LONG_TERM_FOSTERING);
        assertThat(period.permanencePlan().contingency()).isEqualTo("Special guardianship with the aunt");
        assertThat(period.permanencePlanningMeetings()).hasSize(1);
    }

    @Test
    void noPermanencePlanAsTheSecondReviewComesNearAlertsTheTeamManager() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        clockAt("2026-10-02T10:00");
        holdReview(journey, "Task_HoldFirstReview", "2026-10-02", false);
        var ladder = missDeadline(journey, "SubProcess_PermanencePlan");
        assertThat(task(ladder.getId(), "Task_ActOnMissedDeadline")).satisfies(escalation -> assertThat(
                engine.getTaskService().getIdentityLinksForTask(escalation.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).endsWith("team-manager")));
        assertThat(openAlerts(inCare.child())).singleElement().satisfies(alert -> assertThat(alert.work()).isEqualTo("Permanence plan"));

        // ratified at the second review: the alert closes, and how late it was stays on record
        clockAt("2026-12-18T10:00");
        holdReview(journey, "Task_HoldSecondReview", "2026-12-18", true);
        assertThat(openAlerts(inCare.child())).isEmpty();
        assertThat(lookedAfter.periods(inCare.child()).get(0).permanencePlan().ratifiedBy()).isEqualTo(RatifiedBy.LOOKED_AFTER_REVIEW);
    }

    @Test
    void planningMeetingsFollowEachOtherUntilThePlanIsRatified() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        // within 4 weeks of becoming looked after, then every 6 weeks from the last meeting
        assertThat(task(journey, "Task_HoldFirstPermanencePlanningMeeting").getDueDate()).isEqualTo(endOfDay("2026-10-05"));
        clockAt("2026-10-01T10:00");
        holdMeeting(journey, "Task_HoldFirstPermanencePlanningMeeting", "2026-10-01");
        assertThat(task(journey, "Task_HoldPermanencePlanningMeeting").getDueDate()).isEqualTo(endOfDay("2026-11-12"));
        clockAt("2026-11-10T10:00");
        holdMeeting(journey, "Task_HoldPermanencePlanningMeeting", "2026-11-10");
        assertThat(task(journey, "Task_HoldPermanencePlanningMeeting").getDueDate()).isEqualTo(endOfDay("2026-12-22"));
        assertThat(lookedAfter.periods(inCare.child()).get(0).permanencePlanningMeetings()).hasSize(2);
    }

    @Test
    void aPlanRatifiedBeforeTheFirstMeetingEndsPlanningAfterIt() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        clockAt("2026-09-20T10:00");
        asUser("team-manager", () -> lookedAfter.recordPermanencePlan(inCare.child(), new LookedAfterInput.PermanencePlan(
                "RETURN_HOME", "Long-term fostering with the current carers", "2026-09-18", "AGENCY_DECISION", "ADM decision 2026/41")));
        holdMeeting(journey, "Task_HoldFirstPermanencePlanningMeeting", "2026-09-20");
        assertThat(inCare.journey()).hasPassed("End_PermanencePlanningDone");
        // a plan to return home needs no life-story work yet
        assertThat(inCare.journey()).isWaitingAt("Gateway_LifeStoryWorkNeeded");

        // a plan ratified before the first review: the permanence plan stage is passed as soon as it begins
        clockAt("2026-10-02T10:00");
        holdReview(journey, "Task_HoldFirstReview", "2026-10-02", false);
        assertThat(inCare.journey()).hasPassed("End_PermanencePlanRatifiedInTime");
        assertThat(deadlines.openForProcess(journey)).extracting(d -> d.timescale()).doesNotContain("PERMANENCE_PLAN");
    }

    @Test
    void eachDecisionOfAReviewIsATrackedActionForItsOwner() {
        var inCare = lookedAfterFrom("2026-09-07");
        clockAt("2026-10-02T10:00");
        var answers = reviewAnswers("2026-10-02", false);
        answers.putAll(Map.of("decision1", "Refer the aunt for a kinship assessment", "decision1Owner", "practitioner",
                "decision1DueOn", "2026-10-16"));
        completeAs("iro", task(inCare.journey().getId(), "Task_HoldFirstReview"), answers);

        var action = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LookedAfter.ACTION_PROCESS)
                .processInstanceBusinessKey(inCare.child()).singleResult();
        track(action);
        var work = task(action.getId(), "Task_CarryOutTheAction");
        assertThat(work.getAssignee()).isEqualTo("practitioner");
        assertThat(work.getDueDate()).isEqualTo(endOfDay("2026-10-16"));
        clockAt("2026-10-09T10:00");
        completeAs("practitioner", work, Map.of("actionDoneOn", "2026-10-09", "actionNote", "Referral sent to the fostering team."));
        assertThat(action).isEnded().hasPassed("End_ActionDone");
        assertThat(lookedAfter.periods(inCare.child()).get(0).actions()).singleElement().satisfies(a -> {
            assertThat(a.decidedAt()).isEqualTo("looked-after review 1");
            assertThat(a.doneOn()).isEqualTo(LocalDate.of(2026, 10, 9));
        });
    }

    // ------------------------------------------------------------------ visits

    @Test
    void visitsInTheFirstYearThenEveryThreeMonthsInALongTermPlacement() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        asUser("practitioner", () -> lookedAfter.place(inCare.child(), placement("FOSTER_CARE_OWN_CARERS", "2026-09-07", true, null)));
        // within a week of the placement starting
        assertThat(task(journey, "Task_VisitTheChildInTheirNewPlacement").getDueDate()).isEqualTo(endOfDay("2026-09-14"));
        clockAt("2026-09-11T10:00");
        visit(journey, "Task_VisitTheChildInTheirNewPlacement", "2026-09-11", true);
        assertThat(task(journey, "Task_VisitTheChildWithinSixWeeks").getDueDate()).isEqualTo(endOfDay("2026-10-23"));

        // a year on: every three months
        clockAt("2027-09-08T10:00");
        visit(journey, "Task_VisitTheChildWithinSixWeeks", "2027-09-08", false);
        assertThat(task(journey, "Task_VisitTheChildWithinThreeMonths").getDueDate()).isEqualTo(endOfDay("2027-12-08"));
        clockAt("2027-12-01T10:00");
        visit(journey, "Task_VisitTheChildWithinThreeMonths", "2027-12-01", true);
        assertThat(task(journey, "Task_VisitTheChildWithinThreeMonths").getDueDate()).isEqualTo(endOfDay("2028-03-01"));
        assertThat(lookedAfter.periods(inCare.child()).get(0).visits()).extracting(v -> v.seenAlone()).containsExactly(true, false, true);

        // the placement ends: its visits stop, and the next placement has its own first visit
        asUser("practitioner", () -> lookedAfter.endPlacement(inCare.child(),
                lookedAfter.periods(inCare.child()).get(0).placements().get(0).id(),
                new LookedAfterInput.PlacementEnded("2027-12-01", "Carers retired")));
        assertThat(inCare.journey()).hasPassed("Event_PlacementEndedBeforeThreeMonthlyVisit").isWaitingAt("Event_PlacementStarted");
    }

    @Test
    void aChildPlacedWithParentsIsVisitedWeeklyUntilTheFirstReview() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        asUser("practitioner", () -> lookedAfter.place(inCare.child(), placement("PLACED_WITH_PARENTS", "2026-09-07", false, null)));
        clockAt("2026-09-10T10:00");
        visit(journey, "Task_VisitTheChildInTheirNewPlacement", "2026-09-10", true);
        assertThat(task(journey, "Task_VisitTheChildThisWeek").getDueDate()).isEqualTo(endOfDay("2026-09-17"));
        clockAt("2026-09-17T10:00");
        visit(journey, "Task_VisitTheChildThisWeek", "2026-09-17", true);
        assertThat(task(journey, "Task_VisitTheChildThisWeek").getDueDate()).isEqualTo(endOfDay("2026-09-24"));

        // a move: the weekly visit to the old placement stops, the new one is visited within a week
        clockAt("2026-09-21T10:00");
        asUser("practitioner", () -> lookedAfter.place(inCare.child(), placement("FOSTER_CARE_AGENCY_CARERS", "2026-09-21", false, "Mother's relapse")));
        assertThat(inCare.journey()).hasPassed("Event_PlacementEndedBeforeWeeklyVisit");
        assertThat(task(journey, "Task_VisitTheChildInTheirNewPlacement").getDueDate()).isEqualTo(endOfDay("2026-09-28"));
        var period = lookedAfter.periods(inCare.child()).get(0);
        assertThat(period.placements()).hasSize(2);
        assertThat(period.placements().get(0).endedOn()).isEqualTo(LocalDate.of(2026, 9, 21));
        assertThat(period.placementMovesInLast12Months()).isEqualTo(1);

        // a move before the first visit: that visit stops too
        asUser("practitioner", () -> lookedAfter.place(inCare.child(), placement("CHILDRENS_HOME", "2026-09-21", false, "Agency carers gave notice")));
        assertThat(inCare.journey()).hasPassed("Event_PlacementEndedBeforeFirstVisit");
    }

    @Test
    void aMissedVisitRaisesADriftAlertAndRecordingTheVisitResolvesIt() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        asUser("practitioner", () -> lookedAfter.place(inCare.child(), placement("FOSTER_CARE_OWN_CARERS", "2026-09-07", false, null)));
        clockAt("2026-09-11T10:00");
        visit(journey, "Task_VisitTheChildInTheirNewPlacement", "2026-09-11", true);
        missDeadline(journey, "SubProcess_SixWeeklyVisit");
        assertThat(openAlerts(inCare.child())).extracting(a -> a.work()).contains("Six-weekly visit");

        visit(journey, "Task_VisitTheChildWithinSixWeeks", "2026-10-24", true);
        assertThat(openAlerts(inCare.child())).extracting(a -> a.work()).doesNotContain("Six-weekly visit");

        // and a move while the next six-weekly visit waits
        asUser("practitioner", () -> lookedAfter.place(inCare.child(), placement("CONNECTED_PERSON", "2026-10-24", false, "Grandmother approved")));
        assertThat(inCare.journey()).hasPassed("Event_PlacementEndedBeforeSixWeeklyVisit");
    }

    @Test
    void aChildNotSeenAloneNeedsTheReasonRecorded() {
        var inCare = lookedAfterFrom("2026-09-07");
        asUser("practitioner", () -> lookedAfter.place(inCare.child(), placement("FOSTER_CARE_OWN_CARERS", "2026-09-07", false, null)));
        var first = task(inCare.journey().getId(), "Task_VisitTheChildInTheirNewPlacement");
        assertThatThrownBy(() -> completeAs("practitioner", first, Map.of("visitedOn", "2026-09-07", "seenAlone", false,
                "visitNote", "Settling in."))).hasMessageContaining("notSeenAloneReason");
        assertThatThrownBy(() -> completeAs("practitioner", first, Map.of("visitedOn", "2026-09-08", "seenAlone", true,
                "visitNote", "Settling in."))).as("a visit in the future").hasMessageContaining("visitedOn").hasMessageContaining("future");
        assertThat(lookedAfter.periods(inCare.child()).get(0).visits()).isEmpty();
    }

    // ------------------------------------------------------------------ placed with parents

    @Test
    void aChildAtHomeOnACareOrderIsAssessedThenTheirCareOrderIsConsideredForDischarge() {
        clockAt("2026-09-07T10:00");
        var child = newChild(LocalDate.of(2017, 6, 1));
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2026, 9, 7), "Care order made on 2026-09-07");
        var journey = track(journeyOf(lookedAfter.periods(child).get(0)));
        asUser("practitioner", () -> lookedAfter.place(child, placement("PLACED_WITH_PARENTS", "2026-09-07", false, null)));
        // an immediate placement is assessed within 10 working days
        assertThat(task(journey.getId(), "Task_AssessThePlacementWithParents").getDueDate()).isEqualTo(endOfDay("2026-09-21"));
        clockAt("2026-09-14T10:00");
        completeAs("practitioner", task(journey.getId(), "Task_AssessThePlacementWithParents"), Map.of(
                "placementWithParentsAssessedOn", "2026-09-14", "placementWithParentsAssessment", "Mother engaging with support; safe to continue."));
        assertThat(lookedAfter.periods(child).get(0).placements().get(0).assessedOn()).isEqualTo(LocalDate.of(2026, 9, 14));

        // six months at home: the team manager considers discharge, and may come back to it
        assertThat(timer(journey.getId(), "Event_SixMonthsAtHome").getDuedate()).isEqualTo(endOfDay("2027-03-07"));
        fire(journey.getId(), "Event_SixMonthsAtHome");
        completeAs("team-manager", task(journey.getId(), "Task_ConsiderDischargingTheCareOrder"), Map.of(
                "dischargeToBeConsidered", "not-yet", "dischargeConsiderationRationale", "Wait for the new baby to arrive."));
        fire(journey.getId(), "Event_TimeToReconsiderDischarge");
        completeAs("team-manager", task(journey.getId(), "Task_ConsiderDischargingTheCareOrder"), Map.of(
                "dischargeToBeConsidered", "ask-for-discharge", "dischargeConsiderationRationale", "Settled at home for nine months."));

        assertThat(journey).hasPassed("End_RevocationPathwayAskedFor");
        var revocation = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("revocation-of-care-order")
                .processInstanceBusinessKey(child).singleResult();
        assertThat(revocation).as("the revocation pathway").isNotNull();
        assertThat(children.get(child).decisions()).extracting(d -> d.outcome()).contains("not-yet", "ask-for-discharge");
    }

    @Test
    void onAnInterimCareOrderTheCourtDecidesAndAPlacementWithParentsThatEndsStopsItsWork() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        asUser("practitioner", () -> lookedAfter.place(inCare.child(), placement("PLACED_WITH_PARENTS", "2026-09-07", false, null)));
        completeAs("practitioner", task(journey, "Task_AssessThePlacementWithParents"), Map.of(
                "placementWithParentsAssessedOn", "2026-09-07", "placementWithParentsAssessment", "Safe with a written agreement."));
        assertThat(inCare.journey()).hasPassed("End_TheCourtDecidesAtTheFinalHearing", "End_PlacementWithParentsWorkDone");

        var other = lookedAfterFrom("2026-09-07");
        asUser("practitioner", () -> lookedAfter.place(other.child(), placement("PLACED_WITH_PARENTS", "2026-09-07", false, null)));
        clockAt("2026-09-09T10:00");
        asUser("practitioner", () -> lookedAfter.place(other.child(), placement("FOSTER_CARE_OWN_CARERS", "2026-09-09", false, "Father's arrest")));
        assertThat(other.journey()).hasPassed("End_PlacementWithParentsEnded");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(other.journey().getId())
                .taskDefinitionKey("Task_AssessThePlacementWithParents").count()).isZero();
    }

    // ------------------------------------------------------------------ life-story work, leaving care

    @Test
    void lifeStoryWorkForAChildInCareBeyondTheLimit() {
        var inCare = lookedAfterFrom("2026-09-07");
        var journey = inCare.journey().getId();
        fire(journey, "Event_InCareForTheLifeStoryThreshold");
        var task = task(journey, "Task_StartLifeStoryWork");
        // 3 months from when it became due: the day after the six months in care ended
        assertThat(task.getDueDate()).isEqualTo(endOfDay("2027-06-08"));
        completeAs("practitioner", task, Map.of("lifeStoryWorkStartedOn", "2027-03-08", "lifeStoryWorkNote", "Book started with the foster carer."));
        assertThat(inCare.journey()).hasPassed("End_LifeStoryWorkUnderWay");
    }

    @Test
    void lifeStoryWorkForAChildWithAPlanToGrowUpAwayFromHome() {
        var inCare = lookedAfterFrom("2026-09-07");
        clockAt("2026-11-02T10:00");
        asUser("team-manager", () -> lookedAfter.recordPermanencePlan(inCare.child(), new LookedAfterInput.PermanencePlan(
                "ADOPTION", "Long-term fostering", "2026-11-02", "AGENCY_DECISION", "ADM 2026/52")));
        assertThat(inCare.journey()).hasPassed("Event_PlanAwayFromHomeRatified");
        assertThat(task(inCare.journey().getId(), "Task_StartLifeStoryWork").getDueDate()).isEqualTo(endOfDay("2027-02-02"));
    }

    @Test
    void returningHomeEndsThePeriodItsOpenWorkAndItsAlerts() {
        clockAt("2026-09-07T10:00");
        var child = newChild(LocalDate.of(2015, 3, 3));
        var period = asUser("practitioner", () -> lookedAfter.becameLookedAfter(child, new LookedAfterInput.BecameLookedAfter(
                "SECTION_20", "2026-09-07", new LookedAfterInput.Consent("Kerry Smith (mother)", "2026-09-07"))));
        var journey = track(journeyOf(period));
        missDeadline(journey.getId(), "SubProcess_CarePlan");
        clockAt("2026-10-02T10:00");
        var answers = reviewAnswers("2026-10-02", false);
        answers.putAll(Map.of("decision1", "Family group conference", "decision1Owner", "practitioner", "decision1DueOn", "2026-10-30",
                "raiseConcern", true, "iroConcern", "No plan for contact with the father."));
        completeAs("iro", task(journey.getId(), "Task_HoldFirstReview"), answers);
        assertThat(openAlerts(child)).isNotEmpty();
        assertThat(disputes.forChild(child)).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(DisputeStatus.OPEN));

        clockAt("2026-10-09T10:00");
        asUser("practitioner", () -> lookedAfter.leftCare(child, new LookedAfterInput.LeftCare("2026-10-09", "RETURNED_HOME", "Home to mother")));

        assertThat(journey).isEnded().hasPassed("End_LeftCare");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(child).count()).isZero();
        assertThat(openAlerts(child)).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(child).count()).isZero();
        var ended = lookedAfter.periods(child).get(0);
        assertThat(ended.endedOn()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(ended.reasonForLeaving()).isEqualTo(ReasonForLeaving.RETURNED_HOME);
        assertThat(children.get(child).legalStatus()).isEqualTo(LegalStatus.NOT_LOOKED_AFTER);
        assertThat(disputes.forChild(child)).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(DisputeStatus.CLOSED_CHILD_LEFT_CARE));
    }

    @Test
    void aChildLeavesCareOnTheirEighteenthBirthday() {
        clockAt("2026-09-07T10:00");
        var child = newChild(LocalDate.of(2009, 1, 15));
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2026, 9, 7), "Care order made on 2026-09-07");
        var journey = track(journeyOf(lookedAfter.periods(child).get(0)));
        assertThat(timer(journey.getId(), "Event_EighteenthBirthday").getDuedate()).isEqualTo(endOfDay("2027-01-15"));
        fire(journey.getId(), "Event_EighteenthBirthday");

        assertThat(journey).isEnded().hasPassed("End_LeftCareAtEighteen");
        var period = lookedAfter.periods(child).get(0);
        assertThat(period.endedOn()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(period.reasonForLeaving()).isEqualTo(ReasonForLeaving.EIGHTEENTH_BIRTHDAY);
        assertThat(children.get(child).legalStatus()).isEqualTo(LegalStatus.NOT_LOOKED_AFTER);
    }

    @Test
    void withoutADateOfBirthThereIsNo18thBirthdayToCountTo() {
        clockAt("2026-09-07T10:00");
        var child = newChild(null);
        children.changeLegalStatus(child, LegalStatus.POLICE_PROTECTION, LocalDate.of(2026, 9, 7), "Police protection");
        var journey = track(journeyOf(lookedAfter.periods(child).get(0)));
        assertThat(journey).hasPassed("End_NoDateOfBirthToCountFrom").isActive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"IroAppointment, team-manager", "CarePlan, practitioner", "HealthAssessment, practitioner", "PersonalEducationPlan, practitioner",
            "FirstReview, iro", "FirstPlanningMeeting, team-manager"})
    void everyStageRemindsItsWorkerThenEscalatesAMissedDeadline(String stage, String group) {
        var inCare = lookedAfterFrom("2026-09-07");
        walkReminderAndEscalation(inCare.journey(), stage, group);
    }

    // ------------------------------------------------------------------ the steps

    private InCare lookedAfterFrom(String date) {
        clockAt(date + "T10:00");
        var child = newChild(LocalDate.of(2016, 4, 1));
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.parse(date), "Interim care order made on " + date);
        return new InCare(child, track(journeyOf(lookedAfter.periods(child).get(0))));
    }

    private java.util.List<org.carepath.drift.DriftAlertView> openAlerts(String child) {
        return alerts.forChild(child).stream().filter(org.carepath.drift.DriftAlertView::open).toList();
    }

    private String newChild(LocalDate dateOfBirth) {
        return children.register(new NewChild("Leah", "InCare-" + CHILDREN.incrementAndGet() + "-" + System.nanoTime(),
                dateOfBirth, null, null)).reference();
    }

    private ProcessInstance journeyOf(PeriodInCareView period) {
        var journey = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(period.processInstanceId()).singleResult();
        assertThat(journey).as("journey of period %s", period.id()).isNotNull();
        return track(journey);
    }

    private static Map<String, Object> reviewAnswers(String heldOn, boolean ratify) {
        var answers = new HashMap<String, Object>(Map.of("reviewHeldOn", heldOn, "reviewAttendedBy", "Leah, foster carer, social worker, mother",
                "childViews", "Wants to stay with Jo and see mum more.", "childViewsGathered", "in-person", "carePlanStatus", "on-track",
                "permanencePlanInPlace", ratify));
        if (ratify) {
            answers.putAll(Map.of("permanencePlanRatifiedAtReview", true, "permanencePlanType", "special-guardianship",
                    "permanencePlanContingency", "Long-term fostering with the current carers"));
        }
        return answers;
    }

    private void holdReview(String journey, String taskKey, String heldOn, boolean ratify) {
        completeAs("iro", task(journey, taskKey), reviewAnswers(heldOn, ratify));
    }

    private void holdMeeting(String journey, String taskKey, String heldOn) {
        completeAs("team-manager", task(journey, taskKey), Map.of("planningMeetingHeldOn", heldOn,
                "planningMeetingAttendedBy", "Social worker, team manager", "planningMeetingDiscussion", "Options reviewed."));
    }

    private void visit(String journey, String taskKey, String visitedOn, boolean seenAlone) {
        var answers = new HashMap<String, Object>(Map.of("visitedOn", visitedOn, "seenAlone", seenAlone, "visitNote", "Settled; school going well."));
        if (!seenAlone) {
            answers.put("notSeenAloneReason", "Asked for their carer to stay.");
        }
        completeAs("practitioner", task(journey, taskKey), answers);
    }

    private static LookedAfterInput.Placement placement(String type, String startedOn, boolean longTerm, String reasonForMove) {
        return new LookedAfterInput.Placement(type, "Jo and Sam Carter", "LS6 2AB", startedOn, longTerm, false, reasonForMove);
    }

    private <T> T asUser(String user, java.util.function.Supplier<T> work) {
        var identity = engine.getIdentityService();
        var groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        identity.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
