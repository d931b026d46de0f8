package org.carepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls of CarePath's API as the demo users (password {@code demo}), and reading what it answers. */
public abstract class ApiTestSupport extends ProcessTestSupport {

    @Autowired
    protected TestRestTemplate http;

    protected static HttpEntity<Object> signedIn(String user, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    protected ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange(path, method, signedIn(user, body), Map.class);
    }

    /** A GET of a list that must answer 200. */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> getList(String user, String path) {
        var response = http.exchange(path, HttpMethod.GET, signedIn(user, null), List.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) response.getBody();
    }

    /** A GET that must answer 200. */
    protected Map<String, Object> get(String user, String path) {
        var response = call(user, HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    protected static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** A 400 with problem details: each field named and its message. */
    @SuppressWarnings("unchecked")
    protected static Map<String, String> refused(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        var result = new HashMap<String, String>();
        ((List<Map<String, String>>) response.getBody().get("errors")).forEach(e -> result.put(e.get("field"), e.get("message")));
        return result;
    }

    /** A 409: its detail, for a person to read. */
    protected static String conflict(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CONFLICT);
        return (String) response.getBody().get("detail");
    }
}
