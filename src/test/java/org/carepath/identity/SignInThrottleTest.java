package org.carepath.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.carepath.CarePathTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Wrong passwords slow the next attempts down for a while, per user and per address; they never lock
 * an account. The throttle's clock is moved by the test: nothing sleeps.
 */
@CarePathTest
@Import(SignInThrottleTest.MovableClockConfiguration.class)
// a context of its own (its clock), so a database of its own
@TestPropertySource(properties = "carepath.database.embedded.data-directory=target/embedded-postgres-sign-in")
class SignInThrottleTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    MovableClock clock;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @AfterEach
    void forgetTheFailures() {
        clock.move(Duration.ofHours(1));
    }

    @Test
    void twentyWrongPasswordsForAdminDelayButDoNotLockTheAccount() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(basic("admin", "wrong-" + attempt).getStatusCode()).as("attempt %d", attempt).isEqualTo(HttpStatus.UNAUTHORIZED);
            // let the delay pass, so that every one of the 20 is really checked (Camunda locked after 10)
            clock.move(Duration.ofSeconds(61));
        }
        assertThat(basic("admin", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(TasklistLogin.status(http, "admin", "demo")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void attemptsDuringTheDelayAnswer429WithRetryAfterEvenWithTheRightPassword() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(basic("team-manager", "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        var refused = basic("team-manager", "demo");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).containsEntry("status", 429);
        assertThat(TasklistLogin.status(http, "team-manager", "demo")).as("the web apps' login is throttled too")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        clock.move(Duration.ofMillis(1001));
        assertThat(basic("team-manager", "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var longer = basic("team-manager", "demo");
        assertThat(longer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).as("the delay doubles").isEqualTo("2");

        clock.move(Duration.ofSeconds(2));
        assertThat(basic("team-manager", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(basic("team-manager", "wrong").getStatusCode()).as("a right password forgets the failures")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(basic("team-manager", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void wrongPasswordsThroughTheWebAppsLoginCountToo() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(TasklistLogin.status(http, "iro", "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(basic("iro", "demo").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        clock.move(Duration.ofSeconds(1));
        assertThat(TasklistLogin.status(http, "iro", "demo")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyAdministratorsMayTestPasswordsThroughIdentityVerify() {
        var body = Map.of("username", "team-manager", "password", "demo");
        for (var path : new String[] {"/engine-rest/identity/verify", "/engine-rest/engine/default/identity/verify"}) {
            var practitioner = http.withBasicAuth("practitioner", "demo").postForEntity(path, body, Map.class);
            assertThat(practitioner.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        var admin = http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/identity/verify", body, Map.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody()).containsEntry("authenticated", true);
    }

    @Test
    void wrongPasswordsThroughIdentityVerifyAreThrottledInsideTheEngine() {
        var wrong = Map.of("username", "legal", "password", "wrong");
        for (int attempt = 1; attempt <= 3; attempt++) {
            http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/identity/verify", wrong, Map.class);
        }
        var right = Map.of("username", "legal", "password", "demo");
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/identity/verify", right, Map.class).getBody())
                .containsEntry("authenticated", false);
        clock.move(Duration.ofSeconds(1));
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/identity/verify", right, Map.class).getBody())
                .containsEntry("authenticated", true);
        assertThat(identity.checkPassword("legal", "demo")).isTrue();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> basic(String user, String password) {
        return http.withBasicAuth(user, password).getForEntity("/engine-rest/user/" + user + "/profile", Map.class);
    }

    /** The web apps' login form, as the Tasklist's login page posts it. */
    static final class TasklistLogin {
        static HttpStatus status(TestRestTemplate http, String user, String password) {
            var page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
            var headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                    .map(c -> c.split(";", 2)[0]).toList()));
            headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            var form = new LinkedMultiValueMap<String, String>();
            form.add("username", user);
            form.add("password", password);
            return HttpStatus.valueOf(http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                    new HttpEntity<>(form, headers), String.class).getStatusCode().value());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    static class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
