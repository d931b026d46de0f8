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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of issue 17, part 1: the packaged app ({@code target/carepath.jar}, built by {@code package}) runs as
 * a separate process on its own embedded PostgreSQL (a temporary data directory, a free port) and is killed with
 * SIGKILL at a random moment (1 to 4 s after the trial's first 201), again and again, each time restarted on the same
 * data, while
 * <ul>
 * <li>senders {@code POST /api/referrals} as the demo practitioner,</li>
 * <li>completers finish the screening ({@code Screen contact}) of every other referral just acknowledged, through
 * {@code POST /engine-rest/task/{id}/complete} as the practitioner (early help or no further action: the journey ends and
 * the decision goes on the child's record), and</li>
 * <li>timers come due while the app is down: each start has the engine's clock a week further on than the last
 * ({@link EngineClockAhead}, a test-only initializer put on the jar's class path), so every referral whose screening was
 * not done has passed its one-working-day deadline by the next start (its reminder and deadline timers, and a week later
 * the drift ladder's escalation timer, are due), and the job executor fires them while the next load runs and the next
 * kill comes.</li>
 * </ul>
 * Every other start (the 2nd, 4th, ...) is killed instead while the job executor fires the timers that came due in the
 * downtime: the test watches the job log from the moment the restarted app's database answers and kills it once some
 * of those timers have fired and some are still due (at least 3 such kills in 10).
 * After each restart (straight from the database, as its superuser): every referral answered 201 is there once with its
 * journey; every completion answered 204 is recorded once (task gone, journey ended, one decision on the child's record
 * for that task); every other acknowledged screening is still open, once; no timer fired twice, no drift ladder or alert
 * raised twice; no incident. At the end, once the due jobs have run: every timer that came due fired exactly once,
 * every deadline passed with its stage open has exactly one drift alert and no other deadline has one; the referrals
 * are found through the API too; nothing half-written; no 5xx. A normal stop (SIGTERM) then stops the embedded PostgreSQL.
 * <p>
 * Tagged {@code fault}: not in {@code ./mvnw test}; {@code ./mvnw verify} runs it after the jar is built (the
 * {@code fault-tests} execution in pom.xml). Kills: {@code -Dcarepath.crash.trials} (default 10), seed:
 * {@code -Dcarepath.crash.seed}.
 */
@Tag("fault")
class CrashRecoveryTest {

    private static final Pattern CREATED = Pattern.compile(
            "\"childReference\"\\s*:\\s*\"(C-\\d+)\".*\"referralId\"\\s*:\\s*(\\d+).*\"processInstanceId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TASK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final int SENDERS = 2;
    private static final int COMPLETERS = 2;
    /** How far the engine's clock moves on from one start to the next: past any one-working-day deadline, even at Christmas. */
    private static final Duration DOWNTIME = Duration.ofDays(7);
    private static final ZoneId COUNCIL = ZoneId.of("Europe/London");
    private static final String[] DECISIONS = {"early-help", "no-further-action"};

    @TempDir
    Path temp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Acknowledged> acknowledged = new ArrayList<>();
    final List<Completed> completed = new ArrayList<>();
    /** Journeys whose screening was being completed when the app was killed: done or not, either is right. */
    final Set<String> completionInFlight = ConcurrentHashMap.newKeySet();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger completionsSent = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger otherAnswers = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();

    record Acknowledged(String childReference, long referralId, String processInstanceId, int trial) {
    }

    record Completed(Acknowledged referral, String taskId, String decision) {
    }

    /** What a check after a start found wrong; all zero when nothing is lost or doubled. */
    record Faults(int referralsMissing, int childrenTwice, int completionsNotRecorded, int decisionsNotOnce,
                  int screeningsNotOpenOnce, int timersFiredTwice, int laddersTwice, int alertsTwice, int incidents) {

        boolean none() {
            return referralsMissing + childrenTwice + completionsNotRecorded + decisionsNotOnce + screeningsNotOpenOnce
                    + timersFiredTwice + laddersTwice + alertsTwice + incidents == 0;
        }
    }

    @Test
    void nothingAcknowledgedIsLostOrDoubledAndEveryTimerDueFiresOnceAcrossSigkills() throws Exception {
        var jar = Path.of("target", "carepath.jar").toAbsolutePath();
        assertThat(jar).as("built by ./mvnw package (the fault tests run after it in ./mvnw verify)").exists();
        int trials = Integer.getInteger("carepath.crash.trials", 10);
        long seed = Long.getLong("carepath.crash.seed", System.nanoTime());
        var random = new Random(seed);
        var data = temp.resolve("postgres");
        var clock = EngineClockAhead.install(temp.resolve("engine-clock"));
        var logs = Path.of("target", "crash-recovery").toAbsolutePath();
        Files.createDirectories(logs);
        long began = System.nanoTime();

        try {
            crashAndVerify(jar, data, clock, logs, trials, seed, random, began);
        } finally {
            // whatever happened, leave no server behind on the temporary directory
            if (Files.exists(data)) {
                StalePostmaster.stopIfLeftBehind(data, Duration.ofSeconds(20));
            }
        }
    }

    private void crashAndVerify(Path jar, Path data, Path clock, Path logs, int trials, long seed, Random random, long began)
            throws Exception {
        var startTimes = new ArrayList<Long>();
        var firingKills = new ArrayList<FiringKill>();
        for (int trial = 1; trial <= trials; trial++) {
            var ahead = DOWNTIME.multipliedBy(trial - 1L);
            App app;
            if (trial % 2 == 0) {
                // every other start: killed while the job executor fires the timers that came due in the downtime
                var killedServer = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
                app = App.launch(jar, data, logs.resolve("run-" + trial + ".log"), clock, ahead);
                var kill = killWhileTimersFire(app, data, killedServer, ahead, random);
                System.out.printf("crash trial %d: %s%n", trial, kill);
                if (kill.landed()) {
                    firingKills.add(kill);
                    startTimes.add(kill.millis());
                    var faults = check(data);
                    assertThat(faults).as("after restart %d and a kill while timers fired (of %d kills), seed %d", trial - 1, trials, seed)
                            .matches(Faults::none, "nothing lost or doubled");
                    continue;
                }
                app.awaitUp(); // the timers were all fired before it could be killed among them: killed under load instead
            } else {
                app = App.start(jar, data, logs.resolve("run-" + trial + ".log"), http, clock, ahead);
            }
            startTimes.add(app.startedInMillis);
            if (trial > 1) {
                var faults = check(data);
                assertThat(faults).as("after restart %d (of %d kills), seed %d", trial - 1, trials, seed)
                        .matches(Faults::none, "nothing lost or doubled");
            }
            var running = new AtomicBoolean(true);
            var answered = new ConcurrentLinkedQueue<Acknowledged>();
            var toScreen = new LinkedBlockingQueue<Acknowledged>();
            var done = new ConcurrentLinkedQueue<Completed>();
            var workers = new ArrayList<Thread>();
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                int currentTrial = trial;
                workers.add(new Thread(() -> send(app.port, currentTrial, sender, ahead, running, answered, toScreen), "sender-" + s));
            }
            for (int c = 0; c < COMPLETERS; c++) {
                workers.add(new Thread(() -> complete(app.port, running, toScreen, done), "completer-" + c));
            }
            workers.forEach(Thread::start);
            // a random moment once referrals are being taken and screenings completed (the first requests after a start are slow)
            long loadStarted = System.nanoTime();
            while (done.isEmpty() && System.nanoTime() - loadStarted < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(3_000));
            long killAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStarted);
            app.process.destroyForcibly(); // SIGKILL: no shutdown hook, no Spring close, the postmaster is left running
            app.process.waitFor(30, TimeUnit.SECONDS);
            assertThat(data.resolve("postmaster.pid")).as("the killed app's PostgreSQL is left running, as after a real crash").exists();
            int dueAtTheKill = dueJobs(data, ahead);
            running.set(false);
            for (var thread : workers) {
                thread.join(25_000);
            }
            acknowledged.addAll(answered);
            completed.addAll(done);
            System.out.printf("crash trial %d: up in %d ms, killed after %d ms of load with %d jobs due not yet run,"
                            + " %d referrals and %d completions acknowledged so far%n",
                    trial, app.startedInMillis, killAfter, dueAtTheKill, acknowledged.size(), completed.size());
        }
        assertThat(firingKills).as("kills that landed while the job executor fired due timers (every other start tries)")
                .hasSizeGreaterThanOrEqualTo(Math.min(3, trials / 2));

        var ahead = DOWNTIME.multipliedBy(trials);
        var app = App.start(jar, data, logs.resolve("run-final.log"), http, clock, ahead);
        startTimes.add(app.startedInMillis);
        try {
            var afterLastRestart = check(data);
            var settled = waitForDueJobs(data, ahead, Duration.ofMinutes(3));
            var now = Instant.now().plus(ahead);
            var faults = check(data);
            var timers = timers(data, now);
            var alerts = alerts(data, now);
            int found = 0;
            int withJourney = 0;
            for (var referral : acknowledged) {
                var referrals = get(app.port, "practitioner", "/api/children/" + referral.childReference() + "/referrals");
                if (referrals.statusCode() == 200
                        && referrals.body().matches("(?s).*\"id\"\\s*:\\s*" + referral.referralId() + "\\s*,.*")
                        && referrals.body().contains("\"processInstanceId\":\"" + referral.processInstanceId() + "\"")) {
                    found++;
                }
                var journey = get(app.port, "admin", "/engine-rest/history/process-instance/" + referral.processInstanceId());
                if (journey.statusCode() == 200 && journey.body().contains("\"processDefinitionKey\":\"referral-to-assessment\"")) {
                    withJourney++;
                }
            }
            var halfWritten = halfWritten(data);
            var completionsFound = completed.size() - faults.completionsNotRecorded();
            System.out.printf("CrashRecoveryTest figures: kills %d, seed %d, engine clock moved %d days,"
                            + " referrals sent %d, acknowledged (201) %d, found %d, with their journey %d, lost %d;"
                            + " completions sent %d, acknowledged (204) %d, found recorded once %d, in flight at a kill %d;"
                            + " timers due %d, fired %d, not fired %d, fired twice %d, failed runs %d;"
                            + " drift alerts expected %d, found %d, missing %d, raised twice %d, on deadlines not missed %d;"
                            + " duplicates: children %d, decisions %d, ladders %d; incidents %d; 5xx answers %d, other answers %d,"
                            + " unanswered (killed mid-request) %d; half-written %d/%d/%d; due jobs settled %s;"
                            + " kills while timers fired %d %s; start times (ms; for a kill among the timers, launch to kill) %s; test time %d s%n",
                    trials, seed, ahead.toDays(), sent.get(), acknowledged.size(), found, withJourney,
                    acknowledged.size() - found, completionsSent.get(), completed.size(), completionsFound, completionInFlight.size(),
                    timers.due(), timers.fired(), timers.notFired(), timers.firedTwice(), timers.failedRuns(),
                    alerts.expected(), alerts.found(), alerts.missing(), faults.alertsTwice(), alerts.unexpected(),
                    faults.childrenTwice(), faults.decisionsNotOnce(), faults.laddersTwice(), faults.incidents(),
                    serverErrors.get(), otherAnswers.get(), unanswered.get(), halfWritten[0], halfWritten[1], halfWritten[2],
                    settled, firingKills.size(), firingKills, startTimes, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));

            assertThat(afterLastRestart).as("after the last restart").matches(Faults::none, "nothing lost or doubled");
            assertThat(acknowledged).as("referrals were taken between kills").isNotEmpty();
            assertThat(completed).as("screenings were completed between kills").isNotEmpty();
            assertThat(found).as("every referral answered 201 is still there").isEqualTo(acknowledged.size());
            assertThat(withJourney).as("each with its process instance").isEqualTo(acknowledged.size());
            assertThat(settled).as("the jobs due ran within 3 minutes of the last start").isTrue();
            assertThat(faults).as("at the end").matches(Faults::none, "nothing lost or doubled");
            assertThat(timers.due()).as("timers came due while the app was down").isPositive();
            assertThat(timers.notFired()).as("every timer due fired").isZero();
            assertThat(timers.firedTwice()).as("no timer fired twice").isZero();
            assertThat(alerts.expected()).as("deadlines were missed while the app was down").isPositive();
            assertThat(alerts.missing()).as("every missed deadline has its drift alert").isZero();
            assertThat(alerts.unexpected()).as("no drift alert on a deadline met").isZero();
            assertThat(alerts.ofUnscreenedReferralsMissing()).as("each acknowledged referral left unscreened has its drift alert").isZero();
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

    private void send(int port, int trial, int sender, Duration ahead, AtomicBoolean running,
                      ConcurrentLinkedQueue<Acknowledged> answered, BlockingQueue<Acknowledged> toScreen) {
        int n = 0;
        while (running.get()) {
            n++;
            var family = "Crash-" + trial + "-" + sender + "-" + n + "-" + Long.toString(System.nanoTime(), 36);
            // received an hour ago by the app's clock: due by the end of the next working day, a week before the next start
            var body = """
                    {"child": {"givenName": "Sam", "familyName": "%s", "gender": "FEMALE", "dateOfBirth": "2017-03-04"},
                     "receivedAt": "%s", "source": "HEALTH", "concerns": "Missed three health appointments; weight falling.",
                     "referrer": {"name": "Dr Ruth Ellis", "organisation": "Northgate Surgery", "role": "GP"}}"""
                    .formatted(family, Instant.now().plus(ahead).minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
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
                    var referral = new Acknowledged(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3), trial);
                    answered.add(referral);
                    if (n % 2 == 0) {
                        toScreen.add(referral);
                    }
                } else {
                    answeredOtherwise(response);
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

    /** Screens referrals just acknowledged, as the practitioner would in the Tasklist: the task, then its completion. */
    private void complete(int port, AtomicBoolean running, BlockingQueue<Acknowledged> toScreen, ConcurrentLinkedQueue<Completed> done) {
        while (running.get()) {
            Acknowledged referral;
            try {
                referral = toScreen.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (referral == null) {
                continue;
            }
            try {
                var tasks = get(port, "practitioner", "/engine-rest/task?processInstanceId=" + referral.processInstanceId()
                        + "&taskDefinitionKey=Task_ScreenContact");
                var id = TASK_ID.matcher(tasks.body());
                if (tasks.statusCode() != 200 || !id.find()) {
                    answeredOtherwise(tasks);
                    continue;
                }
                var decision = DECISIONS[(int) (referral.referralId() % DECISIONS.length)];
                var body = """
                        {"variables": {"ragRating": {"value": "green"}, "screeningDecision": {"value": "%s"},
                         "screeningRationale": {"value": "Needs can be met without a social care response."}}}""".formatted(decision);
                completionsSent.incrementAndGet();
                completionInFlight.add(referral.processInstanceId());
                var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/"
                                + id.group(1) + "/complete")).timeout(Duration.ofSeconds(20))
                        .header("Authorization", basic("practitioner")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                completionInFlight.remove(referral.processInstanceId());
                if (response.statusCode() == 204) {
                    done.add(new Completed(referral, id.group(1), decision));
                } else {
                    answeredOtherwise(response);
                }
            } catch (IOException e) {
                unanswered.incrementAndGet(); // killed mid-request: the completion may or may not have been committed
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void answeredOtherwise(HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            serverErrors.incrementAndGet();
            System.out.println("5xx: " + response.statusCode() + " " + response.request().uri() + " " + response.body());
        } else {
            otherAnswers.incrementAndGet();
            System.out.println("answered " + response.statusCode() + " " + response.request().uri() + " " + response.body());
        }
    }

    /** Straight from the database: what is lost or doubled of everything acknowledged so far. */
    private Faults check(Path data) throws Exception {
        try (var connection = superuser(data)) {
            var referrals = new HashMap<Long, String>();
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("select id, process_instance_id from referral")) {
                while (result.next()) {
                    referrals.put(result.getLong(1), result.getString(2));
                }
            }
            int missing = (int) acknowledged.stream()
                    .filter(referral -> !referral.processInstanceId().equals(referrals.get(referral.referralId()))).count();

            var taskIds = completed.stream().map(Completed::taskId).toArray(String[]::new);
            var completedJourneys = completed.stream().map(done -> done.referral().processInstanceId()).toArray(String[]::new);
            int tasksLeft = count(connection, "select count(*) from act_ru_task where id_ = any(?)", taskIds);
            int journeysNotEnded = completedJourneys.length - count(connection,
                    "select count(*) from act_hi_procinst where id_ = any(?) and state_ = 'COMPLETED' and end_time_ is not null",
                    completedJourneys);
            var decisions = new HashMap<String, Integer>();
            try (var statement = connection.prepareStatement(
                    "select task_id, count(*) from child_decision where task_id = any(?) and decision = 'Screen contact' group by task_id")) {
                statement.setArray(1, connection.createArrayOf("varchar", taskIds));
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        decisions.put(result.getString(1), result.getInt(2));
                    }
                }
            }
            int decisionsNotOnce = (int) completed.stream().filter(done -> decisions.getOrDefault(done.taskId(), 0) != 1).count();

            var screened = completed.stream().map(done -> done.referral().processInstanceId()).collect(Collectors.toSet());
            var open = acknowledged.stream().map(Acknowledged::processInstanceId)
                    .filter(id -> !screened.contains(id) && !completionInFlight.contains(id)).toArray(String[]::new);
            int openOnce = count(connection, "select count(*) from (select proc_inst_id_ from act_ru_task where proc_inst_id_ = any(?)"
                    + " and task_def_key_ = 'Task_ScreenContact' group by proc_inst_id_ having count(*) = 1) once", open);

            return new Faults(missing,
                    count(connection, "select count(*) from (select family_name from child where family_name like 'Crash-%'"
                            + " group by family_name having count(*) > 1) twice"),
                    (int) Math.max(tasksLeft, journeysNotEnded), decisionsNotOnce, open.length - openOnce,
                    count(connection, "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2"
                            + " and job_def_type_ like 'timer%' group by job_id_ having count(*) > 1) twice"),
                    count(connection, "select count(*) from (select super_process_instance_id_ from act_hi_procinst"
                            + " where proc_def_key_ = 'drift-escalation' group by super_process_instance_id_ having count(*) > 1) twice")
                            + count(connection, "select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ = 'Task_RaiseDriftAlert'"
                            + " group by proc_inst_id_ having count(*) > 1) twice"),
                    count(connection, "select count(*) from (select deadline_id from drift_alert group by deadline_id having count(*) > 1) twice"),
                    count(connection, "select count(*) from act_ru_incident"));
        }
    }

    /**
     * A kill that landed while timers fired: jobs due when the database first answered after the start, timer runs that
     * succeeded before the kill (from the job log), and jobs due still not run just after it.
     */
    record FiringKill(int dueAtStart, int firedBeforeKill, int dueAtKill, long millis) {

        boolean landed() {
            return firedBeforeKill > 0 && dueAtKill > 0;
        }

        @Override
        public String toString() {
            return (landed() ? "killed while timers fired" : "not killed among the timers (none left due)") + ", " + millis
                    + " ms after the start: " + dueAtStart + " due, " + firedBeforeKill + " fired, " + dueAtKill + " due at the kill";
        }
    }

    /**
     * Watches the job log from the moment the restarted app's database answers and kills the app (SIGKILL) once the job
     * executor has fired a random part (up to half) of the timers due, while some are still due. If they are all fired
     * first, the app is left running. Never connects to the server the killed app left behind ({@code killedServer}, its
     * pid): the start stops it with a smart shutdown, which would wait for this connection.
     */
    private static FiringKill killWhileTimersFire(App app, Path data, String killedServer, Duration ahead, Random random)
            throws Exception {
        long patience = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        Connection connection = null;
        try {
            while (connection == null) {
                assertThat(System.nanoTime()).as("the database answers after the start").isLessThan(patience);
                assertThat(app.process.isAlive()).as("CarePath is starting; its log, %s", app.log).isTrue();
                try {
                var pid = data.resolve("postmaster.pid");
                connection = Files.exists(pid) && !Files.readAllLines(pid).get(0).strip().equals(killedServer) ? superuser(data) : null;
                } catch (java.sql.SQLException | IOException | IndexOutOfBoundsException notYet) {
                    // PostgreSQL is still starting (or replaying its log after the kill)
                }
                Thread.sleep(50);
            }
            int dueAtStart = dueJobs(connection, ahead);
            int firedAtStart = timerRunsSucceeded(connection);
            int target = 1 + random.nextInt(Math.max(1, dueAtStart / 2));
            while (System.nanoTime() < patience && app.process.isAlive()) {
                int fired = timerRunsSucceeded(connection) - firedAtStart;
                int due = dueJobs(connection, ahead);
                if (fired >= target && due > 0) {
                    app.process.destroyForcibly();
                    app.process.waitFor(30, TimeUnit.SECONDS);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - app.launchedAt);
                    fired = timerRunsSucceeded(connection) - firedAtStart;
                    return new FiringKill(dueAtStart, fired, dueJobs(connection, ahead), millis);
                }
                if (due == 0 && app.up()) {
                    return new FiringKill(dueAtStart, fired, 0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - app.launchedAt));
                }
                Thread.sleep(20);
            }
            throw new AssertionError("CarePath neither fired its due timers nor took traffic within 180 s; its log, " + app.log);
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private static int timerRunsSucceeded(Connection connection) throws Exception {
        return count(connection, "select count(*) from act_hi_job_log where job_state_ = 2 and job_def_type_ like 'timer%'");
    }

    /** Waits until no job is due by the app's clock (timers, continuations), or gives up after {@code patience}. */
    private static boolean waitForDueJobs(Path data, Duration ahead, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (dueJobs(data, ahead) == 0) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Jobs due by the app's clock (the machine's, {@code ahead}) and not yet run. */
    private static int dueJobs(Path data, Duration ahead) throws Exception {
        try (var connection = superuser(data)) {
            return dueJobs(connection, ahead);
        }
    }

    private static int dueJobs(Connection connection, Duration ahead) throws Exception {
        try (var statement = connection.prepareStatement("select count(*) from act_ru_job where retries_ > 0"
                     + " and handler_type_ <> 'history-cleanup' and (duedate_ is null or duedate_ <= ?)")) {
            statement.setTimestamp(1, Timestamp.from(Instant.now().plus(ahead)));
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    record Timers(int due, int fired, int notFired, int firedTwice, int failedRuns) {
    }

    /**
     * From the engine's job log: a timer is due if it was made with a due date before {@code now} (the app's clock) and
     * not deleted before that date (its stage done in time); it fired if its job ran to success.
     */
    private static Timers timers(Path data, Instant now) throws Exception {
        record Log(Instant due, Instant deletedAt, int successes) {
        }
        var logs = new HashMap<String, Log>();
        int failedRuns = 0;
        try (var connection = superuser(data);
             var statement = connection.createStatement();
             var result = statement.executeQuery("select job_id_, job_state_, job_duedate_, timestamp_ from act_hi_job_log"
                     + " where job_def_type_ like 'timer%' order by timestamp_")) {
            while (result.next()) {
                var id = result.getString(1);
                var log = logs.getOrDefault(id, new Log(null, null, 0));
                var dueDate = result.getTimestamp(3);
                switch (result.getInt(2)) {
                    case 0 -> log = new Log(dueDate == null ? null : dueDate.toInstant(), log.deletedAt(), log.successes());
                    case 1 -> failedRuns++;
                    case 2 -> log = new Log(log.due(), log.deletedAt(), log.successes() + 1);
                    case 3 -> log = new Log(log.due(), result.getTimestamp(4).toInstant(), log.successes());
                    default -> {
                    }
                }
                logs.put(id, log);
            }
        }
        int due = 0;
        int fired = 0;
        for (var log : logs.values()) {
            boolean isDue = log.due() != null && !log.due().isAfter(now)
                    && (log.deletedAt() == null || !log.deletedAt().isBefore(log.due()) || log.successes() > 0);
            if (isDue) {
                due++;
                if (log.successes() > 0) {
                    fired++;
                }
            }
        }
        int twice = (int) logs.values().stream().filter(log -> log.successes() > 1).count();
        return new Timers(due, fired, due - fired, twice, failedRuns);
    }

    record Alerts(int expected, int found, int missing, int unexpected, int ofUnscreenedReferralsMissing) {
    }

    /**
     * A drift alert is expected on each deadline whose end of day (in the council's zone) was before {@code now} with its
     * stage still open then; none on one whose stage closed in time.
     */
    private Alerts alerts(Path data, Instant now) throws Exception {
        int expected = 0;
        int found = 0;
        int unexpected = 0;
        var alerted = new HashSet<String>();
        try (var connection = superuser(data);
             var statement = connection.createStatement();
             var result = statement.executeQuery("select d.due_date, d.closed_at, d.process_instance_id, d.timescale_key,"
                     + " (select count(*) from drift_alert a where a.deadline_id = d.id) from deadline d")) {
            while (result.next()) {
                var dueEnd = result.getDate(1).toLocalDate().atTime(23, 59, 59).atZone(COUNCIL).toInstant();
                var closedAt = result.getTimestamp(2);
                int alerts = result.getInt(5);
                boolean missed = !dueEnd.isAfter(now) && (closedAt == null || closedAt.toInstant().isAfter(dueEnd));
                if (missed) {
                    expected++;
                    if (alerts == 1) {
                        found++;
                        if ("REFERRAL_DECISION".equals(result.getString(4))) {
                            alerted.add(result.getString(3));
                        }
                    }
                } else if (alerts > 0) {
                    unexpected++;
                }
            }
        }
        var screened = completed.stream().map(done -> done.referral().processInstanceId()).collect(Collectors.toSet());
        int unscreenedMissing = (int) acknowledged.stream().map(Acknowledged::processInstanceId)
                .filter(id -> !screened.contains(id) && !completionInFlight.contains(id) && !alerted.contains(id)).count();
        return new Alerts(expected, found, expected - found, unexpected, unscreenedMissing);
    }

    private static int count(Connection connection, String query, String... ids) throws Exception {
        try (var statement = connection.prepareStatement(query)) {
            if (query.contains("?")) {
                statement.setArray(1, connection.createArrayOf("varchar", ids));
            }
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private HttpResponse<String> get(int port, String user, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Straight from the database, as its superuser: referrals without a journey, journeys without a referral, children without a referral. */
    static int[] halfWritten(Path data) throws Exception {
        try (var connection = superuser(data);
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

    /** The embedded database as its superuser, on the port its running server wrote in {@code postmaster.pid}. */
    static Connection superuser(Path data) throws Exception {
        var pid = Files.readAllLines(data.resolve("postmaster.pid"));
        var port = pid.get(3).strip();
        var password = Files.readString(data.resolve(EmbeddedPostgresConfiguration.SUPERUSER_PASSWORD_FILE)).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/carepath", "postgres", password);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** The packaged app in a process of its own. */
    static final class App {
        final Process process;
        final int port;
        final Path log;
        final long launchedAt;
        long startedInMillis;

        private App(Process process, int port, Path log, long launchedAt) {
            this.process = process;
            this.port = port;
            this.log = log;
            this.launchedAt = launchedAt;
        }

        static App start(Path jar, Path data, Path log, HttpClient http, String... settings) throws Exception {
            return start(jar, data, log, http, null, Duration.ZERO, Map.of(), settings);
        }

        /** With these environment variables besides the test's own, e.g. {@code SPRING_DATASOURCE_URL} for a server of its own. */
        static App start(Path jar, Map<String, String> environment, Path log, HttpClient http, String... settings) throws Exception {
            var unusedData = log.resolveSibling(log.getFileName() + ".unused-data");
            return start(jar, unusedData, log, http, null, Duration.ZERO, environment, settings);
        }

        static App start(Path jar, Path data, Path log, HttpClient http, Path clock, Duration ahead, String... settings)
                throws Exception {
            return start(jar, data, log, http, clock, ahead, Map.of(), settings);
        }

        /**
         * With {@code clock} (from {@link EngineClockAhead#install}) the jar is started through Spring Boot's
         * PropertiesLauncher with that directory on its class path, and its engine clock {@code ahead} of the machine's.
         */
        static App start(Path jar, Path data, Path log, HttpClient http, Path clock, Duration ahead, Map<String, String> environment,
                String... settings) throws Exception {
            var app = launch(jar, data, log, clock, ahead, environment, settings);
            app.awaitUp();
            return app;
        }

        /** Starts the process and returns at once, before it takes traffic. */
        static App launch(Path jar, Path data, Path log, Path clock, Duration ahead, String... settings) throws Exception {
            return launch(jar, data, log, clock, ahead, Map.of(), settings);
        }

        static App launch(Path jar, Path data, Path log, Path clock, Duration ahead, Map<String, String> environment,
                          String... settings) throws Exception {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m"));
            if (clock == null) {
                command.addAll(List.of("-jar", jar.toString()));
            } else {
                command.addAll(List.of("-Dloader.path=" + clock, "-cp", jar.toString(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher", "--" + EngineClockAhead.SETTING + "=" + ahead));
            }
            command.addAll(List.of("--server.port=" + port, "--carepath.database.embedded.data-directory=" + data,
                    "--logging.level.root=warn", "--logging.level.org.carepath.database=info",
                    "--logging.level.org.springframework.boot.availability=debug", "--spring.main.banner-mode=off",
                    "--carepath.demo.seed=none"));
            command.addAll(List.of(settings));
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            var process = builder.start();
            return new App(process, port, log, System.nanoTime());
        }

        /** Whether Spring says it takes traffic, after the ApplicationRunners. */
        boolean up() throws IOException {
            if (!process.isAlive()) {
                throw new AssertionError("CarePath did not start (exit " + process.exitValue() + "); its log, " + log + ":\n"
                        + tail(log));
            }
            return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("ACCEPTING_TRAFFIC");
        }

        /**
         * Up once Spring says it takes traffic, after the ApplicationRunners: the demo users are made after the web server
         * starts, and asking with their passwords before would count as wrong passwords.
         */
        void awaitUp() throws Exception {
            long deadline = launchedAt + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                if (up()) {
                    startedInMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedAt);
                    return;
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
