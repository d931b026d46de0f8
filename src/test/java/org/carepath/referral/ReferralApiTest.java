package org.carepath.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/referrals} and the child's record over HTTP: what is accepted, what is refused, and atomicity. */
@CarePathTest
class ReferralApiTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;

    @Test
    void aReferralForANewChildIsRecordedAndStartsScreening() {
        clockAt("2026-04-02T10:00");
        var response = post("practitioner", referral(newChild("Mia", "Okoro", "2019-02-11"), "2026-04-01T17:20:00+01:00"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var reference = (String) response.getBody().get("childReference");
        assertThat(reference).matches("C-\\d{6}");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/children/" + reference);
        assertThat(response.getBody().get("processInstanceId")).isNotNull();

        var child = get("practitioner", "/api/children/" + reference, Map.class);
        assertThat(child.getBody()).containsEntry("givenName", "Mia").containsEntry("familyName", "Okoro")
                .containsEntry("dateOfBirth", "2019-02-11").containsEntry("legalStatus", "NOT_LOOKED_AFTER");
        var referrals = get("practitioner", "/api/children/" + reference + "/referrals", List.class);
        assertThat(referrals.getBody()).singleElement().satisfies(r -> assertThat(asMap(r))
                .containsEntry("source", "HEALTH").containsEntry("recordedBy", "practitioner"));
        var deadlines = get("practitioner", "/api/children/" + reference + "/deadlines", List.class);
        assertThat(deadlines.getBody()).singleElement().satisfies(d -> assertThat(asMap(d))
                .containsEntry("timescale", "REFERRAL_DECISION")
                .containsEntry("triggerDate", "2026-04-01")
                .containsEntry("dueDate", "2026-04-02")
                .containsEntry("status", "WARNING"));
    }

    @Test
    void aReferralForAKnownChildUsesTheirRecord() {
        clockAt("2026-04-02T10:00");
        var first = post("practitioner", referral(newChild("Leo", "Brennan", "2016-07-30"), "2026-04-02T08:00:00+01:00"));
        var reference = (String) first.getBody().get("childReference");

        var second = post("team-manager", referral(Map.of("reference", reference), "2026-04-02T09:00:00+01:00"));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody()).containsEntry("childReference", reference);
        assertThat(get("practitioner", "/api/children/" + reference + "/referrals", List.class).getBody()).hasSize(2);
    }

    @Test
    void missingAndInvalidFieldsAreEachNamedAndNothingIsStored() {
        clockAt("2026-04-02T10:00");
        var before = counts();
        var body = Map.of(
                "child", Map.of("givenName", " ", "dateOfBirth", "2027-01-01", "gender", "BOY"),
                "receivedAt", "yesterday",
                "source", "CARRIER_PIGEON",
                "concerns", "",
                "referrer", Map.of("email", "not-an-email"));

        var response = post("practitioner", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("title", "Invalid request").containsEntry("status", 400);
        assertThat(fields(response.getBody())).containsExactlyInAnyOrder("child.givenName", "child.familyName",
                "child.dateOfBirth", "child.gender", "receivedAt", "source", "concerns", "referrer.name", "referrer.email");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aReceivedTimeInTheFutureOrWithoutAnOffsetIsRefused() {
        clockAt("2026-04-02T10:00");
        var future = post("practitioner", referral(newChild("Ava", "Future", null), "2026-04-02T12:00:00+01:00"));
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(future.getBody())).containsEntry("receivedAt", "must not be in the future");

        var noOffset = post("practitioner", referral(newChild("Ava", "Local", null), "2026-04-02T08:00:00"));
        assertThat(noOffset.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(noOffset.getBody())).containsExactly("receivedAt");
    }

    @Test
    void aReferenceAndNewDetailsTogetherAreRefused() {
        var response = post("practitioner", referral(Map.of("reference", "C-000001", "givenName", "Someone"), "2026-04-02T08:00:00+01:00"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response.getBody())).containsExactly("child.reference");
    }

    @Test
    void anUnknownChildIsNotFoundAndAMalformedReferenceIsInvalid() {
        clockAt("2026-04-02T10:00");
        var unknown = post("practitioner", referral(Map.of("reference", "C-999999"), "2026-04-02T08:00:00+01:00"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) unknown.getBody().get("detail")).contains("C-999999");

        var malformed = post("practitioner", referral(Map.of("reference", "123"), "2026-04-02T08:00:00+01:00"));
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(malformed.getBody())).containsEntry("child.reference", "must look like C-000123");

        assertThat(get("practitioner", "/api/children/C-999999", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("practitioner", "/api/children/C-999999/deadlines", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("practitioner", "/api/children/C-999999/alerts", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theSameChildTwiceIsAConflictNamingTheExistingRecord() {
        clockAt("2026-04-02T10:00");
        var first = post("practitioner", referral(newChild("Noah", "Whitley", "2020-10-10"), "2026-04-02T08:00:00+01:00"));
        var before = counts();

        var again = post("practitioner", referral(newChild("noah", "WHITLEY", "2020-10-10"), "2026-04-02T09:00:00+01:00"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("detail")).contains((String) first.getBody().get("childReference"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void bodyThatIsNotJsonIsABadRequest() {
        var headers = headers("practitioner");
        var response = http.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>("{not json", headers), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("not valid JSON");
    }

    @Test
    void theRecordAndTheJourneyCommitTogetherOrNotAtAll() {
        clockAt("2026-04-02T10:00");
        var before = counts();
        repository.suspendProcessDefinitionByKey("referral-to-assessment");
        try {
            var response = post("practitioner", referral(newChild("Isla", "Rollback", "2015-03-03"), "2026-04-02T08:00:00+01:00"));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat((String) response.getBody().get("detail")).contains("nothing was recorded");
        } finally {
            repository.activateProcessDefinitionByKey("referral-to-assessment");
        }
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from child where family_name = 'Rollback'", Long.class)).isZero();
    }

    @Test
    void signingInIsRequiredAndOnlyTheFrontDoorRolesMayTakeReferrals() {
        var anonymous = http.exchange("/api/referrals", HttpMethod.POST,
                new HttpEntity<>(referral(newChild("A", "B", null), "2026-04-02T08:00:00+01:00"), jsonHeaders()), Map.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        // (not a user the rest of the test signs in as: the engine locks a user out for a few seconds after a wrong password)
        var wrong = jsonHeaders();
        wrong.setBasicAuth("personal-adviser", "wrong");
        var wrongPassword = http.exchange("/api/children/C-000001", HttpMethod.GET, new HttpEntity<>(wrong), Map.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        var iro = post("iro", referral(newChild("A", "B", null), "2026-04-02T08:00:00+01:00"));
        assertThat(iro.getStatusCode()).as("%s", iro).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(iro.getBody()).containsEntry("status", 403);

        var alerts = get("practitioner", "/api/alerts", Map.class);
        assertThat(alerts.getStatusCode()).as("%s", alerts).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("team-manager", "/api/alerts", List.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theApiIsDescribedByOpenApiToThoseSignedIn() {
        assertThat(http.getForEntity("/v3/api-docs", Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var docs = get("practitioner", "/v3/api-docs", Map.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asMap(docs.getBody().get("paths"))).containsKeys("/api/referrals", "/api/children/{reference}",
                "/api/children/{reference}/deadlines", "/api/children/{reference}/alerts", "/api/timescales");
        assertThat(get("practitioner", "/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // ----------------------------------------------------------------- helpers

    static Map<String, Object> newChild(String given, String family, String dateOfBirth) {
        var child = new java.util.HashMap<String, Object>(Map.of("givenName", given, "familyName", family, "gender", "FEMALE"));
        if (dateOfBirth != null) {
            child.put("dateOfBirth", dateOfBirth);
        }
        return child;
    }

    static Map<String, Object> referral(Map<String, Object> child, String receivedAt) {
        return Map.of("child", child, "receivedAt", receivedAt, "source", "HEALTH",
                "concerns", "Missed three health appointments; weight falling.",
                "referrer", Map.of("name", "Dr Ruth Ellis", "organisation", "Northgate Surgery", "role", "GP"));
    }

    @SuppressWarnings("unchecked")
    private org.springframework.http.ResponseEntity<Map<String, Object>> post(String user, Object body) {
        return (org.springframework.http.ResponseEntity<Map<String, Object>>) (Object) http.exchange("/api/referrals",
                HttpMethod.POST, new HttpEntity<>(body, headers(user)), Map.class);
    }

    private <T> org.springframework.http.ResponseEntity<T> get(String user, String path, Class<T> type) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), type);
    }

    private static HttpHeaders jsonHeaders() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static HttpHeaders headers(String user) {
        var headers = jsonHeaders();
        headers.setBasicAuth(user, "demo");
        return headers;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, String>>) problem.get("errors")).stream().map(e -> e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> errors(Map<String, Object> problem) {
        var result = new java.util.HashMap<String, String>();
        ((List<Map<String, String>>) problem.get("errors")).forEach(e -> result.put(e.get("field"), e.get("message")));
        return result;
    }

    private List<Long> counts() {
        return List.of(
                jdbc.queryForObject("select count(*) from child", Long.class),
                jdbc.queryForObject("select count(*) from referral", Long.class),
                jdbc.queryForObject("select count(*) from deadline", Long.class),
                jdbc.queryForObject("select count(*) from act_ru_execution", Long.class));
    }
}
