package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.carepath.CarePathTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two administrators changing one sitting, each on what they saw: the second is told who changed it first and nothing
 * of theirs is recorded, instead of their change silently replacing the first.
 */
@CarePathTest
class PanelSittingEditsTest extends PanelTestSupport {

    static final int ROUNDS = 5;

    @Autowired
    JdbcTemplate jdbc;

    private ExecutorService pool;

    @BeforeEach
    void twoAdministrators() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void done() {
        pool.shutdownNow();
    }

    @Test
    void ofTwoAdministratorsReschedulingOneSittingFromTheSameVersionAtOnceOneIsRecordedAndTheOtherIsTold() throws Exception {
        clockAt("2091-01-02T10:00");
        for (int round = 0; round < ROUNDS; round++) {
            var sitting = id(sitting("PERMANENCE", "2091-02-%02d".formatted(round + 1), null, List.of()));
            long seen = version(sitting);
            var users = List.of(ADMINISTRATOR, "admin");
            var dates = List.of("2091-03-%02d".formatted(round + 1), "2091-04-%02d".formatted(round + 1));
            var ready = new CountDownLatch(2);
            var go = new CountDownLatch(1);
            var results = new ArrayList<Future<ResponseEntity<Map<String, Object>>>>();
            for (int i = 0; i < 2; i++) {
                int who = i;
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call(users.get(who), HttpMethod.POST, "/api/panel-sittings/" + sitting + "/rescheduling",
                            Map.of("date", dates.get(who), "time", "10:00", "reason", "Moved by " + users.get(who), "version", seen));
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            var statuses = new ArrayList<Integer>();
            String winnersDate = null;
            String refusal = null;
            for (int i = 0; i < 2; i++) {
                var response = results.get(i).get(30, TimeUnit.SECONDS);
                statuses.add(response.getStatusCode().value());
                if (response.getStatusCode().value() == 200) {
                    winnersDate = dates.get(i);
                } else {
                    refusal = (String) response.getBody().get("detail");
                }
            }
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            var winner = winnersDate.equals(dates.get(0)) ? users.get(0) : users.get(1);
            assertThat(refusal).startsWith("The sitting on ").contains(" was changed by " + winner + " at ")
                    .contains("after you opened it: nothing you sent was recorded");
            var stored = jdbc.queryForMap("select sitting_date, rescheduled_reason, version, changed_by from panel_sitting where id = ?", sitting);
            assertThat(stored.get("sitting_date")).hasToString(winnersDate);
            assertThat(stored.get("rescheduled_reason")).isEqualTo("Moved by " + winner);
            assertThat(stored.get("changed_by")).isEqualTo(winner);
            assertThat(((Number) stored.get("version")).longValue()).isEqualTo(seen + 1);
        }
    }

    @Test
    void aChangeOnAVersionSinceChangedIsRefusedAndChangesNothingWhileOneOnTheCurrentVersionOrNoneIsMade() {
        clockAt("2091-06-01T10:00");
        var chair = member("Edith Edits", "CHAIR", "2099-03-31", "PERMANENCE");
        var sitting = id(sitting("PERMANENCE", "2091-06-20", null, List.of()));
        long first = version(sitting);

        var invited = call("admin", HttpMethod.POST, "/api/panel-sittings/" + sitting + "/invitations",
                Map.of("members", List.of(chair), "version", first));
        assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Number) invited.getBody().get("version")).longValue()).isEqualTo(first + 1);

        for (var change : List.of(
                Map.entry("cancellation", Map.<String, Object>of("reason", "Chair unwell")),
                Map.entry("rescheduling", Map.<String, Object>of("date", "2091-07-01", "time", "10:00", "reason", "Room taken")),
                Map.entry("invitations", Map.<String, Object>of("members", List.of(chair))))) {
            var body = new HashMap<>(change.getValue());
            body.put("version", first);
            var refused = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + sitting + "/" + change.getKey(), body);
            assertThat(refused.getStatusCode()).as(change.getKey()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat((String) refused.getBody().get("detail")).contains("was changed by admin at ");
        }
        var stored = jdbc.queryForMap("select status, sitting_date, version from panel_sitting where id = ?", sitting);
        assertThat(stored.get("status")).isEqualTo("SCHEDULED");
        assertThat(stored.get("sitting_date")).hasToString("2091-06-20");
        assertThat(((Number) stored.get("version")).longValue()).isEqualTo(first + 1);

        var onTheCurrent = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + sitting + "/rescheduling",
                Map.of("date", "2091-07-01", "time", "10:00", "reason", "Room taken", "version", first + 1));
        assertThat(onTheCurrent.getStatusCode()).isEqualTo(HttpStatus.OK);
        var withoutAVersion = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + sitting + "/cancellation",
                Map.of("reason", "No cases"));
        assertThat(withoutAVersion.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withoutAVersion.getBody()).containsEntry("status", "CANCELLED");
        assertThat(((Number) withoutAVersion.getBody().get("version")).longValue()).isEqualTo(first + 3);
    }

    @Test
    void aNegativeVersionIsBadInputNamingTheField() {
        clockAt("2091-08-01T10:00");
        var sitting = id(sitting("PERMANENCE", "2091-08-20", null, List.of()));
        var refused = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + sitting + "/cancellation",
                Map.of("reason", "Chair unwell", "version", -1));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("version");
        assertThat(jdbc.queryForObject("select status from panel_sitting where id = ?", String.class, sitting)).isEqualTo("SCHEDULED");
    }

    private long version(long sitting) {
        var read = call(ADMINISTRATOR, HttpMethod.GET, "/api/panel-sittings/" + sitting, null);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((Number) read.getBody().get("version")).longValue();
    }
}
