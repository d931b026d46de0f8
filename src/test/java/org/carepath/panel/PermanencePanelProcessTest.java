package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ProcessTest;
import org.carepath.child.LegalStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * processes/permanence-panel.bpmn: a request for panel, booked, the permanence report by the papers deadline,
 * heard by a quorate panel, and the agency decision that ratifies the plan and turns the panel's actions into
 * tracked tasks; deferrals and a sitting moved take the journey to the new sitting.
 */
@ProcessTest(PermanencePanels.PROCESS)
class PermanencePanelProcessTest extends PanelTestSupport {

    private List<Long> quorum;
    private long chair;

    @BeforeEach
    void panelMembers() {
        chair = member("Ruth Chair", "CHAIR", "2099-12-31", "PERMANENCE");
        quorum = List.of(chair, member("Imran Independent", "INDEPENDENT_MEMBER", "2099-12-31", "PERMANENCE"),
                member("Jo Independent", "INDEPENDENT_MEMBER", "2099-12-31", "PERMANENCE"));
    }

    @Test
    void bookedPapersInHeardByAQuoratePanelAndAcceptedThePlanIsRatifiedAndTheActionsAreTracked() {
        var child = childInCare();
        var sitting = sitting("PERMANENCE", "2095-05-10", null, quorum);
        var instance = request(child);
        var booking = task(instance.getId(), "Task_BookTheChildOntoASitting");
        assertThat(engine.getTaskService().getVariable(booking.getId(), "proposedSitting")).isNotNull();
        completeAs(ADMINISTRATOR, booking, Map.of("sittingId", id(sitting)));

        // the social worker's report is due by the sitting's papers deadline, ten working days before it
        var deadline = (String) get(ADMINISTRATOR, "/api/panel-sittings/" + id(sitting)).get("papersDeadline");
        assertThat(deadline).isEqualTo("2095-04-26");
        var report = task(instance.getId(), "Task_WriteThePermanenceReport");
        assertThat(report.getDueDate()).isEqualTo(endOfDay(deadline));
        assertThat(engine.getTaskService().getIdentityLinksForTask(report.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).contains("practitioner"));
        assertThat(papersOnTheAgenda(sitting)).containsEntry("dueBy", deadline).doesNotContainKey("receivedAt").containsEntry("late", false);
        assertThatThrownBy(() -> completeAs("practitioner", report, Map.of("permanenceReportWrittenOn", "2095-03-01",
                "optionsConsidered", "Return home was ruled out; long-term fostering with the current carers.")))
                .as("every part of the report").hasMessageContaining("childsWishesAndFeelings");
        writeTheReport(instance);
        assertThat(papersOnTheAgenda(sitting).get("receivedAt")).isNotNull();

        assertThat(task(instance.getId(), "Task_RecordThePanelRecommendation").getDueDate()).isEqualTo(endOfDay("2095-05-10"));
        assertThatThrownBy(() -> recommend(instance)).hasMessageContaining("has not happened yet");
        assertThat(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/circulation", null).getBody())
                .as("the quorum expected, the papers circulated").containsKey("papersCirculatedAt").extracting("papersCirculatedAt").isNotNull();

        clockAt("2095-05-10T14:00");
        assertThatThrownBy(() -> recommend(instance)).hasMessageContaining("Record who attended");
        attended(sitting, quorum);
        recommend(instance, action(1, "Update the life-story book with the carers", "practitioner", "2095-06-10"),
                action(2, "Review contact with the birth mother", "team-manager", "2095-05-24"));
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "recommendationInWords"))
                .as("the decision maker reads it in words").isEqualTo("recommended long-term fostering");
        clockAt("2095-05-12T10:00");
        decide(instance, "accept");

        assertThat(instance).isEnded().hasPassed("Gateway_PapersReceived", "SubProcess_PanelPapers", "Gateway_PapersIn",
                "End_CaseHeard", "End_PermanencePlanAgreed");
        var record = get("practitioner", "/api/children/" + child);
        var parts = map(record.get("parts"));
        assertThat(map(map(parts.get("periodInCare")).get("permanencePlan"))).containsEntry("type", "LONG_TERM_FOSTERING")
                .containsEntry("ratifiedBy", "AGENCY_DECISION").containsEntry("ratifiedOn", "2095-05-12")
                .containsEntry("contingency", "Special guardianship with the aunt");
        var outcome = list(map(parts.get("permanencePanel")).get("outcomes")).get(0);
        assertThat(outcome).containsEntry("recommendation", "recommend").containsEntry("rationale", "Settled with carers; wishes to stay.")
                .containsEntry("recommendedPlanType", "LONG_TERM_FOSTERING").containsEntry("agencyDecision", "ACCEPTED")
                .containsEntry("agencyDecisionRationale", "The panel's reasons are sound.").containsEntry("decidedBy", "agency-decision-maker");
        assertThat(list(outcome.get("actions"))).extracting(a -> a.get("action") + " / " + a.get("owner") + " / " + a.get("dueOn"))
                .containsExactly("Update the life-story book with the carers / practitioner / 2095-06-10",
                        "Review contact with the birth mother / team-manager / 2095-05-24");
        assertThat(list(record.get("decisions"))).extracting(d -> d.get("decision") + " = " + d.get("outcome") + ": " + d.get("rationale"))
                .contains("Make the agency decision = accept: The panel's reasons are sound.",
                        "Record the panel's recommendation = recommend: Settled with carers; wishes to stay.");

        // each action is a tracked task for its owner, on the period in care, due by its date
        assertThat(list(map(parts.get("periodInCare")).get("actions"))).extracting(a -> a.get("owner") + " by " + a.get("dueOn"))
                .contains("practitioner by 2095-06-10", "team-manager by 2095-05-24");
        var actions = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("looked-after-action")
                .processInstanceBusinessKey(child).list();
        assertThat(actions).hasSize(2);
        var contact = actions.stream().filter(a -> "team-manager".equals(engine.getRuntimeService().getVariable(a.getId(), "actionOwner")))
                .findFirst().orElseThrow();
        var contactTask = task(contact.getId(), "Task_CarryOutTheAction");
        assertThat(contactTask.getAssignee()).isEqualTo("team-manager");
        assertThat(contactTask.getDueDate()).isEqualTo(endOfDay("2095-05-24"));
        // and one of them goes overdue: the drift ladder starts for the child
        var ladder = missDeadline(contact.getId(), "SubProcess_PlanAction");
        assertThat(ladder.getBusinessKey()).isEqualTo(child);
    }

    @Test
    void notAcceptedTheDecisionAndItsReasonsAreOnRecordNoPlanIsRatifiedAndTheActionsStillStart() {
        var child = childInCare();
        var sitting = sitting("PERMANENCE", "2095-05-17", null, quorum);
        var instance = request(child);
        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        writeTheReport(instance);
        clockAt("2095-05-17T15:00");
        attended(sitting, quorum);
        recommend(instance, action(1, "Assess the aunt as a special guardian", "practitioner", "2095-07-01"));
        decide(instance, "not-accepted");

        assertThat(instance).isEnded().hasPassed("End_PlanNotAgreed");
        var parts = map(get("practitioner", "/api/children/" + child).get("parts"));
        assertThat(map(parts.get("periodInCare")).get("permanencePlan")).isNull();
        assertThat(list(map(parts.get("permanencePanel")).get("outcomes")).get(0)).containsEntry("agencyDecision", "NOT_ACCEPTED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("looked-after-action")
                .processInstanceBusinessKey(child).count()).isEqualTo(1);
    }

    @Test
    void askedForMoreInformationTheChildIsRebookedWithANewReportAndHeardAgain() {
        var child = childInCare();
        var first = sitting("PERMANENCE", "2095-07-12", null, quorum);
        var second = sitting("PERMANENCE", "2095-08-16", null, quorum);
        var instance = request(child);
        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(first)));
        writeTheReport(instance);
        clockAt("2095-07-12T12:00");
        attended(first, quorum);
        recommend(instance);
        clockAt("2095-07-14T10:00");
        decide(instance, "more-information");

        var rebooking = task(instance.getId(), "Task_BookTheChildOntoASitting");
        // the booking's clock starts again from the decision: 5 working days from Thursday 14 July
        assertThat(rebooking.getDueDate()).isEqualTo(endOfDay("2095-07-21"));
        completeAs(ADMINISTRATOR, rebooking, Map.of("sittingId", id(second)));
        assertThat(task(instance.getId(), "Task_WriteThePermanenceReport")).as("the report again, with what was asked for").isNotNull();
        writeTheReport(instance);
        assertThat(engine.getTaskService().getVariable(task(instance.getId(), "Task_RecordThePanelRecommendation").getId(),
                "panelRecommendation")).as("a fresh recommendation").isNull();
        clockAt("2095-08-16T12:00");
        attended(second, quorum);
        recommend(instance);
        decide(instance, "accept");

        assertThat(instance).isEnded().hasPassed("Gateway_PanelToBeBooked", "End_PermanencePlanAgreed");
        assertThat(list(map(map(get("practitioner", "/api/children/" + child).get("parts")).get("permanencePanel")).get("outcomes")))
                .extracting(o -> o.get("agencyDecision")).containsExactly("MORE_INFORMATION", "ACCEPTED");
    }

    @Test
    void aFullSittingIsRefusedOnTheFieldAndTheNextOneWithAFreePlaceIsProposed() {
        clockAt("2096-01-05T10:00");
        var child = newChild();
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.of(2096, 1, 2), "Interim care order made");
        var full = sitting("PERMANENCE", "2096-02-14", 1, quorum);
        sitting("PERMANENCE", "2096-02-28", null, quorum);
        assertThat(book(ADMINISTRATOR, id(full), newChild()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var instance = request(child);
        var booking = task(instance.getId(), "Task_BookTheChildOntoASitting");
        // other tests' sittings may come first: CarePath proposes what its own API proposes, never the full one
        var proposed = get(ADMINISTRATOR, "/api/panel-sittings/proposed?type=PERMANENCE");
        assertThat(id(proposed)).isNotEqualTo(id(full));
        assertThat((String) engine.getTaskService().getVariable(booking.getId(), "proposedSitting"))
                .contains("sitting " + id(proposed) + ",").contains("papers due by");
        assertThatThrownBy(() -> completeAs(ADMINISTRATOR, booking, Map.of("sittingId", id(full))))
                .hasMessageContaining("is full").hasMessageContaining("the next sitting with a free place is");
        var fostering = sitting("FOSTERING", "2096-02-21", null, List.of());
        assertThatThrownBy(() -> completeAs(ADMINISTRATOR, booking, Map.of("sittingId", id(fostering))))
                .as("a panel of another kind").hasMessageContaining("is a fostering panel");
        assertThat(instance).isWaitingAt("Task_BookTheChildOntoASitting");
        assertThat(get(ADMINISTRATOR, "/api/panel-sittings/" + id(full))).containsEntry("casesBooked", 1);

        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_BookTheChildOntoASitting"), Map.of());
        assertThat(list(get(ADMINISTRATOR, "/api/panel-sittings/" + id(proposed)).get("agenda")))
                .as("the proposed sitting, taken as it was offered").anySatisfy(item -> assertThat(item).containsEntry("child", child));
    }

    @Test
    void papersNotInByTheDeadlineAreLateOnTheAgendaAndRaiseADriftAlert() {
        var child = childInCare();
        var sitting = sitting("PERMANENCE", "2095-06-07", null, quorum);
        var instance = request(child);
        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        var ladder = missDeadline(instance.getId(), "SubProcess_PanelPapers");
        assertThat(ladder.getBusinessKey()).isEqualTo(child);
        clockAt("2095-05-25T10:00"); // the papers deadline was Tuesday 24 May
        assertThat(papersOnTheAgenda(sitting)).containsEntry("late", true).doesNotContainKey("receivedAt");
        assertThat(instance).isWaitingAt("Task_WriteThePermanenceReport");
    }

    @Test
    void quorumNotExpectedTheCasesAreDeferredTogetherAndEachJourneyMovesWithItsPapers() {
        var withPapers = childInCare();
        var withoutPapers = newChild();
        children.changeLegalStatus(withoutPapers, LegalStatus.INTERIM_CARE_ORDER, LocalDate.of(2095, 2, 1), "Interim care order made");
        var inquorate = sitting("PERMANENCE", "2095-09-13", null, List.of(chair));
        var later = sitting("PERMANENCE", "2095-10-11", null, quorum);
        var first = request(withPapers);
        completeAs(ADMINISTRATOR, task(first.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(inquorate)));
        writeTheReport(first);
        var second = request(withoutPapers);
        completeAs(ADMINISTRATOR, task(second.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(inquorate)));

        assertThat(conflict(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(inquorate) + "/circulation", null)))
                .contains("do not make a quorum").contains("at least 3 needed");
        var moved = http.exchange("/api/panel-sittings/" + id(inquorate) + "/deferral", HttpMethod.POST,
                signedIn(ADMINISTRATOR, Map.of("toSitting", id(later), "reason", "Not enough members free on the day")), List.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).hasSize(2);

        assertThat(first).hasPassed("Event_CaseDeferredOrSittingMoved").isWaitingAt("Task_RecordThePanelRecommendation");
        assertThat(task(first.getId(), "Task_RecordThePanelRecommendation").getDueDate()).isEqualTo(endOfDay("2095-10-11"));
        assertThat(second).hasPassed("Event_CaseDeferredOrSittingMoved").isWaitingAt("Task_WriteThePermanenceReport");
        var report = task(second.getId(), "Task_WriteThePermanenceReport");
        assertThat(report.getDueDate()).as("the later sitting's papers deadline").isEqualTo(endOfDay("2095-09-27"));
        assertThat((String) engine.getTaskService().getVariable(report.getId(), "panelNotice"))
                .contains("deferred from the sitting of").contains("Not enough members free on the day");
        var agenda = list(get(ADMINISTRATOR, "/api/panel-sittings/" + id(later)).get("agenda"));
        assertThat(agenda).extracting(item -> item.get("child") + " deferred " + item.get("deferrals"))
                .containsExactlyInAnyOrder(withPapers + " deferred 1", withoutPapers + " deferred 1");
        assertThat(agenda).filteredOn(item -> withPapers.equals(item.get("child"))).singleElement()
                .satisfies(item -> assertThat(map(item.get("papers")).get("receivedAt")).as("papers carried over").isNotNull());
        assertThat(map(map(get("practitioner", "/api/children/" + withPapers).get("parts")).get("permanencePanel")))
                .containsEntry("deferrals", 1);

        clockAt("2095-10-11T11:00");
        attended(later, quorum);
        recommend(first);
        assertThat(first).isWaitingAt("Task_MakeTheAgencyDecision");
    }

    @Test
    void quorumNotExpectedTheSittingIsRescheduledAndTheTasksAreDueFromItsNewDate() {
        var child = childInCare();
        var sitting = sitting("PERMANENCE", "2095-11-08", null, List.of(chair));
        var instance = request(child);
        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        assertThat(task(instance.getId(), "Task_WriteThePermanenceReport").getDueDate()).isEqualTo(endOfDay("2095-10-25"));

        var moved = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/rescheduling",
                Map.of("date", "2095-11-22", "time", "14:00", "reason", "The chair is in court on the 8th"));
        assertThat(moved.getStatusCode()).as("%s", moved.getBody()).isEqualTo(HttpStatus.OK);

        assertThat(instance).hasPassed("Event_CaseDeferredOrSittingMoved").isWaitingAt("Task_WriteThePermanenceReport");
        var report = task(instance.getId(), "Task_WriteThePermanenceReport");
        assertThat(report.getDueDate()).isEqualTo(endOfDay("2095-11-08"));
        assertThat((String) engine.getTaskService().getVariable(report.getId(), "panelNotice"))
                .contains("was moved to").contains("The chair is in court on the 8th");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "sittingOnText")).isEqualTo("Tuesday 22 November 2095");
    }

    @Test
    void aPanelNotQuorateOnTheDayCannotRecommendAndTheCaseIsDeferred() {
        var child = childInCare();
        var sitting = sitting("PERMANENCE", "2095-12-06", null, quorum);
        var later = sitting("PERMANENCE", "2096-01-10", null, quorum);
        var instance = request(child);
        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        writeTheReport(instance);
        clockAt("2095-12-06T10:30");
        attended(sitting, List.of(chair));
        assertThatThrownBy(() -> recommend(instance)).hasMessageContaining("was not quorate").hasMessageContaining("defer the case");

        var bookingId = ((Number) engine.getRuntimeService().getVariable(instance.getId(), "bookingId")).longValue();
        var deferred = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/bookings/" + bookingId + "/deferral",
                Map.of("toSitting", id(later), "reason", "Only the chair attended"));
        assertThat(deferred.getStatusCode()).as("%s", deferred.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(instance).isWaitingAt("Task_RecordThePanelRecommendation");
        assertThat(task(instance.getId(), "Task_RecordThePanelRecommendation").getDueDate()).isEqualTo(endOfDay("2096-01-10"));
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "deferrals")).isEqualTo(1L);
    }

    @Test
    void onlyATeamManagerAsksForPanelAndAReasonIsRequired() {
        var child = childInCare();
        assertThat(call("practitioner", HttpMethod.POST, "/api/children/" + child + "/panel-requests", Map.of("reason", "Plan"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused(call("team-manager", HttpMethod.POST, "/api/children/" + child + "/panel-requests",
                Map.of("reason", " ", "requestedFrom", "A_WHIM")))).containsOnlyKeys("reason", "requestedFrom");
        var atHome = newChild();
        assertThat(call("team-manager", HttpMethod.POST, "/api/children/" + atHome + "/panel-requests", Map.of("reason", "Plan"))
                .getStatusCode()).as("a child not looked after").isEqualTo(HttpStatus.CONFLICT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BookingOntoASitting, panelRequestedAt, panel-administrator",
            "PanelPapers, papersDueAt, practitioner",
            "PanelHearing, sittingOn, panel-administrator",
            "AgencyDecision, recommendationRecordedAt, agency-decision-maker"})
    void everyStageRemindsItsWorkerThenEscalatesAMissedDeadline(String stage, String trigger, String group) {
        var child = childInCare();
        var instance = engine.getRuntimeService().createProcessInstanceByKey(PermanencePanels.PROCESS).businessKey(child)
                .setVariables(vars("childRef", child, "childName", "Leo Panel", "panelReason", "Plan", "papersReceived", false,
                        trigger, londonTime("2095-04-20T09:00")))
                .startBeforeActivity("SubProcess_" + stage).execute();
        STARTED.add(instance.getId());

        walkReminderAndEscalation(instance, stage, group);
    }

    @Test
    void withNoSittingToProposeTheRequestStillStartsTheJourneyAndTheTaskSaysSo() {
        clockAt("2190-03-01T10:00");
        var child = newChild();
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.of(2190, 2, 1), "Interim care order made");
        // no permanence sitting after 2190: the booking task's proposal finds none, which must not undo the request
        var instance = request(child);
        assertThat(engine.getTaskService().getVariable(task(instance.getId(), "Task_BookTheChildOntoASitting").getId(), "proposedSitting"))
                .isEqualTo("No permanence panel sitting has a free place with its papers deadline still to come: add a sitting, then"
                        + " book the child onto it");
    }

    private String childInCare() {
        clockAt("2095-03-01T10:00");
        var child = newChild();
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.of(2095, 2, 1), "Interim care order made");
        return child;
    }

    private ProcessInstance request(String child) {
        var response = call("team-manager", HttpMethod.POST, "/api/children/" + child + "/panel-requests",
                Map.of("reason", "Permanence plan of long-term fostering, from the second looked-after review",
                        "requestedFrom", "LOOKED_AFTER_REVIEW"));
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        var instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId((String) response.getBody().get("processInstanceId")).singleResult();
        STARTED.add(instance.getId());
        return instance;
    }

    private Map<String, Object> papersOnTheAgenda(Map<String, Object> sitting) {
        return map(list(get(ADMINISTRATOR, "/api/panel-sittings/" + id(sitting)).get("agenda")).get(0).get("papers"));
    }

    private void writeTheReport(ProcessInstance instance) {
        completeAs("practitioner", task(instance.getId(), "Task_WriteThePermanenceReport"), Map.of(
                "permanenceReportWrittenOn", "2095-03-01",
                "optionsConsidered", "Return home was ruled out by the final assessment; long-term fostering with the current carers.",
                "childsWishesAndFeelings", "\"I want to stay with Jen and Mo and see my mum at weekends.\"",
                "identityCultureAndContact", "Mixed White and Black Caribbean heritage; church on Sundays; monthly contact with mother.",
                "contingencyPlan", "Special guardianship with the maternal aunt, decided at the next review."));
    }

    private void attended(Map<String, Object> sitting, List<Long> members) {
        var recorded = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/attendance", Map.of("attended", members));
        assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.OK);
    }

    private static Map<String, Object> action(int i, String action, String owner, String dueOn) {
        return Map.of("action" + i, action, "action" + i + "Owner", owner, "action" + i + "DueOn", dueOn);
    }

    @SafeVarargs
    private void recommend(ProcessInstance instance, Map<String, Object>... actions) {
        var answers = new HashMap<String, Object>(Map.of(
                "panelRecommendation", "recommend", "recommendationRationale", "Settled with carers; wishes to stay.",
                "recommendedPlanType", "LONG_TERM_FOSTERING", "recommendedContingency", "Special guardianship with the aunt"));
        for (var action : actions) {
            answers.putAll(action);
        }
        completeAs(ADMINISTRATOR, task(instance.getId(), "Task_RecordThePanelRecommendation"), answers);
    }

    private void decide(ProcessInstance instance, String decision) {
        completeAs("agency-decision-maker", task(instance.getId(), "Task_MakeTheAgencyDecision"),
                Map.of("agencyDecision", decision, "agencyDecisionRationale", "The panel's reasons are sound."));
    }
}
