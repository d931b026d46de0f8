package org.carepath.careleaver;

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
import org.carepath.drift.DriftAlertView;
import org.carepath.drift.DriftAlerts;
import org.carepath.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** processes/care-leaver-pathway.bpmn: from the 16th birthday to 25, every path, timers fired by moving the engine clock. */
@ProcessTest({CareLeavers.PROCESS, CareLeavers.ACTION_PROCESS})
class CareLeaverPathwayProcessTest extends ProcessTestSupport {

    static final AtomicInteger CHILDREN = new AtomicInteger();
    static final String ADVISER = "personal-adviser";

    @Autowired
    Children children;
    @Autowired
    CareLeavers careLeavers;
    @Autowired
    DriftAlerts alerts;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aChildInCareAtFifteenStartsOnTheSixteenthBirthdayIsReviewedOnRequestStaysPutToTwentyOneAndClosesAtTwentyFive() {
        clockAt("2095-06-01T10:00");
        var child = newChild(LocalDate.of(2080, 2, 29));
        status(child, LegalStatus.SECTION_20, "2095-06-01");
        var pathway = pathwayOf(child);
        assertThat(pathway).isWaitingAt("Event_SixteenthBirthday");
        assertThat(timer(pathway.getId(), "Event_SixteenthBirthday").getDuedate()).isEqualTo(endOfDay("2096-02-29"));

        fire(pathway.getId(), "Event_SixteenthBirthday");
        var assessment = task(pathway.getId(), "Task_AssessNeedsAndPreparePathwayPlan");
        assertThat(assessment.getDueDate()).isEqualTo(endOfDay("2096-05-29"));
        assertThat(careLeavers.view(child).eligibleOn()).isEqualTo(LocalDate.of(2096, 2, 29));
        assertThat(careLeavers.view(child).status()).isEqualTo(CareLeaverStatus.ELIGIBLE);
        clockAt("2096-03-10T10:00");
        completeAs("practitioner", assessment, plan("pathwayPlanOn", "2096-03-10"));
        completeAs("team-manager", task(pathway.getId(), "Task_AllocatePersonalAdviser"), Map.of("personalAdviser", ADVISER));

        assertThat(pathway).isWaitingAt("Task_ReviewPathwayPlan", "Event_LeftCare", "Event_EighteenthBirthday");
        assertThat(task(pathway.getId(), "Task_ReviewPathwayPlan").getDueDate()).isEqualTo(endOfDay("2096-09-10"));
        var plan = careLeavers.view(child).pathwayPlan().get(0);
        assertThat(plan.goals()).hasSize(7).extracting(CareLeaverView.GoalView::domain).contains("accommodation", "identity");
        assertThat(plan.goals().get(0).actionOwner()).isEqualTo("Paula Martin");
        assertThat(careLeavers.view(child).localOffer()).startsWith("https://");

        // the young person asks for a review: it replaces the scheduled one, and staying put is considered at it
        clockAt("2096-05-04T10:00");
        careLeavers.requestReview(child, new CareLeaverInput.ReviewRequest("young-person", "2096-05-04", "Wants to talk about college"));
        var requested = task(pathway.getId(), "Task_HoldRequestedReview");
        assertThatThrownBy(() -> careLeavers.requestReview(child, new CareLeaverInput.ReviewRequest("personal-adviser", "2096-05-04", "Again")))
                .isInstanceOf(org.carepath.web.ConflictException.class);
        clockAt("2096-05-10T10:00");
        assertThatThrownBy(() -> completeAs(ADVISER, requested, review("2096-05-10", null)))
                .hasMessageContaining("stayingPutDecision");
        completeAs(ADVISER, requested, review("2096-05-10", "chosen"));
        assertThat(task(pathway.getId(), "Task_ReviewPathwayPlan").getDueDate()).isEqualTo(endOfDay("2096-11-10"));
        clockAt("2096-11-01T10:00");
        completeAs(ADVISER, task(pathway.getId(), "Task_ReviewPathwayPlan"), review("2096-11-01", null));
        assertThat(careLeavers.view(child).pathwayPlan()).extracting(CareLeaverView.PlanView::kind)
                .containsExactly("pathway-plan", "review-on-request", "review");
        assertThat(careLeavers.view(child).stayingPut().decision()).isEqualTo("chosen");

        // care ends at 17 (a relevant child): keeping in touch starts, at least every 2 months
        clockAt("2097-09-01T10:00");
        status(child, LegalStatus.NOT_LOOKED_AFTER, "2097-09-01");
        assertThat(careLeavers.view(child).status()).isEqualTo(CareLeaverStatus.RELEVANT);
        assertThat(task(pathway.getId(), "Task_ContactTheYoungPerson").getDueDate()).isEqualTo(endOfDay("2097-11-01"));

        // a missed contact raises an alert to the adviser's manager; recording the contact resolves it
        missDeadline(pathway.getId(), "SubProcess_KeepingInTouch");
        assertThat(openAlerts(child)).hasSize(1);
        clockAt("2097-11-03T10:00");
        careLeavers.recordContact(child, new CareLeaverInput.Contact("2097-11-03", "phone", "Settled at home, wants help with money."));
        assertThat(openAlerts(child)).isEmpty();
        assertThat(careLeavers.view(child).contacts()).singleElement().satisfies(c -> assertThat(c.method()).isEqualTo("phone"));

        // a move into accommodation the council provides: a visit within 7 days
        clockAt("2097-12-01T10:00");
        careLeavers.recordCircumstances(child, new CareLeaverInput.CircumstancesFrom("2097-12-01", "supported-lodgings", true, true,
                "further-education", false, false));
        var visit = task(pathway.getId(), "Task_VisitTheNewHome");
        assertThat(visit.getDueDate()).isEqualTo(endOfDay("2097-12-08"));
        clockAt("2097-12-05T10:00");
        completeAs(ADVISER, visit, Map.of("contactedOn", "2097-12-05", "contactMethod", "in-person", "contactNote", "Room is fine."));
        assertThat(pathway).isWaitingAt("Task_ContactTheYoungPerson");

        // 18 on 1 March 2098 (a leap-day birthday): staying put goes on to 21
        fire(pathway.getId(), "Event_EighteenthBirthday");
        assertThat(careLeavers.view(child).status()).isEqualTo(CareLeaverStatus.FORMER_RELEVANT);
        assertThat(timer(pathway.getId(), "Event_TwentyFirstBirthday").getDuedate()).isEqualTo(endOfDay("2101-03-01"));
        fire(pathway.getId(), "Event_TwentyFirstBirthday");
        assertThat(careLeavers.view(child).stayingPutEndedOn()).isEqualTo(LocalDate.of(2101, 3, 1));

        assertThat(timer(pathway.getId(), "Event_TwentyFifthBirthday").getDuedate()).isEqualTo(endOfDay("2105-03-01"));
        fire(pathway.getId(), "Event_TwentyFifthBirthday");
        assertThat(pathway).hasPassed("End_SupportEndsAtTwentyFive", "Task_CloseAtTwentyFive", "End_ClosedAtTwentyFive").isEnded();
        var closed = careLeavers.view(child);
        assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2105, 3, 1));
        assertThat(closed.status()).isNull();
        assertThat(closed.statusHistory()).extracting(CareLeaverStatus.Since::status).containsExactly(CareLeaverStatus.ELIGIBLE,
                CareLeaverStatus.RELEVANT, CareLeaverStatus.FORMER_RELEVANT, null);
    }

    @Test
    void aChildWhoComesIntoCareAfterSixteenStartsOnceThirteenWeeksAreComplete() {
        clockAt("2095-03-15T10:00");
        var child = newChild(LocalDate.of(2079, 1, 10));
        status(child, LegalStatus.SECTION_20, "2095-03-15");
        var pathway = pathwayOf(child);
        fire(pathway.getId(), "Event_SixteenthBirthday");
        assertThat(pathway).isWaitingAt("Event_ThirteenWeeksInCare");
        assertThat(timer(pathway.getId(), "Event_ThirteenWeeksInCare").getDuedate()).isEqualTo(endOfDay("2095-06-14"));
        assertThat(careLeavers.view(child)).isNull();

        fire(pathway.getId(), "Event_ThirteenWeeksInCare");
        assertThat(task(pathway.getId(), "Task_AssessNeedsAndPreparePathwayPlan").getDueDate()).isEqualTo(endOfDay("2095-09-14"));
        assertThat(careLeavers.view(child).eligibleOn()).isEqualTo(LocalDate.of(2095, 6, 14));
    }

    @Test
    void aChildWhoLeavesCareBeforeSixteenHasNoJourneyLeft() {
        clockAt("2096-01-01T10:00");
        var child = newChild(LocalDate.of(2081, 5, 1));
        status(child, LegalStatus.SECTION_20, "2096-01-01");
        var pathway = pathwayOf(child);
        clockAt("2096-03-01T10:00");
        status(child, LegalStatus.NOT_LOOKED_AFTER, "2096-03-01");
        assertThat(pathway).isEnded();
        assertThat(careLeavers.view(child)).isNull();
    }

    @Test
    void aChildWhoComesIntoCareTooLateToCompleteThirteenWeeksBeforeEighteenIsNotEligible() {
        clockAt("2096-12-01T10:00");
        var child = newChild(LocalDate.of(2079, 1, 10));
        status(child, LegalStatus.SECTION_20, "2096-12-01");
        var pathway = pathwayOf(child);
        fire(pathway.getId(), "Event_SixteenthBirthday");
        assertThat(pathway).hasPassed("End_NotEligible").isEnded();
        assertThat(careLeavers.view(child)).isNull();
    }

    @Test
    void aYoungPersonOverTwentyOneDeclinesSupportAndItClosesAtTwentyFive() {
        var child = supportedAfterEighteen(LocalDate.of(2077, 4, 2));
        var pathway = pathwayOf(child);
        decline(child, pathway);
        fire(pathway.getId(), "Event_TwentyFifthBirthdayAfterDeclining");
        assertThat(pathway).hasPassed("End_ClosedAfterDeclining").isEnded();
        assertThat(careLeavers.view(child).closureReason()).contains("right to return");
    }

    @Test
    void aYoungPersonWhoDeclinedComesBackBeforeTwentyFiveAndTheJourneyReEnters() {
        var child = supportedAfterEighteen(LocalDate.of(2076, 7, 20));
        var pathway = pathwayOf(child);
        decline(child, pathway);

        clockAt("2100-01-10T10:00");
        careLeavers.askForSupportAgain(child, new CareLeaverInput.SupportAskedForAgain("2100-01-10"));
        var assessment = task(pathway.getId(), "Task_AssessNeedsAndPreparePathwayPlan");
        assertThat(assessment.getDueDate()).isEqualTo(endOfDay("2100-04-10"));
        assertThat(careLeavers.view(child).closedOn()).isNull();
        clockAt("2100-01-20T10:00");
        completeAs("practitioner", assessment, plan("pathwayPlanOn", "2100-01-20"));
        completeAs("team-manager", task(pathway.getId(), "Task_AllocatePersonalAdviser"), Map.of("personalAdviser", ADVISER));
        // no longer in care: keeping in touch counts from the day they came back
        assertThat(task(pathway.getId(), "Task_ContactTheYoungPerson").getDueDate()).isEqualTo(endOfDay("2100-03-10"));
        // the 18th birthday's timer is past: the job executor fires it at once, and without staying put it waits for 25
        fire(pathway.getId(), "Event_EighteenthBirthday");
        assertThat(pathway).isWaitingAt("Task_ContactTheYoungPerson", "Task_ReviewPathwayPlan", "Event_TwentyFifthBirthday");
        assertThat(careLeavers.view(child).returnedForSupportOn()).isEqualTo(LocalDate.of(2100, 1, 10));
    }

    @Test
    void eachActionOfThePlanHasItsOwnClockAndAMissedOneRaisesADriftAlert() {
        clockAt("2096-09-01T10:00");
        var child = newChild(LocalDate.of(2081, 9, 1));
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "New case");
        status(child, LegalStatus.SECTION_20, "2096-09-01");
        var pathway = pathwayOf(child);
        fire(pathway.getId(), "Event_SixteenthBirthday");
        clockAt("2097-09-05T10:00");
        completeAs("practitioner", task(pathway.getId(), "Task_AssessNeedsAndPreparePathwayPlan"), plan("pathwayPlanOn", "2097-09-05"));

        var action = track(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CareLeavers.ACTION_PROCESS)
                .processInstanceBusinessKey(child).singleResult());
        var work = task(action.getId(), "Task_CarryOutThePlanAction");
        // owned by someone outside CarePath: the social worker follows it up until there is a personal adviser
        assertThat(work.getAssignee()).isEqualTo("practitioner");
        assertThat(work.getDueDate()).isEqualTo(endOfDay("2097-10-05"));
        missDeadline(action.getId(), "SubProcess_PathwayPlanAction");
        assertThat(openAlerts(child)).hasSize(1);

        clockAt("2097-10-07T10:00");
        completeAs("practitioner", work, Map.of("actionDoneOn", "2097-10-07", "actionNote", "Lodgings found in Headingley."));
        assertThat(action).hasPassed("End_ActionDone").isEnded();
        assertThat(openAlerts(child)).isEmpty();
        assertThat(careLeavers.view(child).pathwayPlan().get(0).goals().get(0).actionDoneOn()).isEqualTo(LocalDate.of(2097, 10, 7));
    }

    // ------------------------------------------------------------------ helpers

    /** In care from 15, eligible at 16 with a plan and an adviser, then 18 and out of care (no staying put). */
    private String supportedAfterEighteen(LocalDate dateOfBirth) {
        clockAt(dateOfBirth.plusYears(15) + "T10:00");
        var child = newChild(dateOfBirth);
        status(child, LegalStatus.SECTION_20, dateOfBirth.plusYears(15).toString());
        var pathway = pathwayOf(child);
        fire(pathway.getId(), "Event_SixteenthBirthday");
        var planOn = dateOfBirth.plusYears(16).plusDays(10).toString();
        clockAt(planOn + "T10:00");
        completeAs("practitioner", task(pathway.getId(), "Task_AssessNeedsAndPreparePathwayPlan"), plan("pathwayPlanOn", planOn));
        completeAs("team-manager", task(pathway.getId(), "Task_AllocatePersonalAdviser"), Map.of("personalAdviser", ADVISER));
        fire(pathway.getId(), "Event_EighteenthBirthday");
        status(child, LegalStatus.NOT_LOOKED_AFTER, dateOfBirth.plusYears(18).toString());
        assertThat(pathway).isWaitingAt("Task_ContactTheYoungPerson", "Event_TwentyFifthBirthday");
        return child;
    }

    private void decline(String child, ProcessInstance pathway) {
        var dateOfBirth = children.get(child).dateOfBirth();
        var beforeTwentyOne = dateOfBirth.plusYears(21).minusDays(1).toString();
        clockAt(beforeTwentyOne + "T10:00");
        assertThatThrownBy(() -> careLeavers.declineSupport(child, new CareLeaverInput.SupportDeclined(beforeTwentyOne, "Told.")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("declinedOn");
        var after = dateOfBirth.plusYears(21).plusMonths(2).toString();
        clockAt(after + "T10:00");
        careLeavers.declineSupport(child, new CareLeaverInput.SupportDeclined(after, "Told she can ask for support again until 25."));
        assertThat(pathway).hasPassed("Task_RecordRightToReturn").isWaitingAt("Gateway_ReturnOrTwentyFifthBirthday");
        assertThat(careLeavers.view(child).rightToReturn()).contains("until 25");
    }

    private String newChild(LocalDate dateOfBirth) {
        return children.register(new NewChild("Jade", "Leaver-" + CHILDREN.incrementAndGet() + "-" + System.nanoTime(), dateOfBirth,
                null, null)).reference();
    }

    private void status(String child, LegalStatus status, String on) {
        transaction.executeWithoutResult(tx -> children.changeLegalStatus(child, status, LocalDate.parse(on), "Recorded for the test"));
    }

    private ProcessInstance pathwayOf(String child) {
        var pathway = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CareLeavers.PROCESS)
                .processInstanceBusinessKey(child).singleResult();
        assertThat(pathway).as("care-leaver pathway of %s", child).isNotNull();
        return track(pathway);
    }

    private java.util.List<DriftAlertView> openAlerts(String child) {
        return alerts.forChild(child).stream().filter(DriftAlertView::open).toList();
    }

    static Map<String, Object> plan(String dateKey, String on) {
        var answers = new HashMap<String, Object>();
        answers.put(dateKey, on);
        answers.put("youngPersonViews", "I want my own flat near my sister and to finish my course.");
        answers.put("contingency", "If the lodgings end, a room at the supported housing scheme.");
        for (var domain : CareLeaverSteps.DOMAINS) {
            answers.put(domain + "Goal", "Goal for " + domain);
        }
        answers.put("accommodationAction", "Apply for supported lodgings");
        answers.put("accommodationActionOwner", "Paula Martin");
        answers.put("accommodationActionDueOn", LocalDate.parse(on).plusMonths(1).toString());
        return answers;
    }

    static Map<String, Object> review(String on, String stayingPut) {
        var answers = plan("reviewedOn", on);
        answers.put("changesSinceLastReview", "Started college; contact with mum is better.");
        if (stayingPut != null) {
            answers.put("stayingPutDecision", stayingPut);
        }
        return answers;
    }
}
