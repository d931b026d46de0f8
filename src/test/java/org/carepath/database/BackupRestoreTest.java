package org.carepath.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, part 8, for the embedded database without a {@code pg_dump} of its version (docs/reliability.md,
 * section 8): a cold backup, the data directory copied while CarePath is stopped, restored by starting CarePath on
 * the copy in a new place. Every child, referral, deadline and open task is found again, and a timer that came due
 * before the backup (the job executor was off) fires on the restored database.
 */
@Tag("fault")
class BackupRestoreTest {

    static final Pattern CREATED = Pattern.compile("\"childReference\"\\s*:\\s*\"(C-\\d+)\"");

    @TempDir
    Path temp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A child's referrals as the API shows them, their deadlines (timescale and due date) and the ids of their open tasks. */
    record Seen(String child, String referrals, java.util.Set<String> deadlines, java.util.Set<String> openTasks) {

        /** Everything seen before is there after; the job executor may since have added a reminder or an alert's task. */
        boolean foundIn(Seen after) {
            return referrals.equals(after.referrals) && after.deadlines.containsAll(deadlines) && after.openTasks.containsAll(openTasks);
        }
    }

    private static final Pattern DEADLINE = Pattern.compile("\\{\"timescale\":\"([^\"]+)\".*?\"dueDate\":\"([^\"]+)\"");
    private static final Pattern TASK_ID = Pattern.compile("\\{\"id\":\"([^\"]+)\"");

    @Test
    void aCopyOfTheStoppedDataDirectoryRestoresEveryRecordAndItsTimersFire() throws Exception {
        var jar = Path.of("target", "carepath.jar").toAbsolutePath();
        assertThat(jar).as("built by ./mvnw package").exists();
        var original = temp.resolve("original");
        var app = CrashRecoveryTest.App.start(jar, original, temp.resolve("original.log"), http, "--camunda.bpm.job-execution.enabled=false");
        var before = new LinkedHashMap<String, Seen>();
        String late;
        try {
            for (int i = 0; i < 5; i++) {
                var child = created(referral(http, app.port, "Backup-" + i, Instant.now().minus(1, ChronoUnit.HOURS)));
                before.put(child, seen(http, app.port, child));
            }
            // recorded a week late: its screening deadline has passed and its timer is due, unfired (no job executor)
            late = created(referral(http, app.port, "Late", Instant.now().minus(7, ChronoUnit.DAYS)));
            before.put(late, seen(http, app.port, late));
            assertThat(get(http, app.port, "admin", "/api/children/" + late + "/alerts").body()).isEqualTo("[]");
        } finally {
            app.stop(); // SIGTERM: CarePath stops its PostgreSQL cleanly
        }
        assertThat(original.resolve("postmaster.pid")).doesNotExist();

        var restored = temp.resolve("restored");
        long began = System.nanoTime();
        copy(original, restored);
        long copyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        app = CrashRecoveryTest.App.start(jar, restored, temp.resolve("restored.log"), http);
        try {
            int found = 0;
            for (var expected : before.values()) {
                var now = seen(http, app.port, expected.child());
                if (expected.foundIn(now)) {
                    found++;
                } else {
                    System.out.println("differs after restore: " + expected + " / " + now);
                }
            }
            long alertAfter = millisUntilAnAlertIsOpen(http, app.port, late);
            System.out.printf("BackupRestoreTest figures: children %d, found again with the same referrals, deadlines and open tasks %d,"
                            + " data directory copied in %d ms, the due timer fired on the restored database after %d ms%n",
                    before.size(), found, copyMillis, alertAfter);
            assertThat(found).isEqualTo(before.size());
            assertThat(alertAfter).as("the timer due before the backup fires after the restore").isNotNegative();
        } finally {
            app.stop();
        }
    }

    /** What the record and the engine say of one child: their referrals, open deadlines and open tasks (ids, names, due dates). */
    static Seen seen(HttpClient http, int port, String child) throws Exception {
        var referrals = get(http, port, "practitioner", "/api/children/" + child + "/referrals");
        var deadlines = get(http, port, "admin", "/api/children/" + child + "/deadlines");
        var tasks = get(http, port, "admin", "/engine-rest/task?processInstanceBusinessKey=" + child + "&sortBy=id&sortOrder=asc");
        assertThat(referrals.statusCode()).isEqualTo(200);
        assertThat(deadlines.statusCode()).isEqualTo(200);
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(referrals.body()).contains("\"processInstanceId\"");
        var due = new java.util.TreeSet<String>();
        DEADLINE.matcher(deadlines.body()).results().forEach(m -> due.add(m.group(1) + " " + m.group(2)));
        var ids = new java.util.TreeSet<String>();
        TASK_ID.matcher(tasks.body()).results().forEach(m -> ids.add(m.group(1)));
        assertThat(due).as(deadlines.body()).isNotEmpty();
        assertThat(ids).as(tasks.body()).isNotEmpty();
        return new Seen(child, referrals.body(), due, ids);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            paths.forEach(path -> {
                try {
                    Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static String created(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        var matcher = CREATED.matcher(answer.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static HttpResponse<String> referral(HttpClient http, int port, String family, Instant receivedAt)
            throws IOException, InterruptedException {
        var body = """
                {"child": {"givenName": "Sam", "familyName": "Restore-%s-%s", "gender": "FEMALE", "dateOfBirth": "2017-03-04"},
                 "receivedAt": "%s", "source": "HEALTH", "concerns": "Missed three health appointments; weight falling.",
                 "referrer": {"name": "Dr Ruth Ellis", "organisation": "Northgate Surgery", "role": "GP"}}"""
                .formatted(family, Long.toString(System.nanoTime(), 36), receivedAt.truncatedTo(ChronoUnit.SECONDS));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals")).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic("practitioner")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How long until the child has an open drift alert, looking every half second for 90 s; -1 if none by then. */
    static long millisUntilAnAlertIsOpen(HttpClient http, int port, String child) throws IOException, InterruptedException {
        long looking = System.nanoTime();
        while (System.nanoTime() - looking < TimeUnit.SECONDS.toNanos(90)) {
            if (get(http, port, "admin", "/api/children/" + child + "/alerts").body().contains("\"open\":true")) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - looking);
            }
            Thread.sleep(500);
        }
        return -1;
    }

    static HttpResponse<String> get(HttpClient http, int port, String user, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
