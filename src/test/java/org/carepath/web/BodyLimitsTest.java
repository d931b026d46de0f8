package org.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.carepath.CarePathTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A body over its route's limit is refused with 413 before it is read (issue 9, item 7). */
@CarePathTest
class BodyLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate database;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aTwoMegabyteReferralIsRefusedAndNothingIsWritten() throws Exception {
        long children = database.queryForObject("select count(*) from child", Long.class);
        var concerns = "x".repeat(2 * 1024 * 1024);
        var body = BadInputTest.json(BadInputTest.referral(concerns)).getBytes(StandardCharsets.UTF_8);

        var answer = send("/api/referrals", HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"status\":413");
        assertThat(database.queryForObject("select count(*) from child", Long.class)).isEqualTo(children);
    }

    @Test
    void theApiTakesAQuarterOfAMegabyteTheEngineRestAMegabyte() throws Exception {
        var third = "{\"variables\":{\"a\":{\"value\":\"" + "x".repeat(300 * 1024) + "\"}}}";
        assertThat(send("/api/referrals", HttpRequest.BodyPublishers.ofString(third)).statusCode()).isEqualTo(413);
        assertThat(send("/engine-rest/task/no-such-task/complete", HttpRequest.BodyPublishers.ofString(third)).statusCode())
                .as("within the engine REST's limit: read, and the engine looks for the task").isNotEqualTo(413);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedToo() throws Exception {
        var variables = new StringBuilder("{\"variables\":{");
        for (int i = 0; variables.length() < 3 * 1024 * 1024; i++) {
            variables.append(i == 0 ? "" : ",").append("\"v").append(i).append("\":{\"value\":").append(i).append('}');
        }
        var body = variables.append("}}").toString().getBytes(StandardCharsets.UTF_8);
        // a stream of unknown length goes chunked, without Content-Length
        var chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));

        var answer = send("/engine-rest/task/no-such-task/complete", chunked);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("\"status\":413");

        var small = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                BadInputTest.json(Map.of("variables", Map.of())).getBytes(StandardCharsets.UTF_8)));
        var read = send("/engine-rest/task/no-such-task/complete", small);
        assertThat(read.statusCode()).as("a chunked body within the limit is read as usual").isNotEqualTo(413);
        assertThat(read.body()).as("passed on to the engine REST").doesNotContain("\"status\":413");
    }

    private HttpResponse<String> send(String path, HttpRequest.BodyPublisher body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("practitioner:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
