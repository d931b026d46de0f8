package org.carepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The whole app over HTTP, as its users and neighbouring systems use it: a referral posted to CarePath's
 * API, tasks done through Camunda's REST API as the demo users the Tasklist would sign in as, and the
 * child's deadlines and alerts read back.
 */
@CarePathTest
class ReferralJourneyIntegrationTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;

    @Test
    void aReferralGoesFromTheFrontDoorToAnAllocatedAssessmentAndOnToAnEscalationWhenItDrifts() {
        clockAt("2026-04-02T10:00");
        var taken = post("practitioner", "/api/referrals", Map.of(
                "child", Map.of("givenName", "Ruby", "familyName", "Achterberg", "dateOfBirth", "2017-09-14", "gender", "FEMALE"),
                "receivedAt", "2026-04-02T09:05:00+01:00", "source", "POLICE",
                "concerns", "Police called to a domestic incident; Ruby present.",
                "referrer", Map.of("name", "PC Dan Hale", "organisation", "Northshire Police")));
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var reference = (String) taken.getBody().get("childReference");
        var instance = (String) taken.getBody().get("processInstanceId");

        // the social worker at the front door sees the screening task in their groups' tasks, and picks it up
        var screening = onlyTask("practitioner", instance, "Task_ScreenContact");
        assertThat(screening.get("name")).isEqualTo("Screen contact: Ruby Achterberg (" + reference + ")");
        assertThat(get("iro", "/engine-rest/task?processInstanceId=" + instance).getBody())
                .as("an IRO is not offered the front door's work").isEmpty();
        assertThat(post("practitioner", "/engine-rest/task/" + screening.get("id") + "/claim",
                Map.of("userId", "practitioner")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(complete("practitioner", screening, Map.of("ragRating", "amber", "screeningDecision", "assessment",
                "screeningRationale", "Repeat incidents; needs a full assessment.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // a team manager allocates; nobody outside the task's group may do it for them
        var allocation = onlyTask("team-manager", instance, "Task_AllocateSocialWorker");
        var refused = complete("practitioner", allocation, Map.of("allocatedWorker", "practitioner"));
        assertThat(refused.getStatusCode()).as("answered as if there were no such task").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("team-manager", "/engine-rest/task/" + allocation.get("id") + "/claim",
                Map.of("userId", "team-manager")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(complete("team-manager", allocation, Map.of("allocatedWorker", "practitioner")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        var assessment = onlyTask("practitioner", instance, "Task_CompleteAssessment");
        assertThat(assessment.get("assignee")).isEqualTo("practitioner");
        assertThat(get("practitioner", "/api/children/" + reference + "/deadlines").getBody())
                .singleElement().satisfies(deadline -> assertThat(map(deadline))
                        .containsEntry("timescale", "ASSESSMENT").containsEntry("dueDate", "2026-06-10").containsEntry("status", "ON_TIME"));
        var child = get("practitioner", "/api/children/" + reference);
        assertThat(map(child.getBody().get(0)).get("allocatedWorker")).satisfies(worker -> assertThat(map(worker))
                .containsEntry("worker", "practitioner").containsEntry("workerName", "Priya Patel"));
        assertThat((List<?>) map(child.getBody().get(0)).get("decisions")).singleElement().satisfies(decision -> assertThat(map(decision))
                .containsEntry("outcome", "assessment").containsEntry("decidedBy", "practitioner"));

        // the assessment drifts past 10 June: the deadline timer raises an alert and escalates to a team manager
        clockAt("2026-06-11T07:00");
        missDeadline(instance, "SubProcess_Assessment");
        assertThat(get("practitioner", "/api/children/" + reference + "/alerts").getBody())
                .singleElement().satisfies(alert -> assertThat(map(alert)).containsEntry("timescale", "ASSESSMENT")
                        .containsEntry("open", true).containsEntry("escalationLevel", "TEAM_MANAGER")
                        .containsEntry("dueDate", "2026-06-10"));
        var escalations = get("team-manager", "/engine-rest/task?processDefinitionKey=drift-escalation");
        var escalation = escalations.getBody().stream().map(ReferralJourneyIntegrationTest::map)
                .filter(task -> ((String) task.get("name")).endsWith("(" + reference + ")")).findFirst().orElseThrow();
        post("team-manager", "/engine-rest/task/" + escalation.get("id") + "/claim", Map.of("userId", "team-manager"));

        // a manager's mistake is a 400 with the reason, not a 500
        var pastDue = complete("team-manager", escalation, Map.of("driftAction", "Finish it", "driftActionOwner", "Priya Patel",
                "driftActionDueOn", "2026-06-01", "driftRationale", "Sickness absence."));
        assertThat(pastDue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(complete("team-manager", escalation, Map.of("driftAction", "Finish and submit the assessment",
                "driftActionOwner", "Priya Patel", "driftActionDueOn", "2026-06-12", "driftRationale", "Sickness absence."))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // the late work is done: the alert resolves itself, one working day late
        clockAt("2026-06-11T15:00");
        var late = complete("practitioner", assessment, Map.of("childSeenOn", "2026-06-09", "childsViews", "Wants things calmer at home.",
                "assessmentAnalysis", "Domestic abuse; mother engaging with support.", "assessmentRecommendation", "child-in-need",
                "delayReasons", "Worker off sick for two weeks."));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        var signOff = onlyTask("team-manager", instance, "Task_SignOffAssessment");
        post("team-manager", "/engine-rest/task/" + signOff.get("id") + "/claim", Map.of("userId", "team-manager"));
        assertThat(complete("team-manager", signOff, Map.of("signOffDecision", "child-in-need",
                "signOffRationale", "Agree: child in need plan.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(get("practitioner", "/api/children/" + reference + "/alerts").getBody())
                .singleElement().satisfies(alert -> assertThat(map(alert)).containsEntry("open", false)
                        .containsEntry("resolution", "COMPLETED").containsEntry("workingDaysLate", 1));
        assertThat(get("practitioner", "/api/children/" + reference + "/deadlines").getBody()).isEmpty();
    }

    @Test
    void aPractitionerCannotStartOrDeleteProcessInstancesThroughTheEngineApi() {
        var start = post("practitioner", "/engine-rest/process-definition/key/referral-to-assessment/start",
                Map.of("businessKey", "C-000001"));
        assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var instances = get("practitioner", "/engine-rest/process-instance");
        assertThat(instances.getBody()).as("no process instance is readable to a practitioner").isEmpty();
        assertThat(get("admin", "/engine-rest/process-instance").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyGroupStartsWithItsTasklistFilters() {
        var filters = get("practitioner", "/engine-rest/filter?resourceType=Task");
        assertThat(filters.getBody()).extracting(filter -> map(filter).get("name"))
                .contains("My tasks", "My groups' tasks", "Overdue", "Due this week", "Reminders", "Escalations");
        for (var user : List.of("team-manager", "service-manager", "head-of-service", "director", "iro",
                "panel-administrator", "agency-decision-maker", "personal-adviser", "legal", "admin")) {
            assertThat(get(user, "/engine-rest/filter?resourceType=Task").getBody()).as(user).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    // ----------------------------------------------------------------- helpers

    private Map<String, Object> onlyTask(String user, String instance, String key) {
        var tasks = get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.getBody()).as("%s sees %s", user, key).hasSize(1);
        return map(tasks.getBody().get(0));
    }

    private ResponseEntity<Map<String, Object>> complete(String user, Map<String, Object> task, Map<String, Object> values) {
        var variables = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        @SuppressWarnings("unchecked")
        var response = (ResponseEntity<Map<String, Object>>) (Object) http.exchange("/engine-rest/task/" + task.get("id") + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers(user)), Map.class);
        return response;
    }

    /** GET: the body as a list (a JSON object comes back as a one-element list). */
    private ResponseEntity<List<Object>> get(String user, String path) {
        var response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), Object.class);
        var body = response.getBody() instanceof List<?> list ? List.<Object>copyOf(list) : List.of(response.getBody());
        return new ResponseEntity<>(body, response.getStatusCode());
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(user)), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static HttpHeaders headers(String user) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return headers;
    }
}
