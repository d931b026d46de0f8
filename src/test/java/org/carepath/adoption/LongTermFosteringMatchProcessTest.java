package org.carepath.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ApiTestSupport;
import org.carepath.ProcessTest;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * processes/long-term-fostering-match.bpmn: a ratified plan for long-term fostering is matched formally with the
 * carers, through the fostering panel and the agency decision maker, on the catalogue's clock from ratification
 * (Lancashire: children "drifted into permanence with their foster carers without appropriate consideration of
 * matching").
 */
@ProcessTest(LongTermMatches.PROCESS)
class LongTermFosteringMatchProcessTest extends ApiTestSupport {

    @Autowired
    Children children;

    @Test
    void aPlanForLongTermFosteringIsMatchedWithTheCarersAtTheFosteringPanelAndANotAgreedMatchIsProposedAgain() {
        var child = childInCare();
        clockAt("2097-03-10T10:00");
        ratify(child, "LONG_TERM_FOSTERING", "2097-03-10");
        var instance = journey(child);
        var propose = task(instance.getId(), "Task_ProposeTheLongTermMatch");
        assertThat(propose.getDueDate()).as("3 months from the ratification").isEqualTo(endOfDay("2097-06-10"));
        assertThatThrownBy(() -> completeAs("practitioner", propose, Map.of("carers", "Jen and Mo Ashworth")))
                .hasMessageContaining("childsNeeds");
        completeAs("practitioner", propose, proposal());
        var panel = panel(instance);
        assertThat(engine.getRuntimeService().getVariables(panel.getId())).containsEntry("panelType", "FOSTERING")
                .containsEntry("panelReason", "Long-term fostering match with Jen and Mo Ashworth");
        decide(panel, "2097-04-14", "not-accepted", "The carers' support plan for her contact is not yet agreed.");

        assertThat(instance).hasPassed("Gateway_LongTermMatchAgreed").isWaitingAt("Task_ProposeTheLongTermMatch");
        assertThat(map(record(child).get("longTermFosteringMatch"))).containsEntry("carers", "Jen and Mo Ashworth")
                .doesNotContainKey("matchedOn").hasEntrySatisfying("decision", d -> assertThat((String) d).startsWith("Not agreed"));
        assertThat(task(instance.getId(), "Task_ProposeTheLongTermMatch").getDueDate()).as("the same clock")
                .isEqualTo(endOfDay("2097-06-10"));
        completeAs("practitioner", task(instance.getId(), "Task_ProposeTheLongTermMatch"), proposal());
        decide(panel(instance), "2097-05-12", "accept", "Her carers can meet her needs to adulthood; contact is planned.");

        assertThat(instance).isEnded().hasPassed("End_LongTermFosteringMatchDone", "End_MatchedWithTheirCarers");
        assertThat(map(record(child).get("longTermFosteringMatch"))).containsEntry("matchedOn", "2097-05-12")
                .containsEntry("planRatifiedOn", "2097-03-10").containsEntry("dueOn", "2097-06-10");
    }

    @Test
    void aLaterPlanOfAnotherKindEndsTheMatchsJourney() {
        var child = childInCare();
        clockAt("2097-03-10T10:00");
        ratify(child, "LONG_TERM_FOSTERING", "2097-03-10");
        var instance = journey(child);
        clockAt("2097-04-01T10:00");
        ratify(child, "SPECIAL_GUARDIANSHIP", "2097-04-01");
        assertThat(instance).isEnded();
        assertThat(map(record(child).get("longTermFosteringMatch"))).containsEntry("closedOn", "2097-04-01");
        assertThat(getList("team-manager", "/api/children/" + child + "/deadlines")).noneMatch(d -> "LONG_TERM_FOSTERING_MATCH".equals(d.get("timescale")));
    }

    @Test
    void theMatchRemindsItsWorkerThenEscalatesAMissedDeadline() {
        var child = childInCare();
        clockAt("2097-03-10T10:00");
        ratify(child, "LONG_TERM_FOSTERING", "2097-03-10");
        walkReminderAndEscalation(journey(child), "LongTermFosteringMatch", "practitioner");
    }

    private void decide(ProcessInstance panel, String on, String decision, String rationale) {
        var sitting = sitting(on);
        completeAs("panel-administrator", task(panel.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        clockAt(on + "T15:00");
        var members = list(get("panel-administrator", "/api/panel-sittings/" + id(sitting)).get("members")).stream()
                .map(m -> ((Number) m.get("id")).longValue()).toList();
        assertThat(call("panel-administrator", HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/attendance",
                Map.of("attended", members)).getStatusCode()).isEqualTo(HttpStatus.OK);
        completeAs("panel-administrator", task(panel.getId(), "Task_RecordThePanelRecommendation"), Map.of(
                "panelRecommendation", "recommend", "recommendationRationale", "The carers know her well.",
                "recommendedPlanType", "LONG_TERM_FOSTERING", "recommendedContingency", "Special guardianship by the carers"));
        completeAs("agency-decision-maker", task(panel.getId(), "Task_MakeTheAgencyDecision"),
                Map.of("agencyDecision", decision, "agencyDecisionRationale", rationale));
    }

    private static Map<String, Object> proposal() {
        return Map.of("carers", "Jen and Mo Ashworth", "childsNeeds", "Anxiety at changes; does well with routine.",
                "childsViews", "\"I want to stay here until I'm grown up.\"", "siblings", "Her brother is adopted; letterbox contact.",
                "identityCultureReligionLanguage", "Mixed heritage; the carers take her to her church.",
                "birthFamilyContact", "Monthly with her mother, supervised.", "carersCapacity", "Both under 50; supported by their fostering agency.");
    }

    private Map<String, Object> sitting(String date) {
        var members = new java.util.ArrayList<Long>();
        for (var role : List.of("CHAIR", "SOCIAL_WORKER", "INDEPENDENT_MEMBER", "INDEPENDENT_MEMBER", "INDEPENDENT_MEMBER")) {
            var member = new HashMap<String, Object>(Map.of("name", "Member " + role, "role", role, "panelTypes", List.of("FOSTERING"),
                    "appointedOn", "2096-01-01", "appointmentEndsOn", "2099-12-31"));
            if (role.equals("SOCIAL_WORKER")) {
                member.put("qualifiedOn", "2090-07-01");
            }
            members.add(id(call("panel-administrator", HttpMethod.POST, "/api/panel-members", member).getBody()));
        }
        var created = call("panel-administrator", HttpMethod.POST, "/api/panel-sittings", Map.of("type", "FOSTERING", "date", date,
                "time", "10:00", "place", "County Hall", "members", members));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private String childInCare() {
        clockAt("2097-01-06T10:00");
        var child = children.register(new NewChild("Mia", "Foster-" + System.nanoTime(), LocalDate.of(2090, 6, 1), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "In care");
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2097, 1, 6), "Care order made");
        return child;
    }

    private void ratify(String child, String type, String on) {
        var ratified = call("team-manager", HttpMethod.POST, "/api/children/" + child + "/permanence-plan", Map.of("type", type,
                "contingency", "Special guardianship by the carers", "ratifiedOn", on, "ratifiedBy", "AGENCY_DECISION"));
        assertThat(ratified.getStatusCode()).as("%s", ratified.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private ProcessInstance journey(String child) {
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LongTermMatches.PROCESS)
                .processInstanceBusinessKey(child).singleResult();
        assertThat(instance).as("the long-term fostering match's journey").isNotNull();
        STARTED.add(instance.getId());
        return instance;
    }

    private ProcessInstance panel(ProcessInstance journey) {
        var panel = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(journey.getId()).singleResult();
        assertThat(panel).as("the fostering panel's journey").isNotNull();
        return panel;
    }

    private Map<String, Object> record(String child) {
        return map(get("practitioner", "/api/children/" + child).get("parts"));
    }
}
