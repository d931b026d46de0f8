package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.NewChild;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls of the panel API as demo users, and the members, sittings and children the tests need. */
abstract class PanelTestSupport extends ProcessTestSupport {

    static final String ADMINISTRATOR = "panel-administrator";

    @Autowired
    TestRestTemplate http;
    @Autowired
    Children children;

    String newChild() {
        var child = children.register(new NewChild("Leo", "Panel-" + System.nanoTime(), LocalDate.of(2019, 5, 5), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "New case");
        return child;
    }

    long member(String name, String role, String endsOn, String... types) {
        var body = new HashMap<String, Object>(Map.of("name", name, "role", role, "panelTypes", List.of(types),
                "appointedOn", "2024-01-01", "appointmentEndsOn", endsOn));
        if (role.equals("SOCIAL_WORKER")) {
            body.put("qualifiedOn", "2015-07-01");
        }
        var created = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-members", body);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return id(created.getBody());
    }

    Map<String, Object> sitting(String type, String date, Integer capacity, List<Long> members) {
        var body = new HashMap<String, Object>(Map.of("type", type, "date", date, "time", "10:00",
                "place", "Committee room 2, County Hall", "members", members));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        var created = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings", body);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    ResponseEntity<Map<String, Object>> book(String user, long sitting, String child) {
        return call(user, HttpMethod.POST, "/api/panel-sittings/" + sitting + "/bookings",
                Map.of("child", child, "reason", "Permanence plan for adoption, from the second looked-after review"));
    }

    Map<String, Object> get(String user, String path) {
        var response = call(user, HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static HttpEntity<Object> signedIn(String user, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange(path, method, signedIn(user, body), Map.class);
    }

    static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> refused(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        var result = new HashMap<String, String>();
        ((List<Map<String, String>>) response.getBody().get("errors")).forEach(e -> result.put(e.get("field"), e.get("message")));
        return result;
    }

    static String conflict(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CONFLICT);
        return (String) response.getBody().get("detail");
    }
}
