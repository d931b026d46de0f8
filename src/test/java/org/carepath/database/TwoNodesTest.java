package org.carepath.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of issue 17, part 3: two CarePath nodes on one PostgreSQL, as Camunda 7 scales out. Node A runs the
 * embedded PostgreSQL; node B is pointed at it with {@code spring.datasource.url}, as a second machine would be. Both
 * run the job executor. Referrals already past their screening deadline are sent to both nodes in turn, so every
 * one's deadline timer is due at once: each must raise exactly one drift alert, whichever node fires it, with no
 * failed job left behind, and both nodes must have fired some. A task completed through one node is gone from the
 * other at once, and a user signed in with their password is known to both (the web apps' session cookie is per
 * node: the README says to pin sessions at the load balancer).
 * <p>
 * Tagged {@code fault} (run after {@code package} by {@code ./mvnw verify}). Overdue stages: {@code -Dcarepath.nodes.stages}
 * (default 5,000, what fits 8 minutes of test time on a loaded 2-core machine; the 10,000, 12 minutes there, with
 * {@code -Dcarepath.nodes.stages=10000}); concurrent senders: {@code -Dcarepath.nodes.senders} (default 4: on 2 cores the
 * intake is bound by the processor, and 12 senders were no faster).
 */
@Tag("fault")
class TwoNodesTest {

    private static final Pattern PROCESS_INSTANCE = Pattern.compile("\"processInstanceId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TASK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path temp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void twoNodesOnOneDatabaseRaiseEveryDriftAlertOnceAndShareTheWork() throws Exception {
        var jar = Path.of("target", "carepath.jar").toAbsolutePath();
        assertThat(jar).as("built by ./mvnw package (the fault tests run after it in ./mvnw verify)").exists();
        int stages = Integer.getInteger("carepath.nodes.stages", 5_000);
        int senders = Integer.getInteger("carepath.nodes.senders", 4);
        var data = temp.resolve("postgres");
        var logs = Path.of("target", "two-nodes").toAbsolutePath();
        Files.createDirectories(logs);

        var a = CrashRecoveryTest.App.start(jar, data, logs.resolve("node-a.log"), http,
                "--camunda.bpm.generic-properties.properties.hostname=node-a");
        CrashRecoveryTest.App b = null;
        try {
            var pid = Files.readAllLines(data.resolve("postmaster.pid"));
            var jdbc = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/carepath";
            var password = Files.readString(data.resolve(EmbeddedPostgresConfiguration.SUPERUSER_PASSWORD_FILE)).strip();
            b = CrashRecoveryTest.App.start(jar, temp.resolve("node-b-unused"), logs.resolve("node-b.log"), http,
                    "--spring.datasource.url=" + jdbc, "--spring.datasource.username=postgres", "--spring.datasource.password=" + password,
                    "--camunda.bpm.generic-properties.properties.hostname=node-b");
            var ports = List.of(a.port, b.port);

            // referrals received a month ago: their screening deadline has passed, each deadline timer is due at once
            var journeys = new ConcurrentLinkedQueue<String>();
            var failures = new AtomicInteger();
            var next = new AtomicInteger();
            long sending = System.nanoTime();
            var threads = new ArrayList<Thread>();
            for (int s = 0; s < senders; s++) {
                var thread = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < stages) {
                        try {
                            journeys.add(refer(ports.get(i % 2), i));
                        } catch (Exception | AssertionError e) {
                            failures.incrementAndGet();
                            System.out.println("referral " + i + " failed: " + e);
                        }
                    }
                }, "sender-" + s);
                thread.start();
                threads.add(thread);
            }
            for (var thread : threads) {
                thread.join();
            }
            long sent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sending);
            assertThat(failures.get()).as("every referral taken, by either node").isZero();

            try (var db = DriverManager.getConnection(jdbc, "postgres", password)) {
                var ids = "'" + String.join("','", journeys) + "'";
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                long alerts = 0;
                while (System.nanoTime() < deadline) {
                    alerts = count(db, "select count(*) from drift_alert where process_instance_id in (" + ids + ")");
                    if (alerts >= stages) {
                        break;
                    }
                    Thread.sleep(500);
                }
                long drained = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sending);
                var firedBy = new LinkedHashMap<String, Long>();
                try (var statement = db.createStatement(); var result = statement.executeQuery(
                        "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and job_def_type_ = 'timer-intermediate-transition'"
                                + " and process_def_key_ = 'statutory-deadline' group by hostname_ order by hostname_")) {
                    while (result.next()) {
                        firedBy.put(result.getString(1), result.getLong(2));
                    }
                }
                long twice = count(db, "select count(*) from (select deadline_id from drift_alert group by deadline_id having count(*) > 1) twice");
                long incidents = count(db, "select count(*) from act_ru_incident");
                long retried = count(db, "select count(*) from act_hi_job_log where job_state_ = 1");
                System.out.printf("TwoNodesTest figures: overdue stages %d, referrals sent in %d ms (half to each node), drift alerts %d,"
                                + " raised twice %d, deadline timers fired by node %s, failed attempts retried %d, incidents %d,"
                                + " all alerts raised %d ms after the first referral%n",
                        stages, sent, alerts, twice, firedBy, retried, incidents, drained);
                assertThat(alerts).as("one drift alert for every overdue stage").isEqualTo(stages);
                assertThat(twice).as("none raised twice").isZero();
                assertThat(incidents).as("no job gave up (optimistic locking between the nodes is retried, never lost)").isZero();
                assertThat(firedBy).as("both nodes fired deadline timers").containsKeys("node-a", "node-b");
            }

            // a task completed through node A is gone from node B at once; both nodes know the same users
            var journey = journeys.peek();
            var onB = get(b.port, "/engine-rest/task?processInstanceId=" + journey);
            var task = TASK_ID.matcher(onB);
            assertThat(task.find()).as(onB).isTrue();
            var completed = send(a.port, "/engine-rest/task/" + task.group(1) + "/complete", """
                    {"variables": {"ragRating": {"value": "green"}, "screeningDecision": {"value": "no-further-action"},
                     "screeningRationale": {"value": "Information only."}}}""");
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
            assertThat(get(b.port, "/engine-rest/task?processInstanceId=" + journey)).doesNotContain(task.group(1));
            var again = send(b.port, "/engine-rest/task/" + task.group(1) + "/complete", "{}");
            assertThat(again.statusCode()).as("completed already, through the other node: %s", again.body()).isIn(404, 409);
        } finally {
            if (b != null) {
                b.stop();
            }
            a.stop();
            if (Files.exists(data)) {
                StalePostmaster.stopIfLeftBehind(data, Duration.ofSeconds(20));
            }
        }
    }

    private String refer(int port, int i) throws Exception {
        var receivedAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30).withNano(0);
        var response = send(port, "/api/referrals", """
                {"child": {"givenName": "Nodes", "familyName": "Child-%d-%s", "gender": "NOT_KNOWN"},
                 "receivedAt": "%s", "source": "SCHOOL", "concerns": "Two-node test referral.",
                 "referrer": {"name": "Two-node test"}}""".formatted(i, Long.toString(System.nanoTime(), 36), receivedAt));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var match = PROCESS_INSTANCE.matcher(response.body());
        assertThat(match.find()).isTrue();
        return match.group(1);
    }

    private HttpResponse<String> send(int port, String path, String body) throws Exception {
        return http.send(request(port, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(int port, String path) throws Exception {
        var response = http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("practitioner:demo".getBytes(StandardCharsets.UTF_8)));
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
