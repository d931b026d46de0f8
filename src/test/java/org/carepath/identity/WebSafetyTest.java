package org.carepath.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.TasklistSession;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The safe defaults a browser relies on: security headers, Camunda's CSRF protection, sessions that end. */
@CarePathTest
class WebSafetyTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    ServerProperties server;

    @Test
    void everyPageAndAnswerCarriesTheSecurityHeaders() {
        var basic = new HttpHeaders();
        basic.setBasicAuth("practitioner", "demo");
        for (var response : java.util.List.of(http.getForEntity("/camunda/app/tasklist/default/", String.class),
                http.exchange("/api/timescales", HttpMethod.GET, new HttpEntity<>(basic), String.class),
                http.getForEntity("/api/timescales", String.class))) {
            var headers = response.getHeaders();
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(headers.getFirst("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void theTasklistRefusesAChangeWithoutItsCsrfToken() {
        var referral = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        var task = task(referral.processInstanceId(), "Task_ScreenContact");
        var session = TasklistSession.signIn(http, "practitioner");
        var claim = "/camunda/api/engine/engine/default/task/" + task.getId() + "/claim";
        var body = java.util.Map.of("userId", "practitioner");

        var forged = http.exchange(claim, HttpMethod.POST, new HttpEntity<>(body, session.headers(false)), String.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(http.exchange(claim, HttpMethod.POST, new HttpEntity<>(body, session.headers(true)), String.class).getStatusCode())
                .as("a forged request ends the session it rode on").isEqualTo(HttpStatus.UNAUTHORIZED);

        var genuine = http.exchange(claim, HttpMethod.POST, new HttpEntity<>(body, TasklistSession.signIn(http, "practitioner").headers(true)), String.class);
        assertThat(genuine.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("practitioner");
    }

    @Test
    void aSessionEndsAfterHalfAnHourUnused() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }
}
