package org.carepath.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of issue 17, part 1: the packaged app ({@code target/carepath.jar}, built by {@code package}) runs as
 * a separate process on its own embedded PostgreSQL (a temporary data directory, a free port), takes referrals from a
 * few senders, and is killed with SIGKILL at a random moment (0 to 3 s after its first 201), again and again, each time restarted on the same data.
 * Every referral answered 201 must be there afterwards with its process instance; no referral without its journey,
 * no journey without its referral, no child without a referral. At the end a normal stop (SIGTERM) must stop the
 * embedded PostgreSQL too.
 * <p>
 * Tagged {@code fault}: not in {@code ./mvnw test}; {@code ./mvnw verify} runs it after the jar is built (the
 * {@code fault-tests} execution in pom.xml). Trials: {@code -Dcarepath.crash.trials} (default 5), seed:
 * {@code -Dcarepath.crash.seed}.
 */
@Tag("fault")
class CrashRecoveryTest {

    private static final Pattern CREATED = Pattern.compile(
            "\"childReference\"\\s*:\\s*\"(C-\\d+)\".*\"referralId\"\\s*:\\s*(\\d+).*\"processInstanceId\"\\s*:\\s*\"([^\"]+)\"");
    private static final int SENDERS = 3;

    @TempDir
    Path temp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Acknowledged> acknowledged = new ArrayList<>();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger otherAnswers = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();

    record Acknowledged(String childReference, long referralId, String processInstanceId) {
    }

    @Test
    void everyReferralAnswered201SurvivesSigkillAndTheNextStartRecoversByItself() throws Exception {
        var jar = Path.of("target", "carepath.jar").toAbsolutePath();
        assertThat(jar).as("built by ./mvnw package (the fault tests run after it in ./mvnw verify)").exists();
        int trials = Integer.getInteger("carepath.crash.trials", 5);
        long seed = Long.getLong("carepath.crash.seed", System.nanoTime());
        var random = new Random(seed);
        var data = temp.resolve("postgres");
        var logs = Path.of("target", "crash-recovery").toAbsolutePath();
        Files.createDirectories(logs);
        var startTimes = new ArrayList<Long>();

        try {
            crashAndVerify(jar, data, logs, trials, seed, random, startTimes);
        } finally {
            // whatever happened, leave no server behind on the temporary directory
            if (Files.exists(data)) {
                StalePostmaster.stopIfLeftBehind(data, Duration.ofSeconds(20));
            }
        }
    }

    private void crashAndVerify(Path jar, Path data, Path logs, int trials, long seed, Random random, List<Long> startTimes)
            throws Exception {
        for (int trial = 1; trial <= trials; trial++) {
            var app = App.start(jar, data, logs.resolve("run-" + trial + ".log"), http);
            startTimes.add(app.startedInMillis);
            var running = new AtomicBoolean(true);
            var answered = new ConcurrentLinkedQueue<Acknowledged>();
            var senders = new ArrayList<Thread>();
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                int currentTrial = trial;
                var thread = new Thread(() -> send(app.port, currentTrial, sender, running, answered), "sender-" + s);
                thread.start();
                senders.add(thread);
            }
            // a random moment once referrals are being taken (the first requests after a start are slow)
            long loadStarted = System.nanoTime();
            while (answered.isEmpty() && System.nanoTime() - loadStarted < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(3_000));
            long killAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStarted);
            app.process.destroyForcibly(); // SIGKILL: no shutdown hook, no Spring close, the postmaster is left running
            app.process.waitFor(30, TimeUnit.SECONDS);
            assertThat(data.resolve("postmaster.pid")).as("the killed app's PostgreSQL is left running, as after a real crash").exists();
            running.set(false);
            for (var thread : senders) {
                thread.join(10_000);
            }
            acknowledged.addAll(answered);
            System.out.printf("crash trial %d: up in %d ms, killed after %d ms of load, %d acknowledged so far%n",
                    trial, app.startedInMillis, killAfter, acknowledged.size());
        }

        var app = App.start(jar, data, logs.resolve("run-final.log"), http);
        startTimes.add(app.startedInMillis);
        int found = 0;
        int withJourney = 0;
        var lost = new ArrayList<Acknowledged>();
        try {
            for (var referral : acknowledged) {
                var referrals = get(app.port, "practitioner", "/api/children/" + referral.childReference() + "/referrals");
                boolean there = referrals.statusCode() == 200
                        && referrals.body().matches("(?s).*\"id\"\\s*:\\s*" + referral.referralId() + "\\s*,.*")
                        && referrals.body().contains("\"processInstanceId\":\"" + referral.processInstanceId() + "\"");
                var journey = get(app.port, "admin", "/engine-rest/history/process-instance/" + referral.processInstanceId());
                if (there) {
                    found++;
                } else {
                    lost.add(referral);
                }
                if (journey.statusCode() == 200 && journey.body().contains("\"processDefinitionKey\":\"referral-to-assessment\"")) {
                    withJourney++;
                }
            }
            var halfWritten = halfWritten(data);
            System.out.printf("CrashRecoveryTest figures: trials %d, seed %d, requests sent %d, acknowledged (201) %d, found %d,"
                            + " with their process instance %d, lost %d, 5xx answers %d, other answers %d, unanswered (killed mid-request) %d,"
                            + " referrals without a journey %d, journeys without a referral %d, children without a referral %d,"
                            + " start times after each crash (ms) %s%n",
                    trials, seed, sent.get(), acknowledged.size(), found, withJourney, lost.size(), serverErrors.get(),
                    otherAnswers.get(), unanswered.get(), halfWritten[0], halfWritten[1], halfWritten[2], startTimes);

            assertThat(acknowledged).as("referrals were taken between kills").isNotEmpty();
            assertThat(lost).as("every referral answered 201 is still there").isEmpty();
            assertThat(withJourney).as("each with its process instance").isEqualTo(acknowledged.size());
            assertThat(halfWritten).as("nothing half-written: referrals without a journey, journeys without a referral, children without a referral")
                    .containsExactly(0, 0, 0);
            assertThat(serverErrors.get()).as("no 5xx answers").isZero();
        } finally {
            app.stop();
        }
        // a normal stop stops the embedded PostgreSQL too
        var postmaster = Files.exists(data.resolve("postmaster.pid"))
                ? ProcessHandle.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip())) : java.util.Optional.<ProcessHandle>empty();
        assertThat(postmaster.filter(ProcessHandle::isAlive)).as("after SIGTERM, no embedded PostgreSQL is left running").isEmpty();
    }

    private void send(int port, int trial, int sender, AtomicBoolean running, ConcurrentLinkedQueue<Acknowledged> answered) {
        int n = 0;
        while (running.get()) {
            n++;
            var family = "Crash-" + trial + "-" + sender + "-" + n + "-" + Long.toString(System.nanoTime(), 36);
            var body = """
                    {"child": {"givenName": "Sam", "familyName": "%s", "gender": "FEMALE", "dateOfBirth": "2017-03-04"},
                     "receivedAt": "%s", "source": "HEALTH", "concerns": "Missed three health appointments; weight falling.",
                     "referrer": {"name": "Dr Ruth Ellis", "organisation": "Northgate Surgery", "role": "GP"}}"""
                    .formatted(family, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", basic("practitioner")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            sent.incrementAndGet();
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    var matcher = CREATED.matcher(response.body());
                    assertThat(matcher.find()).as(response.body()).isTrue();
                    answered.add(new Acknowledged(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3)));
                } else if (response.statusCode() >= 500) {
                    serverErrors.incrementAndGet();
                    System.out.println("5xx: " + response.statusCode() + " " + response.body());
                } else {
                    otherAnswers.incrementAndGet();
                    System.out.println("answered " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                unanswered.incrementAndGet(); // the app was killed while this request was in flight
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpResponse<String> get(int port, String user, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Straight from the database, as its superuser: referrals without a journey, journeys without a referral, children without a referral. */
    static int[] halfWritten(Path data) throws Exception {
        var pid = Files.readAllLines(data.resolve("postmaster.pid"));
        var port = pid.get(3).strip();
        var password = Files.readString(data.resolve(EmbeddedPostgresConfiguration.SUPERUSER_PASSWORD_FILE)).strip();
        try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/carepath", "postgres", password);
             var statement = connection.createStatement()) {
            var counts = new int[3];
            var queries = new String[] {
                    "select count(*) from referral r where not exists (select 1 from act_hi_procinst p where p.id_ = r.process_instance_id)",
                    "select count(*) from act_hi_procinst p where p.proc_def_key_ = 'referral-to-assessment'"
                            + " and not exists (select 1 from referral r where r.process_instance_id = p.id_)",
                    "select count(*) from child c where not exists (select 1 from referral r where r.child_reference = c.reference)"};
            for (int i = 0; i < queries.length; i++) {
                try (var result = statement.executeQuery(queries[i])) {
                    result.next();
                    counts[i] = result.getInt(1);
                }
            }
            return counts;
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** The packaged app in a process of its own. */
    static final class App {
        final Process process;
        final int port;
        final long startedInMillis;

        private App(Process process, int port, long startedInMillis) {
            this.process = process;
            this.port = port;
            this.startedInMillis = startedInMillis;
        }

        static App start(Path jar, Path data, Path log, HttpClient http, String... settings) throws Exception {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m", "-jar", jar.toString(),
                    "--server.port=" + port, "--carepath.database.embedded.data-directory=" + data,
                    "--logging.level.root=warn", "--logging.level.org.carepath.database=info",
                    "--logging.level.org.springframework.boot.availability=debug", "--spring.main.banner-mode=off"));
            command.addAll(List.of(settings));
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long began = System.nanoTime();
            long deadline = began + TimeUnit.SECONDS.toNanos(180);
            // Up once Spring says it takes traffic, after the ApplicationRunners: the demo users are made after the web server
            // starts, and asking with their passwords before would count as wrong passwords.
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("CarePath did not start (exit " + process.exitValue() + "); its log, " + log + ":\n"
                            + tail(log));
                }
                if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("ACCEPTING_TRAFFIC")) {
                    return new App(process, port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new AssertionError("CarePath did not start within 180 s; its log, " + log + ":\n" + tail(log));
        }

        /** A normal stop: SIGTERM, Spring closes the context (the embedded PostgreSQL last). */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private static String tail(Path log) {
            try {
                var lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "(unreadable)";
            }
        }
    }
}
