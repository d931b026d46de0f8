package org.carepath.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CarePath's own {@code /api}, called over HTTP as a demo user (password {@code demo}), as a front-end would:
 * validation, scope, audit and the one-transaction rule all apply to the demo data as to anyone's.
 */
final class DemoApi {

    private static final String PASSWORD = "demo";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final ObjectMapper json;

    DemoApi(int port, ObjectMapper json) {
        this.base = "http://127.0.0.1:" + port;
        this.json = json;
    }

    Map<String, Object> post(String user, String path, Object body) {
        return send(user, "POST", path, body);
    }

    Map<String, Object> put(String user, String path, Object body) {
        return send(user, "PUT", path, body);
    }

    /** Sends the request; a change refused because another changed the same thing at once is sent again. */
    private Map<String, Object> send(String user, String method, String path, Object body) {
        for (int attempt = 1; ; attempt++) {
            try {
                var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return response.body().isBlank() ? Map.of() : json.readValue(response.body(), new TypeReference<>() {
                    });
                }
                var concurrent = response.statusCode() == 409 && response.body().contains("at the same time")
                        || response.statusCode() == 503;
                if (!concurrent || attempt == 5) {
                    throw new DemoSeedException(method + " " + path + " as " + user + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                Thread.sleep(50L * attempt);
            } catch (IOException e) {
                throw new DemoSeedException(method + " " + path + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoSeedException("interrupted");
            }
        }
    }
}
