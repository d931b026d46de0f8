package org.carepath.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.regex.Pattern;

/** The benchmarks' social worker: takes referrals and screens them over HTTP, as the API's clients do. */
final class PractitionerClient {

    private static final Pattern PROCESS_INSTANCE = Pattern.compile("\"processInstanceId\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String givenName;

    /** @param givenName the children's given name, telling one benchmark's children from another's */
    PractitionerClient(int port, String givenName) {
        this.port = port;
        this.givenName = givenName;
    }

    /** Takes the i-th referral through {@code POST /api/referrals}; answers its journey's process instance. */
    String postReferral(int i, OffsetDateTime receivedAt) throws Exception {
        var body = """
                {"child": {"givenName": "%s", "familyName": "Child-%d", "gender": "NOT_KNOWN"},
                 "receivedAt": "%s", "source": "SCHOOL", "concerns": "Benchmark referral.",
                 "referrer": {"name": "Benchmark"}}""".formatted(givenName, i + (long) port * 100_000, receivedAt.withNano(0));
        var response = http.send(request("/api/referrals").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var match = PROCESS_INSTANCE.matcher(response.body());
        assertThat(match.find()).isTrue();
        return match.group(1);
    }

    /** Completes a screening task through {@code /engine-rest} with no further action; answers the task's id. */
    String completeScreening(String taskId) throws Exception {
        var body = """
                {"variables": {"ragRating": {"value": "green"}, "screeningDecision": {"value": "no-further-action"},
                 "screeningRationale": {"value": "Benchmark: information only."}}}""";
        var response = http.send(request("/engine-rest/task/" + taskId + "/complete").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        return taskId;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("practitioner:demo".getBytes(StandardCharsets.UTF_8)));
    }
}
