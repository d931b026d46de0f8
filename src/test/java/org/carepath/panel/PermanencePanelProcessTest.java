package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ProcessTest;
import org.carepath.child.LegalStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** processes/permanence-panel.bpmn: a request for panel, booked, heard, and the agency decision that ratifies the plan. */
@ProcessTest(PermanencePanels.PROCESS)
class PermanencePanelProcessTest extends PanelTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void bookedHeardAndAcceptedTheRecommendedPlanIsRatifiedOnTheChildsRecord() {
        var child = childInCare();
        var sitting = sitting("PERMANENCE", "2095-04-17", null, List.of());
        var instance = request(child);
        var booking = task(instance.getId(), "Task_BookTheChildOntoASitting");
        assertThat(engine.getTaskService().getVariable(booking.getId(), "proposedSitting")).isNotNull();

        completeAs(ADMINISTRATOR, booking, Map.of("sittingId", id(sitting)));
        assertThat(get(ADMINISTRATOR, "/api/panel-sittings/" + id(sitting))).containsEntry("casesBooked", 1);
        // the recommendation is due on the day of the sitting
        assertThat(task(instance.getId(), "Task_RecordThePanelRecommendation").getDueDate()).isEqualTo(endOfDay("2095-04-17"));

        clockAt("2095-04-17T12:00");
        recommend(instance);
        clockAt("2095-04-19T10:00");
        decide(instance, "accept");

        assertThat(instance).isEnded().hasPassed("End_PermanencePlanAgreed");
        var periods = http.exchange("/api/children/" + child + "/periods-in-care", HttpMethod.GET, signedIn("practitioner", null), List.class);
        var plan = (Map<String, Object>) ((Map<String, Object>) periods.getBody().get(0)).get("permanencePlan");
        assertThat(plan).containsEntry("type", "LONG_TERM_FOSTERING").containsEntry("ratifiedBy", "AGENCY_DECISION")
                .containsEntry("ratifiedOn", "2095-04-19").containsEntry("contingency", "Special guardianship with the aunt");
        assertThat(children.get(child).decisions()).extracting(d -> d.decision() + " = " + d.outcome())
                .contains("Record the panel's recommendation = recommend", "Make the agency decision = accept");
        assertThat(children.get(child).decisions()).anySatisfy(d -> assertThat(d.rationale()).isEqualTo("Settled with carers; wishes to stay."));
    }

    @Test
    @SuppressWarnings("unchecked")
    void notAcceptedTheDecisionIsOnRecordAndNoPlanIsRatified() {
        var child = childInCare();
        var sitting = sitting("PERMANENCE", "2095-05-15", null, List.of());
        var instance = request(child);
        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        recommend(instance);
        decide(instance, "not-accepted");

        assertThat(instance).isEnded().hasPassed("End_PlanNotAgreed");
        var periods = http.exchange("/api/children/" + child + "/periods-in-care", HttpMethod.GET, signedIn("practitioner", null), List.class);
        assertThat(((Map<String, Object>) periods.getBody().get(0)).get("permanencePlan")).isNull();
        assertThat(children.get(child).decisions()).extracting(d -> d.decision() + " = " + d.outcome())
                .contains("Make the agency decision = not-accepted");
    }

    @Test
    void askedForMoreInformationTheChildIsRebookedAndHeardAgain() {
        var child = childInCare();
        var first = sitting("PERMANENCE", "2095-07-10", null, List.of());
        var second = sitting("PERMANENCE", "2095-08-14", null, List.of());
        var instance = request(child);
        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(first)));
        recommend(instance);
        clockAt("2095-07-14T10:00");
        decide(instance, "more-information");

        var rebooking = task(instance.getId(), "Task_BookTheChildOntoASitting");
        // the booking's clock starts again from the decision: 5 working days from Thursday 14 July
        assertThat(rebooking.getDueDate()).isEqualTo(endOfDay("2095-07-21"));
        completeAs(ADMINISTRATOR, rebooking, Map.of("sittingId", id(second)));
        assertThat(engine.getTaskService().getVariable(task(instance.getId(), "Task_RecordThePanelRecommendation").getId(),
                "panelRecommendation")).as("a fresh recommendation").isNull();
        assertThat(get(ADMINISTRATOR, "/api/panel-sittings/" + id(second))).containsEntry("casesBooked", 1);
        recommend(instance);
        decide(instance, "accept");

        assertThat(instance).isEnded().hasPassed("Gateway_PanelToBeBooked", "End_PermanencePlanAgreed");
        assertThat(children.get(child).decisions()).extracting(d -> d.decision() + " = " + d.outcome())
                .contains("Make the agency decision = more-information", "Make the agency decision = accept");
    }

    @Test
    void aFullSittingIsRefusedOnTheFieldAndNothingIsBooked() {
        var child = childInCare();
        var full = sitting("PERMANENCE", "2095-06-12", 1, List.of());
        assertThat(book(ADMINISTRATOR, id(full), newChild()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var instance = request(child);
        var booking = task(instance.getId(), "Task_BookTheChildOntoASitting");
        assertThatThrownBy(() -> completeAs(ADMINISTRATOR, booking, Map.of("sittingId", id(full))))
                .hasMessageContaining("is full");
        assertThat(instance).isWaitingAt("Task_BookTheChildOntoASitting");
        assertThat(get(ADMINISTRATOR, "/api/panel-sittings/" + id(full))).containsEntry("casesBooked", 1);
    }

    @Test
    void onlyATeamManagerAsksForPanelAndAReasonIsRequired() {
        var child = childInCare();
        assertThat(call("practitioner", HttpMethod.POST, "/api/children/" + child + "/panel-requests", Map.of("reason", "Plan"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused(call("team-manager", HttpMethod.POST, "/api/children/" + child + "/panel-requests", Map.of("reason", " "))))
                .containsOnlyKeys("reason");
        var atHome = newChild();
        assertThat(call("team-manager", HttpMethod.POST, "/api/children/" + atHome + "/panel-requests", Map.of("reason", "Plan"))
                .getStatusCode()).as("a child not looked after").isEqualTo(HttpStatus.CONFLICT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BookingOntoASitting, panelRequestedAt, panel-administrator",
            "PanelHearing, sittingOn, panel-administrator",
            "AgencyDecision, recommendationRecordedAt, agency-decision-maker"})
    void everyStageRemindsItsWorkerThenEscalatesAMissedDeadline(String stage, String trigger, String group) {
        var child = childInCare();
        var instance = engine.getRuntimeService().createProcessInstanceByKey(PermanencePanels.PROCESS).businessKey(child)
                .setVariables(vars("childRef", child, "childName", "Leo Panel", "panelReason", "Plan", trigger,
                        londonTime("2095-04-02T09:00")))
                .startBeforeActivity("SubProcess_" + stage).execute();
        STARTED.add(instance.getId());

        walkReminderAndEscalation(instance, stage, group);
    }

    private String childInCare() {
        clockAt("2095-04-02T10:00");
        var child = newChild();
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.of(2095, 3, 1), "Interim care order made");
        return child;
    }

    private ProcessInstance request(String child) {
        var response = call("team-manager", HttpMethod.POST, "/api/children/" + child + "/panel-requests",
                Map.of("reason", "Permanence plan of long-term fostering, from the second looked-after review"));
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        var instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId((String) response.getBody().get("processInstanceId")).singleResult();
        STARTED.add(instance.getId());
        return instance;
    }

    private void recommend(ProcessInstance instance) {
        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_RecordThePanelRecommendation"), Map.of(
                "panelRecommendation", "recommend", "recommendationRationale", "Settled with carers; wishes to stay.",
                "recommendedPlanType", "LONG_TERM_FOSTERING", "recommendedContingency", "Special guardianship with the aunt"));
    }

    private void decide(ProcessInstance instance, String decision) {
        completeAs("agency-decision-maker", task(instance.getId(), "Task_MakeTheAgencyDecision"),
                Map.of("agencyDecision", decision, "agencyDecisionRationale", "The panel's reasons are sound."));
    }
}
