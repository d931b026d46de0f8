package org.carepath.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ProcessTest;
import org.carepath.ApiTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * processes/adoption-matching.bpmn: from a ratified plan for adoption with a placement order, family finding, the
 * register referral, the matching assessment, the matching panel and the match decision.
 */
@ProcessTest(AdoptionMatching.PROCESS)
class AdoptionMatchingProcessTest extends ApiTestSupport {

    @Autowired
    Children children;

    @Test
    void aLocalMatchAgreedAtTheMatchingPanelLeadsToTheMoveTheOrderAndTheLaterLifeLetter() {
        var child = childWithAPlanForAdoption("2098-01-14");
        assertThat(journey(child)).as("no journey before a placement order").isNull();
        children.changeLegalStatus(child, LegalStatus.PLACEMENT_ORDER, LocalDate.of(2098, 2, 2), "Placement order made");
        var instance = journey(child);
        assertThat(instance).isWaitingAt("Task_FindAFamily");
        // the register referral is due 3 months from the decision that the child should be placed for adoption
        assertThat(task(instance.getId(), "Task_FindAFamily").getDueDate()).isEqualTo(endOfDay("2098-04-14"));

        assertThatThrownBy(() -> completeAs("practitioner", task(instance.getId(), "Task_FindAFamily"), Map.of("familyFinding", "linked")))
                .hasMessageContaining("No household is linked");
        var household = adopters();
        link(household, child);
        completeAs("practitioner", task(instance.getId(), "Task_FindAFamily"), Map.of("familyFinding", "linked"));
        assertThat(instance).isWaitingAt("Task_AssessTheMatch");
        assessTheMatch(instance);

        var panel = matchingPanel(instance);
        var sitting = sitting("MATCHING", "2098-04-21");
        completeAs("panel-administrator", task(panel.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        assertThat(panel).as("the matching assessment is the panel's papers").isWaitingAt("Task_RecordThePanelRecommendation");
        clockAt("2098-04-21T15:00");
        attendAndRecommend(panel, sitting);
        clockAt("2098-04-23T10:00");
        completeAs("agency-decision-maker", task(panel.getId(), "Task_MakeTheAgencyDecision"),
                Map.of("agencyDecision", "accept", "agencyDecisionRationale", "The household can meet her needs."));

        assertThat(instance).hasPassed("Gateway_LocalMatchPursued", "Call_MatchingPanel").isWaitingAt("Task_AgreeTheTransitionPlan");
        assertThat(get("practitioner", "/api/prospective-adopters/" + id(household))).containsEntry("status", "MATCHED");
        var matched = adoption(child);
        assertThat(matched).containsEntry("matchedOn", "2098-04-23").containsEntry("placementOrderOn", "2098-02-02");
        // A2: placement order (2 February) to the match decision (23 April): 80 days
        assertThat(map(map(matched.get("scorecard")).get("a2"))).containsEntry("days", 80).containsEntry("running", false);
        assertThat(map(map(matched.get("scorecard")).get("a1"))).containsEntry("running", true);
        // the permanence tracker shows the same clocks on the child's row, and in its CSV
        var session = org.carepath.TasklistSession.signIn(http, "team-manager");
        var headers = new org.springframework.http.HttpHeaders();
        headers.add(org.springframework.http.HttpHeaders.COOKIE, session.cookies());
        var csv = http.exchange("/tracker.csv?sort=name", HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class).getBody();
        assertThat(csv.lines().filter(line -> line.contains(child)).findFirst()).get().asString()
                .contains("A2 80 of 121 days;").contains("A1 143 of 426 days, running");
        assertThat(map(map(get("practitioner", "/api/children/" + child).get("parts")).get("periodInCare")).get("permanencePlan"))
                .as("a match decision does not ratify another plan").extracting("ratifiedOn").isEqualTo("2098-01-14");

        // the scorecard's clocks: A2 stopped at the match; A1 runs from entering care (1 December 2097) for 426 days
        assertThat(instance).hasPassed("Event_MatchDecided", "End_MatchDecided");
        assertThat(openDeadlines(child)).contains("ADOPTION_SCORECARD_A1 due 2099-01-31")
                .noneMatch(d -> d.startsWith("ADOPTION_SCORECARD_A2"));

        // introductions, the life-story book before the move, and the move-in
        completeAs("practitioner", task(instance.getId(), "Task_AgreeTheTransitionPlan"), Map.of("transitionPlanAgreedOn", "2098-04-23",
                "transitionPlan", "Ten days of introductions at the foster home, then at the adopters'; move on day 11."));
        completeAs("practitioner", task(instance.getId(), "Task_ShareTheLifeStoryBook"), Map.of("lifeStoryBookSharedOn", "2098-04-23"));
        clockAt("2098-05-10T10:00");
        var moveIn = task(instance.getId(), "Task_RecordTheMoveIn");
        assertThatThrownBy(() -> completeAs("practitioner", moveIn, Map.of("movedInOn", "2098-05-10", "adoptersPostcode", "LS6")))
                .hasMessageContaining("postcode");
        completeAs("practitioner", moveIn, Map.of("movedInOn", "2098-05-10", "adoptersPostcode", "LS6 2AB"));
        assertThat(get("practitioner", "/api/prospective-adopters/" + id(household))).containsEntry("status", "PLACED");
        var placed = adoption(child);
        // A1: entered care (1 December 2097) to moving in (10 May 2098): 160 days, the clock stopped
        assertThat(map(map(placed.get("scorecard")).get("a1"))).containsEntry("days", 160).containsEntry("running", false);
        var period = map(map(get("practitioner", "/api/children/" + child).get("parts")).get("periodInCare"));
        assertThat(list(period.get("placements"))).anySatisfy(p -> assertThat(p).containsEntry("type", "ADOPTIVE_PLACEMENT")
                .containsEntry("provider", "Sam and Alex Rowe").containsEntry("startedOn", "2098-05-10"));

        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(child)
                .taskDefinitionKey("Task_VisitTheChildInTheirNewPlacement").count())
                .as("the looked-after journey leaves an adoptive placement's visits to the adoption journey").isZero();
        assertThat(openDeadlines(child)).as("the A1 clock stopped at the move")
                .noneMatch(d -> d.startsWith("ADOPTION_SCORECARD"));

        // visits: within a week of the move, then a week from each visit, until the first review 4 weeks from the move
        var firstVisit = task(instance.getId(), "Task_VisitTheChildWithTheAdopters");
        assertThat(firstVisit.getDueDate()).isEqualTo(endOfDay("2098-05-17"));
        clockAt("2098-05-15T10:00");
        assertThatThrownBy(() -> completeAs("practitioner", firstVisit, visit("2098-05-09")))
                .hasMessageContaining("cannot be before the child moved in");
        completeAs("practitioner", firstVisit, visit("2098-05-15"));
        assertThat(task(instance.getId(), "Task_VisitTheChildWithTheAdopters").getDueDate()).isEqualTo(endOfDay("2098-05-22"));
        appointTheIro(child);
        var firstReview = task(instance.getId(), "Task_HoldTheFirstAdoptionReview");
        assertThat(firstReview.getDueDate()).isEqualTo(endOfDay("2098-06-07"));
        clockAt("2098-06-05T10:00");
        assertThatThrownBy(() -> completeAs("iro", task(instance.getId(), "Task_HoldTheFirstAdoptionReview"),
                Map.of("adoptionReviewHeldOn", "2098-06-05", "childsViews", "x", "placementMeetsNeeds", "maybe", "adoptionReviewDecisions", "x")))
                .hasMessageContaining("yes, partly or no");
        completeAs("iro", task(instance.getId(), "Task_HoldTheFirstAdoptionReview"), review("2098-06-05"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_VisitTheChildWithTheAdopters").count()).as("weekly visits end with the first review").isZero();
        assertThat(instance).hasPassed("Event_FirstAdoptionReviewHeld", "End_WeeklyVisitsEnd");
        // the second review 3 months after the first, then every 6 months until the order
        assertThat(task(instance.getId(), "Task_HoldTheSecondAdoptionReview").getDueDate()).isEqualTo(endOfDay("2098-09-05"));
        clockAt("2098-07-01T10:00");
        completeAs("iro", task(instance.getId(), "Task_HoldTheSecondAdoptionReview"), review("2098-07-01"));
        assertThat(task(instance.getId(), "Task_HoldAnAdoptionReview").getDueDate()).isEqualTo(endOfDay("2099-01-01"));
        clockAt("2098-08-15T10:00");
        completeAs("iro", task(instance.getId(), "Task_HoldAnAdoptionReview"), review("2098-08-15"));
        assertThat(task(instance.getId(), "Task_HoldAnAdoptionReview").getDueDate()).as("six months from the review before")
                .isEqualTo(endOfDay("2099-02-15"));
        var record = map(get("practitioner", "/api/children/" + child).get("parts"));
        assertThat(list(map(record.get("adoption")).get("visits"))).singleElement().satisfies(v -> assertThat(v)
                .containsEntry("visitedOn", "2098-05-15").containsEntry("childSeenAlone", true));
        assertThat(list(map(record.get("adoption")).get("reviews"))).extracting(r -> r.get("heldOn"))
                .containsExactly("2098-06-05", "2098-07-01", "2098-08-15");
        // a six-monthly review overdue when the order is made: its alert closes with the journey's stage
        missDeadline(instance.getId(), "SubProcess_AdoptionReview");
        assertThat(openAlerts(child)).isNotEmpty();

        // an application for the order is possible after ten weeks; the order ends the period in care
        assertThat(instance).isWaitingAt("Event_TenWeeksWithTheAdopters");
        assertThat(timer(instance.getId(), "Event_TenWeeksWithTheAdopters").getDuedate()).isEqualTo(endOfDay("2098-07-19"));
        fire(instance.getId(), "Event_TenWeeksWithTheAdopters");
        clockAt("2098-09-01T10:00");
        completeAs("practitioner", task(instance.getId(), "Task_RecordTheAdoptionOrder"), Map.of("adoptionOrderGrantedOn", "2098-09-01",
                "court", "Leeds Family Court"));
        var adopted = get("practitioner", "/api/children/" + child);
        assertThat(adopted).containsEntry("legalStatus", "ADOPTED");
        assertThat(map(map(adopted.get("parts")).get("periodInCare"))).containsEntry("endedOn", "2098-09-01");
        assertThat(map(map(adopted.get("parts")).get("adoption"))).containsEntry("closedOn", "2098-09-01")
                .containsEntry("adoptedOn", "2098-09-01").containsEntry("closedReason", "Adoption order granted");
        assertThat(openAlerts(child)).as("the order closes the journey's open alerts").isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_HoldAnAdoptionReview").count()).as("reviews end with the order").isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("looked-after-child")
                .processInstanceBusinessKey(child).count()).as("the looked-after journey ended with the period").isZero();
        completeAs("practitioner", task(instance.getId(), "Task_WriteTheLaterLifeLetter"), Map.of("laterLifeLetterGivenOn", "2098-09-01"));
        assertThat(instance).isEnded().hasPassed("SubProcess_AdoptionOrder", "End_OrderGranted", "SubProcess_LaterLifeLetter", "End_Adopted",
                "Event_MovedInWithTheAdoptiveFamily", "End_MovedIn");
    }

    @Test
    void aPlacementThatEndsBeforeTheOrderGoesToADisruptionMeetingAndFamilyFindingAgain() {
        var child = childWithAPlanForAdoption("2098-01-14");
        children.changeLegalStatus(child, LegalStatus.PLACEMENT_ORDER, LocalDate.of(2098, 2, 2), "Placement order made");
        var instance = journey(child);
        assertThat(conflict(call("practitioner", HttpMethod.POST, "/api/children/" + child + "/adoptive-placement/end",
                Map.of("endedOn", "2098-03-02", "reason", "x")))).contains("has not moved in");
        var household = adopters();
        link(household, child);
        completeAs("practitioner", task(instance.getId(), "Task_FindAFamily"), Map.of("familyFinding", "linked"));
        assessTheMatch(instance);
        var panel = matchingPanel(instance);
        var sitting = sitting("MATCHING", "2098-06-16");
        completeAs("panel-administrator", task(panel.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        clockAt("2098-06-16T15:00");
        attendAndRecommend(panel, sitting);
        completeAs("agency-decision-maker", task(panel.getId(), "Task_MakeTheAgencyDecision"),
                Map.of("agencyDecision", "accept", "agencyDecisionRationale", "A good match."));
        completeAs("practitioner", task(instance.getId(), "Task_AgreeTheTransitionPlan"), Map.of("transitionPlanAgreedOn", "2098-06-16",
                "transitionPlan", "Two weeks of introductions."));
        completeAs("practitioner", task(instance.getId(), "Task_ShareTheLifeStoryBook"), Map.of("lifeStoryBookSharedOn", "2098-06-16"));
        completeAs("practitioner", task(instance.getId(), "Task_RecordTheMoveIn"), Map.of("movedInOn", "2098-06-16", "adoptersPostcode", "LS6 2AB"));

        clockAt("2098-07-20T10:00");
        assertThat(refused(call("practitioner", HttpMethod.POST, "/api/children/" + child + "/adoptive-placement/end",
                Map.of("endedOn", "2098-07-20")))).containsOnlyKeys("reason");
        var ended = call("practitioner", HttpMethod.POST, "/api/children/" + child + "/adoptive-placement/end",
                Map.of("endedOn", "2098-07-20", "reason", "The adopters could not manage her distress at night"));
        assertThat(ended.getStatusCode()).as("%s", ended.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(ended.getBody()).doesNotContainKey("matchedOn").doesNotContainKey("movedInOn");

        var meeting = task(instance.getId(), "Task_HoldADisruptionMeeting");
        assertThat(engine.getTaskService().getIdentityLinksForTask(meeting.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("service-manager"));
        assertThat(get("practitioner", "/api/prospective-adopters/" + id(household))).containsEntry("status", "APPROVED");
        completeAs("service-manager", meeting, Map.of("disruptionMeetingHeldOn", "2098-07-20",
                "disruptionLearning", "Night-time support was not in the plan; look for a household with experience of trauma."));
        assertThat(instance).hasPassed("Event_AdoptivePlacementEnded", "SubProcess_DisruptionMeeting").isWaitingAt("Task_KeepFindingAFamily");
        var period = map(map(get("practitioner", "/api/children/" + child).get("parts")).get("periodInCare"));
        assertThat(list(period.get("placements"))).filteredOn(p -> "ADOPTIVE_PLACEMENT".equals(p.get("type"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("endedOn", "2098-07-20"));
    }

    @Test
    void noLocalMatchTheChildIsReferredToTheRegisterAndFamilyFindingGoesOnUntilAHouseholdIsLinked() {
        var child = childWithAPlanForAdoption("2098-01-14");
        children.changeLegalStatus(child, LegalStatus.PLACEMENT_ORDER, LocalDate.of(2098, 2, 2), "Placement order made");
        var instance = journey(child);
        completeAs("practitioner", task(instance.getId(), "Task_FindAFamily"), Map.of("familyFinding", "refer-to-register",
                "familyFindingNote", "No approved household locally for a sibling-aware placement"));
        var referral = task(instance.getId(), "Task_ReferToTheAdoptionRegister");
        assertThatThrownBy(() -> completeAs("practitioner", referral, Map.of("registerReferredOn", "2098-01-02")))
                .hasMessageContaining("cannot be before the decision");
        completeAs("practitioner", referral, Map.of("registerReferredOn", "2098-03-02", "registerReference", "AM-2098-117"));
        assertThat(map(map(get("practitioner", "/api/children/" + child).get("parts")).get("adoption")))
                .containsEntry("registerReferredOn", "2098-03-02");

        var another = task(instance.getId(), "Task_KeepFindingAFamily");
        assertThatThrownBy(() -> completeAs("practitioner", another, Map.of("familyFinding", "refer-to-register")))
                .hasMessageContaining("Link a household");
        link(adopters(), child);
        completeAs("practitioner", another, Map.of("familyFinding", "linked"));
        assertThat(instance).hasPassed("SubProcess_AdoptionRegisterReferral", "SubProcess_FamilyFindingGoesOn")
                .isWaitingAt("Task_AssessTheMatch");
    }

    @Test
    void aMatchNotAgreedEndsTheLinkFreesTheHouseholdAndFamilyFindingResumes() {
        var child = childWithAPlanForAdoption("2098-01-14");
        children.changeLegalStatus(child, LegalStatus.PLACEMENT_ORDER, LocalDate.of(2098, 2, 2), "Placement order made");
        var instance = journey(child);
        var household = adopters();
        link(household, child);
        completeAs("practitioner", task(instance.getId(), "Task_FindAFamily"), Map.of("familyFinding", "linked"));
        assessTheMatch(instance);
        var panel = matchingPanel(instance);
        var sitting = sitting("MATCHING", "2098-05-19");
        completeAs("panel-administrator", task(panel.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        clockAt("2098-05-19T15:00");
        attendAndRecommend(panel, sitting);
        completeAs("agency-decision-maker", task(panel.getId(), "Task_MakeTheAgencyDecision"),
                Map.of("agencyDecision", "not-accepted", "agencyDecisionRationale", "Contact needs not understood by the household."));

        assertThat(instance).hasPassed("Gateway_MatchAgreed", "Gateway_FamilyFindingResumes").isWaitingAt("Task_KeepFindingAFamily");
        var adopter = get("practitioner", "/api/prospective-adopters/" + id(household));
        assertThat(adopter).containsEntry("status", "APPROVED");
        assertThat(list(adopter.get("links"))).singleElement().satisfies(l -> assertThat(l).containsEntry("status", "ENDED")
                .containsEntry("endedReason", "The agency decision maker did not agree the match"));
    }

    @Test
    void earlyPermanenceWithTheEventualAdoptersStopsTheA10Clock() {
        var child = childWithAPlanForAdoption("2098-01-14");
        var household = adopters();
        assertThat(refused(call("practitioner", HttpMethod.POST, "/api/children/" + child + "/early-permanence",
                Map.of("adopterId", 987654321, "kind", "FOSTERING_FOR_ADOPTION", "startedOn", "2098-01-20")))).containsOnlyKeys("adopterId");
        assertThat(refused(call("practitioner", HttpMethod.POST, "/api/children/" + child + "/early-permanence",
                Map.of("adopterId", id(household), "kind", "FOSTERING_FOR_ADOPTION", "startedOn", "2097-10-01"))))
                .as("before the household was approved").containsOnlyKeys("startedOn");
        var placed = call("practitioner", HttpMethod.POST, "/api/children/" + child + "/early-permanence",
                Map.of("adopterId", id(household), "kind", "FOSTERING_FOR_ADOPTION", "startedOn", "2098-01-20"));
        assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
        children.changeLegalStatus(child, LegalStatus.PLACEMENT_ORDER, LocalDate.of(2098, 2, 2), "Placement order made");
        assertThat(journey(child)).isNotNull();

        var scorecard = map(adoption(child).get("scorecard"));
        // A10: entered care (1 December 2097) to the foster placement with the eventual adopters (20 January 2098): 50 days
        assertThat(map(scorecard.get("a10"))).containsEntry("days", 50).containsEntry("running", false);
        assertThat(map(scorecard.get("a1"))).containsEntry("running", true);
    }

    @Test
    void aChangeOfPlanAwayFromAdoptionGoesToThePanelAndAgreedEndsTheJourneyAndRatifiesTheNewPlan() {
        var child = childWithAPlanForAdoption("2098-01-14");
        children.changeLegalStatus(child, LegalStatus.PLACEMENT_ORDER, LocalDate.of(2098, 2, 2), "Placement order made");
        var instance = journey(child);
        var household = adopters();
        link(household, child);
        var path = "/api/children/" + child + "/adoption/change-of-plan";
        assertThat(refused(call("team-manager", HttpMethod.POST, path, Map.of("proposedPlan", "ADOPTION", "reason", "x"))))
                .containsOnlyKeys("proposedPlan");
        assertThat(refused(call("team-manager", HttpMethod.POST, path, Map.of("proposedPlan", "LONG_TERM_FOSTERING"))))
                .containsOnlyKeys("reason");
        assertThat(call("practitioner", HttpMethod.POST, path, Map.of("proposedPlan", "LONG_TERM_FOSTERING", "reason", "x"))
                .getStatusCode()).as("a team manager proposes it").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("team-manager", HttpMethod.POST, "/api/children/NO-SUCH-CHILD/adoption/change-of-plan",
                Map.of("proposedPlan", "LONG_TERM_FOSTERING", "reason", "x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("team-manager-south", HttpMethod.POST, path, Map.of("proposedPlan", "LONG_TERM_FOSTERING", "reason", "x"))
                .getStatusCode()).as("another team's child is unknown").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count())
                .as("nothing sent to a panel by the refused proposals").isZero();

        var reason = "Her carers of two years have asked to keep her; at six she is settled and her sister lives with them.";
        var proposed = call("team-manager", HttpMethod.POST, path, Map.of("proposedPlan", "LONG_TERM_FOSTERING", "reason", reason));
        assertThat(proposed.getStatusCode()).as("%s", proposed.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(conflict(call("team-manager", HttpMethod.POST, path, Map.of("proposedPlan", "SPECIAL_GUARDIANSHIP", "reason", "x"))))
                .contains("before the permanence panel already");
        assertThat(instance).as("family finding goes on while the panel considers it").isWaitingAt("Task_FindAFamily", "Call_ChangeOfPlanPanel");
        var panel = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
        STARTED.add(panel.getId());
        assertThat(engine.getRuntimeService().getVariables(panel.getId())).containsEntry("panelType", "PERMANENCE")
                .containsEntry("panelReason", "Change of plan away from adoption, to long term fostering: " + reason);
        var sitting = sitting("PERMANENCE", "2098-03-24");
        completeAs("panel-administrator", task(panel.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        writeThePermanenceReport(panel);
        clockAt("2098-03-24T15:00");
        var members = list(get("panel-administrator", "/api/panel-sittings/" + id(sitting)).get("members")).stream()
                .map(m -> ((Number) m.get("id")).longValue()).toList();
        call("panel-administrator", HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/attendance", Map.of("attended", members));
        completeAs("panel-administrator", task(panel.getId(), "Task_RecordThePanelRecommendation"), Map.of(
                "panelRecommendation", "recommend", "recommendationRationale", "Stability with her sister outweighs adoption's benefits now.",
                "recommendedPlanType", "LONG_TERM_FOSTERING", "recommendedContingency", "Special guardianship by the carers"));
        completeAs("agency-decision-maker", task(panel.getId(), "Task_MakeTheAgencyDecision"),
                Map.of("agencyDecision", "accept", "agencyDecisionRationale", "Well considered: her wishes and her sister's."));

        assertThat(instance).isEnded().hasPassed("Gateway_PlanChangedAwayFromAdoption", "End_PlanChangedAwayFromAdoption",
                "StartEvent_PlanChangedAwayFromAdoption", "End_NoLongerAPlanForAdoption");
        var record = map(get("practitioner", "/api/children/" + child).get("parts"));
        assertThat(map(record.get("adoption"))).containsEntry("closedOn", "2098-03-24")
                .containsEntry("changeOfPlanReason", reason)
                .hasEntrySatisfying("closedReason", r -> assertThat((String) r).startsWith("Plan changed away from adoption to LONG_TERM_FOSTERING"));
        assertThat(map(map(record.get("periodInCare")).get("permanencePlan"))).containsEntry("type", "LONG_TERM_FOSTERING")
                .containsEntry("ratifiedOn", "2098-03-24");
        assertThat(get("practitioner", "/api/prospective-adopters/" + id(household))).containsEntry("status", "APPROVED");
        assertThat(openDeadlines(child)).as("no clock of the adoption journey left running")
                .noneMatch(d -> d.startsWith("ADOPTION_"));
        var fosteringMatch = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LongTermMatches.PROCESS)
                .processInstanceBusinessKey(child).singleResult();
        assertThat(fosteringMatch).as("the new plan's match with the carers begins").isNotNull();
        engine.getRuntimeService().deleteProcessInstance(fosteringMatch.getId(), "test over");
    }

    @Test
    void aChangeOfPlanNotAgreedLeavesTheJourneyWhereItWasAndAnotherCanBeProposed() {
        var child = childWithAPlanForAdoption("2098-01-14");
        children.changeLegalStatus(child, LegalStatus.PLACEMENT_ORDER, LocalDate.of(2098, 2, 2), "Placement order made");
        var instance = journey(child);
        var path = "/api/children/" + child + "/adoption/change-of-plan";
        assertThat(call("team-manager", HttpMethod.POST, path, Map.of("proposedPlan", "SPECIAL_GUARDIANSHIP",
                "reason", "Her aunt has come forward.")).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        var panel = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
        STARTED.add(panel.getId());
        var sitting = sitting("PERMANENCE", "2098-03-31");
        completeAs("panel-administrator", task(panel.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        writeThePermanenceReport(panel);
        clockAt("2098-03-31T15:00");
        var members = list(get("panel-administrator", "/api/panel-sittings/" + id(sitting)).get("members")).stream()
                .map(m -> ((Number) m.get("id")).longValue()).toList();
        call("panel-administrator", HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/attendance", Map.of("attended", members));
        completeAs("panel-administrator", task(panel.getId(), "Task_RecordThePanelRecommendation"), Map.of(
                "panelRecommendation", "recommend", "recommendationRationale", "The aunt's assessment is not done.",
                "recommendedPlanType", "ADOPTION", "recommendedContingency", "Special guardianship if the aunt is assessed positively"));
        completeAs("agency-decision-maker", task(panel.getId(), "Task_MakeTheAgencyDecision"),
                Map.of("agencyDecision", "accept", "agencyDecisionRationale", "Adoption remains the plan."));

        assertThat(instance).hasPassed("End_AdoptionPlanStands").isWaitingAt("Task_FindAFamily");
        assertThat(map(map(get("practitioner", "/api/children/" + child).get("parts")).get("adoption"))).doesNotContainKey("closedOn")
                .doesNotContainKey("changeOfPlanProposedOn");
        assertThat(call("team-manager", HttpMethod.POST, path, Map.of("proposedPlan", "SPECIAL_GUARDIANSHIP",
                "reason", "The aunt's assessment is positive.")).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void aPlanOtherThanAdoptionStartsNoAdoptionJourney() {
        clockAt("2098-01-14T10:00");
        var child = newChild(LocalDate.of(2096, 6, 1));
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2097, 12, 1), "Care order made");
        ratify(child, "LONG_TERM_FOSTERING", "2098-01-14");
        children.changeLegalStatus(child, LegalStatus.PLACEMENT_ORDER, LocalDate.of(2098, 1, 20), "Placement order made");
        assertThat(journey(child)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FamilyFinding, shouldBePlacedOn, practitioner", "AdoptionRegisterReferral, registerReferralDecidedAt, practitioner",
            "FamilyFindingGoesOn, familyFindingResumedAt, practitioner", "MatchingAssessment, linkedAt, practitioner",
            "Introductions, matchedAt, practitioner", "AdoptionOrder, applicationPossibleAt, practitioner",
            "DisruptionMeeting, disruptedAt, service-manager", "LaterLifeLetter, adoptionOrderGrantedAt, practitioner",
            "WaitingForAMatch, placementOrderAt, team-manager", "WaitingToMoveIn, enteredCareAt, team-manager",
            "WeeklyVisit, lastVisitAt, practitioner", "FirstAdoptionReview, movedInAt, iro", "SecondAdoptionReview, lastReviewAt, iro",
            "AdoptionReview, lastReviewAt, iro"})
    void everyStageRemindsItsWorkerThenEscalatesAMissedDeadline(String stage, String trigger, String group) {
        clockAt("2098-01-14T10:00");
        var child = newChild(LocalDate.of(2096, 6, 1));
        var instance = engine.getRuntimeService().createProcessInstanceByKey(AdoptionMatching.PROCESS).businessKey(child)
                .setVariables(vars("childRef", child, "childName", "Ava Adopt", trigger, londonTime("2098-01-14T09:00")))
                .startBeforeActivity("SubProcess_" + stage).execute();
        STARTED.add(instance.getId());
        walkReminderAndEscalation(instance, stage, group);
    }

    private void writeThePermanenceReport(ProcessInstance panel) {
        completeAs("practitioner", task(panel.getId(), "Task_WriteThePermanenceReport"), Map.of(
                "permanenceReportWrittenOn", "2098-03-02",
                "optionsConsidered", "Adoption, long-term fostering with her carers, special guardianship by her aunt.",
                "childsWishesAndFeelings", "\"I want to stay with my sister.\"",
                "identityCultureAndContact", "White British; contact with her sister daily, her mother monthly.",
                "contingencyPlan", "Special guardianship by the carers."));
    }

    private static Map<String, Object> visit(String on) {
        return Map.of("visitedOn", on, "childSeenAlone", true, "childsViews", "She showed me her new room and her rabbit.",
                "howThePlacementIsGoing", "Settling; sleeping through most nights.");
    }

    private static Map<String, Object> review(String on) {
        return Map.of("adoptionReviewHeldOn", on, "childsViews", "Likes her new school.", "placementMeetsNeeds", "yes",
                "adoptionReviewDecisions", "Continue the placement; the adopters to apply for the order after ten weeks.");
    }

    private void appointTheIro(String child) {
        var appointed = call("team-manager", HttpMethod.PUT, "/api/children/" + child + "/periods-in-care/current/iro", Map.of("iro", "iro"));
        assertThat(appointed.getStatusCode()).as("%s", appointed.getBody()).isEqualTo(HttpStatus.OK);
    }

    private List<String> openDeadlines(String child) {
        return getList("team-manager", "/api/children/" + child + "/deadlines").stream()
                .map(d -> d.get("timescale") + " due " + d.get("dueDate")).toList();
    }

    private List<Map<String, Object>> openAlerts(String child) {
        return getList("team-manager", "/api/children/" + child + "/alerts").stream()
                .filter(a -> Boolean.TRUE.equals(a.get("open"))).toList();
    }

    // ------------------------------------------------------------------ the child, the household, the panel

    private String childWithAPlanForAdoption(String ratifiedOn) {
        clockAt("2097-12-01T10:00");
        var child = newChild(LocalDate.of(2096, 6, 1));
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2097, 12, 1), "Care order made");
        clockAt(ratifiedOn + "T10:00");
        ratify(child, "ADOPTION", ratifiedOn);
        clockAt("2098-03-02T10:00");
        return child;
    }

    private void ratify(String child, String type, String on) {
        var ratified = call("team-manager", HttpMethod.POST, "/api/children/" + child + "/permanence-plan", Map.of("type", type,
                "contingency", "Long-term fostering with the current carers", "ratifiedOn", on, "ratifiedBy", "AGENCY_DECISION"));
        assertThat(ratified.getStatusCode()).as("%s", ratified.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private String newChild(LocalDate born) {
        var child = children.register(new NewChild("Ava", "Adopt-" + System.nanoTime(), born, null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "In care");
        return child;
    }

    private ProcessInstance journey(String child) {
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AdoptionMatching.PROCESS)
                .processInstanceBusinessKey(child).singleResult();
        if (instance != null) {
            STARTED.add(instance.getId());
        }
        return instance;
    }

    private Map<String, Object> adoption(String child) {
        return map(map(get("practitioner", "/api/children/" + child).get("parts")).get("adoption"));
    }

    private ProcessInstance matchingPanel(ProcessInstance journey) {
        var panel = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(journey.getId()).singleResult();
        assertThat(panel).as("the matching panel's journey").isNotNull();
        assertThat(engine.getRuntimeService().getVariable(panel.getId(), "panelType")).isEqualTo("MATCHING");
        return panel;
    }

    private Map<String, Object> adopters() {
        var body = new HashMap<String, Object>();
        body.put("householdName", "Sam and Alex Rowe");
        body.put("household", List.of(Map.of("name", "Sam Rowe", "relationship", "prospective adopter"),
                Map.of("name", "Alex Rowe", "relationship", "prospective adopter")));
        body.put("agencyType", "THIS_COUNCIL");
        body.put("agencyName", "North County Council");
        body.put("approvedOn", "2097-11-01");
        body.put("approvalDecidedBy", "Adoption panel of 14 October 2097; agency decision maker on 21 October 2097");
        body.put("approvedChildren", 1);
        body.put("approvedAgeFrom", 0);
        body.put("approvedAgeTo", 4);
        body.put("siblingGroups", false);
        body.put("needsTheyCanMeet", "Uncertain development; contact with birth grandparents");
        var created = call("practitioner", HttpMethod.POST, "/api/prospective-adopters", body);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private void link(Map<String, Object> household, String child) {
        var linked = call("practitioner", HttpMethod.POST, "/api/prospective-adopters/" + id(household) + "/links",
                Map.of("children", List.of(child), "linkedOn", "2098-03-02"));
        assertThat(linked.getStatusCode()).as("%s", linked.getBody()).isEqualTo(HttpStatus.OK);
    }

    private void assessTheMatch(ProcessInstance instance) {
        completeAs("practitioner", task(instance.getId(), "Task_AssessTheMatch"), Map.of("matchAssessedOn", "2098-03-02",
                "childsNeeds", "Possible developmental delay; attachment.", "siblings", "No siblings.",
                "identityCultureReligionLanguage", "White British; no religion.", "birthFamilyContact", "Letterbox twice a year; grandparents yearly.",
                "adoptersCapacity", "Experienced; flexible work; support from the agency."));
    }

    private Map<String, Object> sitting(String type, String date) {
        var members = new java.util.ArrayList<Long>();
        for (var role : List.of("CHAIR", "SOCIAL_WORKER", "INDEPENDENT_MEMBER", "INDEPENDENT_MEMBER", "INDEPENDENT_MEMBER")) {
            var member = new HashMap<String, Object>(Map.of("name", "Member " + role, "role", role, "panelTypes", List.of(type),
                    "appointedOn", "2096-01-01", "appointmentEndsOn", "2099-12-31"));
            if (role.equals("SOCIAL_WORKER")) {
                member.put("qualifiedOn", "2090-07-01");
            }
            members.add(id(call("panel-administrator", HttpMethod.POST, "/api/panel-members", member).getBody()));
        }
        var created = call("panel-administrator", HttpMethod.POST, "/api/panel-sittings", Map.of("type", type, "date", date,
                "time", "10:00", "place", "County Hall", "members", members));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private void attendAndRecommend(ProcessInstance panel, Map<String, Object> sitting) {
        var members = list(get("panel-administrator", "/api/panel-sittings/" + id(sitting)).get("members")).stream()
                .map(m -> ((Number) m.get("id")).longValue()).toList();
        assertThat(call("panel-administrator", HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/attendance",
                Map.of("attended", members)).getStatusCode()).isEqualTo(HttpStatus.OK);
        completeAs("panel-administrator", task(panel.getId(), "Task_RecordThePanelRecommendation"), Map.of(
                "panelRecommendation", "recommend", "recommendationRationale", "A good match for her needs.",
                "recommendedPlanType", "ADOPTION", "recommendedContingency", "Long-term fostering"));
    }
}
