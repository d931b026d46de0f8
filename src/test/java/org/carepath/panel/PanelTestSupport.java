package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carepath.ApiTestSupport;
import org.carepath.child.Children;
import org.carepath.child.NewChild;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Calls of the panel API as demo users, and the members, sittings and children the tests need. */
abstract class PanelTestSupport extends ApiTestSupport {

    static final String ADMINISTRATOR = "panel-administrator";

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
}
