package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two administrators book the last place on a sitting at the same moment: one gets it, the other is told it is full. */
@CarePathTest
class PanelBookingRaceTest extends PanelTestSupport {

    static final int ROUNDS = 8;

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
    void theLastPlaceGoesToExactlyOneOfTwoAdministratorsBookingAtOnce() throws Exception {
        clockAt("2089-01-02T10:00");
        for (int round = 0; round < ROUNDS; round++) {
            var sitting = id(sitting("PERMANENCE", "2089-02-%02d".formatted(round + 1), 2, List.of()));
            assertThat(book(ADMINISTRATOR, sitting, newChild()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            var children = List.of(newChild(), newChild());
            var users = List.of(ADMINISTRATOR, "admin");
            var ready = new CountDownLatch(2);
            var go = new CountDownLatch(1);
            var results = new ArrayList<Future<ResponseEntity<java.util.Map<String, Object>>>>();
            for (int i = 0; i < 2; i++) {
                int who = i;
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return book(users.get(who), sitting, children.get(who));
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            var statuses = new ArrayList<HttpStatus>();
            var messages = new ArrayList<String>();
            for (var result : results) {
                var response = result.get(30, TimeUnit.SECONDS);
                statuses.add(HttpStatus.valueOf(response.getStatusCode().value()));
                if (response.getStatusCode().value() == 409) {
                    messages.add((String) response.getBody().get("detail"));
                }
            }
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
            assertThat(messages).singleElement().asString().startsWith("The sitting on ").contains(" is full (2 of 2 cases); ");
            assertThat(jdbc.queryForObject("select count(*) from panel_booking where sitting_id = ? and status = 'BOOKED'",
                    Long.class, sitting)).isEqualTo(2);
        }
    }
}
