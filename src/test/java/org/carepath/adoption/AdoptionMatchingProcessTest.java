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
    void aLocalMatchAssessedAndAgreedAtTheMatchingPanelStopsTheA2Clock() {
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

        assertThat(instance).isEnded().hasPassed("Gateway_LocalMatchPursued", "Call_MatchingPanel", "End_Matched");
        var adopter = get("practitioner", "/api/prospective-adopters/" + id(household));
        assertThat(adopter).containsEntry("status", "MATCHED");
        var adoption = map(map(get("practitioner", "/api/children/" + child).get("parts")).get("adoption"));
        assertThat(adoption).containsEntry("matchedOn", "2098-04-23").containsEntry("placementOrderOn", "2098-02-02");
        // A2: placement order (2 February) to the match decision (23 April): 80 days
        assertThat(map(map(adoption.get("scorecard")).get("a2"))).containsEntry("days", 80).containsEntry("running", false);
        assertThat(map(map(adoption.get("scorecard")).get("a1"))).containsEntry("running", true);
        assertThat(map(map(get("practitioner", "/api/children/" + child).get("parts")).get("periodInCare")).get("permanencePlan"))
                .as("a match decision does not ratify another plan").extracting("ratifiedOn").isEqualTo("2098-01-14");
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
    void aPlanOtherThanAdoptionStartsNoAdoptionJourney() {
        clockAt("2098-01-14T10:00");
        var child = newChild(LocalDate.of(2096, 6, 1));
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2097, 12, 1), "Care order made");
        ratify(child, "LONG_TERM_FOSTERING", "2098-01-14");
        children.changeLegalStatus(child, LegalStatus.PLACEMENT_ORDER, LocalDate.of(2098, 1, 20), "Placement order made");
        assertThat(journey(child)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FamilyFinding, shouldBePlacedOn", "AdoptionRegisterReferral, registerReferralDecidedAt",
            "FamilyFindingGoesOn, familyFindingResumedAt", "MatchingAssessment, linkedAt"})
    void everyStageRemindsTheSocialWorkerThenEscalatesAMissedDeadline(String stage, String trigger) {
        clockAt("2098-01-14T10:00");
        var child = newChild(LocalDate.of(2096, 6, 1));
        var instance = engine.getRuntimeService().createProcessInstanceByKey(AdoptionMatching.PROCESS).businessKey(child)
                .setVariables(vars("childRef", child, "childName", "Ava Adopt", trigger, londonTime("2098-01-14T09:00")))
                .startBeforeActivity("SubProcess_" + stage).execute();
        STARTED.add(instance.getId());
        walkReminderAndEscalation(instance, stage, "practitioner");
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
