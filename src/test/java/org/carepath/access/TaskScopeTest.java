package org.carepath.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A task is claimed by the one who will do it; only the child's team manager hands it to someone in the
 * team, on the record. Another team's task is answered as one that does not exist.
 */
@CarePathTest
class TaskScopeTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    ReferralFixtures.Taken referral;
    String taskId;

    @BeforeEach
    void aContactAtTheFrontDoor() {
        referral = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        taskId = task(referral.processInstanceId(), "Task_ScreenContact").getId();
    }

    @Test
    void aWorkerClaimsATaskForThemselvesOnly() {
        var forSomeoneElse = send("practitioner", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "practitioner-south"));
        var spelledDifferently = send("practitioner", HttpMethod.POST, "/engine-rest/engine/default/task/" + encoded(taskId) + "/claim/",
                Map.of("userId", "practitioner-south"));
        var delegated = send("practitioner", HttpMethod.POST, "/engine-rest/task/" + taskId + "/delegate", Map.of("userId", "practitioner-south"));

        assertThat(forSomeoneElse.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forSomeoneElse.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(spelledDifferently.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(delegated.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

        assertThat(send("practitioner", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "practitioner"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("practitioner");
    }

    @Test
    void theChildsTeamManagerHandsATaskToSomeoneInTheTeamOnTheRecord() {
        assertThat(send("team-manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "practitioner-south"))
                .getStatusCode()).as("not in the child's team").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send("team-manager-south", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "practitioner-south"))
                .getStatusCode()).as("not the child's team's manager").isEqualTo(HttpStatus.NOT_FOUND);

        var handedOver = send("team-manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "practitioner"));

        assertThat(handedOver.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("practitioner");
        assertThat(jdbc.queryForList("select action || ' ' || subject || ' ' || username || ' ' || detail from audit_event"
                + " where child_reference = ? order by id", String.class, referral.childReference()))
                .last().asString().startsWith("CHANGE task handed over team-manager Screen contact").endsWith(" to practitioner");
    }

    @Test
    void anotherTeamsTaskIsAnsweredAsOneThatDoesNotExist() {
        var missing = "00000000-0000-0000-0000-000000000000";
        for (var path : new String[] {"/complete", "/claim", "/variables", "/form-variables", "/submit-form"}) {
            var method = path.equals("/variables") || path.equals("/form-variables") ? HttpMethod.GET : HttpMethod.POST;
            var body = method == HttpMethod.GET ? null : Map.of("userId", "practitioner-south", "variables", Map.of());
            var hidden = send("practitioner-south", method, "/engine-rest/task/" + taskId + path, body);
            var absent = send("practitioner-south", method, "/engine-rest/task/" + missing + path, body);
            assertThat(hidden.getStatusCode()).as(path).isEqualTo(absent.getStatusCode());
            assertThat(hidden.getStatusCode().value()).as(path).isIn(400, 404);
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void twoClaimingAtOnceOneHasTheTaskTheOtherIsToldItIsTaken() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var answers = new java.util.ArrayList<java.util.concurrent.Future<ResponseEntity<String>>>();
            for (var user : new String[] {"practitioner", "admin"}) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
                }));
            }
            start.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get().getStatusCode().value());
            }
            assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isIn("practitioner", "admin");
    }

    private static String encoded(String id) {
        return "%" + Integer.toHexString(id.charAt(0)) + id.substring(1);
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers), String.class);
    }
}
