package org.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.carepath.CarePathTest;
import org.carepath.TasklistSession;
import org.carepath.ProcessTestSupport;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/** Each bad input that answered 500 on main (issue 9, item 8): now a problem detail with the right status. */
@CarePathTest
class BadInputTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate database;

    @Test
    void anUnknownTimescaleIsNotFound() {
        var answer = get("practitioner", "/api/timescales/NO_SUCH_TIMESCALE/due?trigger=2026-01-05");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDateAtTheEndOfTimeIsRefusedNamingTheParameter() {
        assertInvalid(get("practitioner", "/api/timescales/ASSESSMENT/due?trigger=%2B999999999-12-31"), "trigger");
        assertInvalid(get("practitioner", "/api/timescales/ASSESSMENT/due?trigger=-999999999-01-01"), "trigger");
        assertInvalid(get("admin", "/api/audit?from=%2B999999999-12-31T00:00:00Z"), "from");
        assertInvalid(get("admin", "/api/audit?to=-999999999-01-01T00:00:00Z"), "to");
    }

    @Test
    void aDateAtTheEndOfTimeInABodyIsRefusedNamingTheField() {
        var referral = referral("Missed appointments.");
        referral.put("child", Map.of("givenName", "Ada", "familyName", "Nul", "gender", "FEMALE", "dateOfBirth", "-999999999-01-01"));
        assertInvalid(post("practitioner", "/api/referrals", json(referral), MediaType.APPLICATION_JSON), "child.dateOfBirth");
    }

    @Test
    void aNulCharacterIsRefusedInABodyAndInAQuery() {
        assertInvalid(post("practitioner", "/api/referrals", json(referral("Bruising\u0000 on arms")), MediaType.APPLICATION_JSON),
                "concerns");
        assertInvalid(get("practitioner", "/api/children?name=Smi%00th"), "name");
        assertInvalid(get("admin", "/api/audit?user=prac%00titioner"), "user");
    }

    @Test
    void aBodyOfAnyContentTypeIsUnsupported() {
        var answer = post("practitioner", "/api/referrals", json(referral("Missed appointments.")), MediaType.ALL);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDuplicateJsonKeyIsRefused() {
        var body = json(referral("Missed appointments.")).replaceFirst("\\{", "{\"source\":\"POLICE\",");
        var answer = post("practitioner", "/api/referrals", body, MediaType.APPLICATION_JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) answer.getBody().get("detail")).contains("Duplicate field 'source'");
    }

    @Test
    void claimingATaskSomebodyHasAlreadyClaimedIsAConflict() {
        var referral = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        var task = task(referral.processInstanceId(), "Task_ScreenContact");
        var path = "/engine-rest/task/" + task.getId() + "/claim";
        assertThat(post("practitioner", path, "{\"userId\":\"practitioner\"}", MediaType.APPLICATION_JSON).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        var again = post("admin", path, "{\"userId\":\"admin\"}", MediaType.APPLICATION_JSON);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getBody()).containsEntry("status", 409);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("practitioner");

        var headers = TasklistSession.signIn(http, "admin").headers(true);
        var throughTheTasklist = http.exchange("/camunda/api/engine/engine/default/task/" + task.getId() + "/claim", HttpMethod.POST,
                new HttpEntity<>(Map.of("userId", "admin"), headers), String.class);
        assertThat(throughTheTasklist.getStatusCode()).as("the Tasklist's own API too").isEqualTo(HttpStatus.CONFLICT);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("practitioner");
    }

    @Test
    void aPercentEncodedReferenceIsAuditedAsTheChildsDeadlines() {
        var child = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString()).childReference();
        var encoded = child.replace("-", "%2D");
        assertThat(raw("admin", "/api/children/" + encoded + "/deadlines").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(database.queryForObject("select subject from audit_event where child_reference = ? order by id desc limit 1",
                String.class, child)).isEqualTo("deadlines");
    }

    @Test
    void aReferenceNoChildHasIsNotFoundBeforeItIsAudited() {
        for (var reference : List.of("C-999999", "C" + "x".repeat(40), "C%2F000001")) {
            var answer = raw("admin", "/api/children/" + reference + "/deadlines");
            assertThat(answer.getStatusCode()).as(reference).isIn(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
        }
        assertThat(database.queryForObject("select count(*) from audit_event where child_reference = 'C-999999'", Long.class)).isZero();
    }

    // ----------------------------------------------------------------- helpers

    static void assertInvalid(ResponseEntity<Map<String, Object>> answer, String field) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        @SuppressWarnings("unchecked")
        var errors = (List<Map<String, Object>>) answer.getBody().get("errors");
        assertThat(errors).as("%s", answer.getBody()).extracting(error -> error.get("field")).contains(field);
    }

    static Map<String, Object> referral(String concerns) {
        var referral = new java.util.LinkedHashMap<String, Object>();
        referral.put("child", Map.of("givenName", "Ada", "familyName", "Lovelace", "gender", "FEMALE", "dateOfBirth", "2018-05-01"));
        referral.put("receivedAt", "2026-01-05T10:15:00Z");
        referral.put("source", "HEALTH");
        referral.put("concerns", concerns);
        referral.put("referrer", Map.of("name", "Dr Ruth Ellis", "organisation", "Northgate Surgery", "role", "GP"));
        return referral;
    }

    static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        var request = RequestEntity.get(URI.create(path)).headers(h -> h.setBasicAuth(user, "demo")).build();
        return (ResponseEntity) http.exchange(request, Map.class);
    }

    private ResponseEntity<String> raw(String user, String path) {
        return http.exchange(RequestEntity.get(URI.create(path)).headers(h -> h.setBasicAuth(user, "demo")).build(), String.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Map<String, Object>> post(String user, String path, String body, MediaType type) {
        var request = RequestEntity.method(HttpMethod.POST, URI.create(path)).headers(h -> {
            h.setBasicAuth(user, "demo");
            h.set(HttpHeaders.CONTENT_TYPE, type.toString());
        }).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (ResponseEntity) http.exchange(request, Map.class);
    }
}
