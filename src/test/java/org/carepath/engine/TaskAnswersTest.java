package org.carepath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.TasklistSession;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.BeforeEach;
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
 * A worker gives a task only the answers its form asks for: the process's own bookkeeping (the child,
 * the deadline being tracked, the dates its clocks run from) cannot be written through a task, by any
 * route, in the engine's REST API or the Tasklist's.
 */
@CarePathTest
class TaskAnswersTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures fixtures;

    ReferralFixtures.Taken referral;
    String screeningTaskId;
    Object deadlineId;

    @BeforeEach
    void aContactToScreen() {
        referral = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        screeningTaskId = task(referral.processInstanceId(), "Task_ScreenContact").getId();
        deadlineId = engine.getTaskService().getVariable(screeningTaskId, "deadlineId");
        assertThat(deadlineId).as("the stage tracks its deadline").isNotNull();
    }

    @Test
    void completingATaskWithAVariableItsFormDoesNotAskForIsRefusedAndNothingHappens() {
        var answers = Map.<String, Object>of(
                "ragRating", variable("amber"), "screeningDecision", variable("assessment"), "screeningRationale", variable("Needs assessment."),
                "deadlineId", Map.of("value", 1, "type", "Long"), "childRef", variable("C-000001"));

        var refused = send("practitioner", HttpMethod.POST, "/engine-rest/task/" + screeningTaskId + "/complete", Map.of("variables", answers));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).contains("2 variables are not fields of this task's form: childRef, deadlineId")
                .contains("\"field\":\"childRef\"").contains("\"field\":\"deadlineId\"").doesNotContain("ragRating");
        assertThat(engine.getTaskService().createTaskQuery().taskId(screeningTaskId).count()).as("task still open").isOne();
        assertThat(engine.getTaskService().getVariable(screeningTaskId, "deadlineId")).isEqualTo(deadlineId);
        assertThat(engine.getTaskService().getVariable(screeningTaskId, "childRef")).isEqualTo(referral.childReference());

        var form = Map.<String, Object>of("ragRating", variable("amber"), "screeningDecision", variable("assessment"),
                "screeningRationale", variable("Needs assessment."));
        assertThat(send("practitioner", HttpMethod.POST, "/engine-rest/task/" + screeningTaskId + "/submit-form", Map.of("variables", form))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().createTaskQuery().taskId(screeningTaskId).count()).as("completed").isZero();
    }

    @Test
    void noRouteThatWritesATasksVariablesCanReachTheProcesssBookkeeping() {
        var base = "/engine-rest/task/" + screeningTaskId;
        var attempts = List.of(
                send("practitioner", HttpMethod.PUT, base + "/variables/deadlineId", Map.of("value", 1, "type", "Long")),
                send("practitioner", HttpMethod.PUT, base + "/localVariables/deadlineId", Map.of("value", 1, "type", "Long")),
                send("practitioner", HttpMethod.DELETE, base + "/variables/childRef", null),
                send("practitioner", HttpMethod.POST, base + "/variables",
                        Map.of("modifications", Map.of("referralReceivedAt", variable("2020-01-01T00:00:00.000+0000")))),
                send("practitioner", HttpMethod.POST, base + "/localVariables", Map.of("deletions", List.of("deadlineDueAt"))),
                send("practitioner", HttpMethod.POST, base + "/bpmnError", Map.of("errorCode", "x", "variables", Map.of("deadlineId", variable("1")))));
        assertThat(attempts).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat(engine.getTaskService().getVariables(screeningTaskId))
                .containsEntry("deadlineId", deadlineId).containsEntry("childRef", referral.childReference())
                .containsKey("deadlineDueAt").containsKey("referralReceivedAt");
        assertThat(engine.getTaskService().getVariablesLocal(screeningTaskId)).doesNotContainKey("deadlineId");

    }

    @Test
    void theTasklistsOwnApiIsHeldToTheSameRule() {
        var headers = TasklistSession.signIn(http, "practitioner").headers(true);
        var body = Map.of("variables", Map.of("ragRating", variable("green"), "deadlineId", Map.of("value", 1, "type", "Long")));

        var refused = http.exchange("/camunda/api/engine/engine/default/task/" + screeningTaskId + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("deadlineId");
        assertThat(engine.getTaskService().createTaskQuery().taskId(screeningTaskId).count()).isOne();
        assertThat(engine.getTaskService().getVariable(screeningTaskId, "deadlineId")).isEqualTo(deadlineId);
    }

    @Test
    void theSameWriteSpeltAnyWayTheRestLayerAcceptsIsRefused() {
        var encoded = "%" + Integer.toHexString(screeningTaskId.charAt(0)) + screeningTaskId.substring(1);
        // every answer the form needs, so that only the bookkeeping stands between the request and a completed task
        var bookkeeping = Map.of("variables", Map.<String, Object>of("ragRating", variable("amber"), "screeningDecision", variable("assessment"),
                "screeningRationale", variable("Needs assessment."), "deadlineId", Map.of("value", 1, "type", "Long"),
                "referralReceivedAt", Map.of("value", "2020-01-01T00:00:00.000+0000", "type", "Date")));
        var spellings = List.of(
                "/engine-rest/task/" + encoded + "/complete",
                "/engine-rest/task/" + screeningTaskId + "/complete/",
                "/engine-rest/engine/default/task/" + screeningTaskId + "/complete",
                "/engine-rest/engine/default/task/" + encoded + "/submit-form/",
                "/engine-rest//task/" + screeningTaskId + "/complete",
                "/engine-rest/task/" + screeningTaskId + "/%63omplete");

        for (var path : spellings) {
            var answer = sendRaw("practitioner", HttpMethod.POST, path, bookkeeping);
            assertThat(answer.getStatusCode().is2xxSuccessful()).as(path).isFalse();
            assertThat(answer.getStatusCode().is5xxServerError()).as(path).isFalse();
        }
        for (var path : List.of("/engine-rest/task/" + encoded + "/variables/deadlineId", "/engine-rest/task/" + screeningTaskId + "/localVariables/deadlineId/")) {
            var answer = sendRaw("practitioner", HttpMethod.PUT, path, Map.of("value", 1, "type", "Long"));
            assertThat(answer.getStatusCode().is2xxSuccessful()).as(path).isFalse();
        }
        var headers = TasklistSession.signIn(http, "practitioner").headers(true);
        var tasklist = http.exchange(URI.create(http.getRootUri() + "/camunda/api/engine/engine/default/task/" + encoded + "/submit-form/"),
                HttpMethod.POST, new HttpEntity<>(bookkeeping, headers), String.class);
        assertThat(tasklist.getStatusCode().is2xxSuccessful()).isFalse();

        assertThat(engine.getTaskService().createTaskQuery().taskId(screeningTaskId).count()).as("still open").isOne();
        assertThat(engine.getTaskService().getVariable(screeningTaskId, "deadlineId")).isEqualTo(deadlineId);
        assertThat(engine.getRuntimeService().getVariable(referral.processInstanceId(), "referralReceivedAt").toString())
                .doesNotContain("2020");
    }

    @Test
    void anAnswerLongerThanItsFormAllowsIsRefused() {
        var tooLong = "x".repeat(maxLengthOf("screeningRationale") + 1);
        var refused = send("practitioner", HttpMethod.POST, "/engine-rest/task/" + screeningTaskId + "/complete", Map.of("variables",
                Map.of("ragRating", variable("amber"), "screeningDecision", variable("assessment"), "screeningRationale", variable(tooLong))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("\"field\":\"screeningRationale\"").contains("characters its form allows");
        assertThat(engine.getTaskService().createTaskQuery().taskId(screeningTaskId).count()).isOne();
    }

    // ----------------------------------------------------------------- helpers

    private int maxLengthOf(String key) {
        try (var form = getClass().getResourceAsStream("/forms/screen-contact.form")) {
            for (var field : new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).findParents("key")) {
                if (key.equals(field.path("key").asText()) && field.path("validate").path("maxLength").isNumber()) {
                    return field.path("validate").path("maxLength").asInt();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("screen-contact.form gives " + key + " no maxLength");
    }

    /** Sends the path as written, without encoding it again. */
    private ResponseEntity<String> sendRaw(String user, HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers), String.class);
    }

    private static Map<String, Object> variable(Object value) {
        return Map.of("value", value);
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
