package org.carepath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.variable.value.StringValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A long text (a referral's concerns, a worker's rationale) is kept whole up to the limit the API and the
 * form state, although the engine's text column holds 4,000 characters; processes, forms and the REST
 * API still see an ordinary String.
 */
@CarePathTest
class LongTextTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(ints = {4001, 20000})
    void aReferralsConcernsAreKeptWholeUpToTheApisLimit(int length) {
        var concerns = text(length);
        clockAt("2026-04-02T10:00");

        var taken = referral("Lee", "Long-" + length, concerns);

        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var processInstanceId = (String) taken.getBody().get("processInstanceId");
        var screening = task(processInstanceId, "Task_ScreenContact").getId();
        var read = send(HttpMethod.GET, "/engine-rest/task/" + screening + "/variables/referralConcerns", null, Map.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("type", "String").containsEntry("value", concerns);
        assertThat(engine.getRuntimeService().<StringValue>getVariableTyped(processInstanceId, "referralConcerns").getValue()).isEqualTo(concerns);
    }

    @ParameterizedTest
    @ValueSource(ints = {4001, 20000})
    void aTaskCompletedThroughTheEngineRestApiKeepsItsLongAnswerWhole(int length) {
        var rationale = text(length);
        clockAt("2026-04-02T10:00");
        var taken = referral("Kim", "Screened-" + length, "Police called overnight.");
        var processInstanceId = (String) taken.getBody().get("processInstanceId");
        var screening = task(processInstanceId, "Task_ScreenContact").getId();
        assertThat(send(HttpMethod.POST, "/engine-rest/task/" + screening + "/claim", Map.of("userId", "practitioner"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        var completed = send(HttpMethod.POST, "/engine-rest/task/" + screening + "/complete", Map.of("variables", Map.of(
                "ragRating", Map.of("value", "amber"), "screeningDecision", Map.of("value", "assessment"),
                "screeningRationale", Map.of("value", rationale))), String.class);

        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "screeningRationale")).isEqualTo(rationale);
        var history = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName("screeningRationale").singleResult();
        assertThat(history.getTypeName()).isEqualTo("string");
        assertThat(history.getValue()).isEqualTo(rationale);
    }

    /** Every text field of every form whose stated limit is past the engine's 4,000-character column. */
    static Stream<Arguments> longFormFields() throws IOException {
        var fields = new ArrayList<Arguments>();
        for (var form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (var in = form.getInputStream()) {
                for (var field : new ObjectMapper().readTree(in).findParents("key")) {
                    var max = field.path("validate").path("maxLength");
                    if (max.isNumber() && max.asInt() > 4000) {
                        fields.add(Arguments.of(form.getFilename(), field.get("key").asText(), max.asInt()));
                    }
                }
            }
        }
        return fields.stream();
    }

    @ParameterizedTest(name = "{0}: {1} at {2} characters")
    @MethodSource("longFormFields")
    void everyLongFormFieldIsKeptWholeAtItsLimit(String form, String key, int limit) {
        clockAt("2026-04-02T10:00");
        var taken = referral("Fay", "Field-" + (form + key).hashCode(), "Police called overnight.");
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var processInstanceId = (String) taken.getBody().get("processInstanceId");
        var answer = text(limit);

        engine.getRuntimeService().setVariable(processInstanceId, key, answer);

        assertThat(engine.getRuntimeService().<StringValue>getVariableTyped(processInstanceId, key).getValue()).isEqualTo(answer);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(key).singleResult().getValue()).isEqualTo(answer);
    }

    @Test
    void shortTextsStayInTheEnginesTextColumnAndCanBeFoundByValueLongOnesCannot() {
        clockAt("2026-04-02T10:00");
        var taken = referral("Ash", "Query", "Police called overnight.");
        var processInstanceId = (String) taken.getBody().get("processInstanceId");
        var runtime = engine.getRuntimeService();
        runtime.setVariable(processInstanceId, "shortNote", text(4000));
        runtime.setVariable(processInstanceId, "longNote", text(4001));

        assertThat(runtime.createVariableInstanceQuery().variableValueEquals("shortNote", text(4000)).count()).isOne();
        // A long text is kept in the byte-array table, which queries by value do not search: it is not found (no error).
        assertThat(runtime.createVariableInstanceQuery().variableValueEquals("longNote", text(4001)).count()).isZero();
        assertThat(runtime.getVariable(processInstanceId, "longNote")).isEqualTo(text(4001));
    }

    // ----------------------------------------------------------------- helpers

    /** Text of the given length with a marker at its end, so a cut shows. */
    private static String text(int length) {
        var marker = "[end of text]";
        return "Seen at home; ".repeat(length / 14 + 1).substring(0, length - marker.length()) + marker;
    }

    /** A referral taken through the API, received at 09:30 on 2 April 2026, about a new child. */
    private ResponseEntity<Map> referral(String givenName, String familyName, String concerns) {
        return send(HttpMethod.POST, "/api/referrals", Map.of(
                "child", Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth", "2016-03-01", "gender", "FEMALE"),
                "receivedAt", "2026-04-02T09:30:00+01:00", "source", "POLICE", "concerns", concerns,
                "referrer", Map.of("name", "PC Dan Hill")), Map.class);
    }

    private <T> ResponseEntity<T> send(HttpMethod method, String path, Object body, Class<T> answer) {
        var headers = new HttpHeaders();
        headers.setBasicAuth("practitioner", "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), answer);
    }
}
