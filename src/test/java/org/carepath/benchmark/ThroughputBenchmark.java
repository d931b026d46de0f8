package org.carepath.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.carepath.CarePathApplication;
import org.carepath.drift.DriftAlerts;
import org.carepath.referral.ReferralFixtures;
import org.carepath.timescale.Timescales;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: prints how fast CarePath takes referrals, completes user tasks, and turns overdue timers into drift
 * alerts, on the embedded PostgreSQL, next to the bare engine ({@code benchmark/engine-baseline}) run first against a
 * database of its own on the same server with the same client threads, counts and history level. Run with
 * {@code ./mvnw -B -Pbenchmark test -Dtest=ThroughputBenchmark}; sizes with {@code -Dbenchmark.referrals=...} (default 400)
 * and {@code -Dbenchmark.timers=...} (default 2,000; the figure is 10,000), {@code -Dbenchmark.baseline=false}
 * for CarePath alone.
 */
@Tag("benchmark")
@SpringBootTest(classes = CarePathApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "carepath.database.embedded.data-directory=target/benchmark-postgres",
        "carepath.database.embedded.clean=true",
        "camunda.bpm.job-execution.enabled=true",
        "logging.level.org.camunda.bpm.engine.context=off"})
@ActiveProfiles({"local", "benchmark"})
class ThroughputBenchmark {

    static final int REFERRALS = Integer.getInteger("benchmark.referrals", 400);
    static final int TIMERS = Integer.getInteger("benchmark.timers", 2_000);
    static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
    /** {@code throughput} (the side by side with the bare engine) or {@code lateness} ({@link TimerLateness}). */
    static final String MODE = System.getProperty("benchmark.mode", "throughput");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    DriftAlerts alerts;
    @Autowired
    Timescales timescales;

    static final boolean WITH_BASELINE = Boolean.parseBoolean(System.getProperty("benchmark.baseline", "true"));
    static final int FOOTPRINT = Integer.getInteger("benchmark.footprint", 200);
    static final String HISTORY = "full"; // camunda.bpm.history-level in application.yml

    @Autowired
    DataSource dataSource;
    @Autowired
    jakarta.persistence.EntityManagerFactory entityManagerFactory;
    org.hibernate.stat.Statistics jpa;

    final List<String> rows = new ArrayList<>();
    final List<String> phases = new ArrayList<>();

    @Test
    void measure() throws Exception {
        var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobExecutor.shutdown(); // timers are measured on their own, below
        var loadAtStart = loadAverage();
        if (MODE.equals("lateness")) {
            var lines = new TimerLateness(engine, fixtures, timescales, dataSource, port).run(jobExecutor, machine(), loadAtStart);
            var text = String.join("\n", lines);
            System.out.println("\n" + text + "\n");
            Files.writeString(Path.of("target", "benchmark-lateness.md"), text + "\n");
            return;
        }

        // 0. the bare engine on the same PostgreSQL server, a database of its own, same client threads, counts and history level
        BareEngineBaseline.Run bare = null;
        RowCounters bareTask = null;
        RowCounters bareTimer = null;
        if (WITH_BASELINE) {
            BareEngineBaseline.buildIfMissing();
            var baseline = new BareEngineBaseline(serverUrl(), superuserPassword());
            baseline.createDatabase();
            mark("bare engine");
            bare = baseline.run("engine-baseline.out", "--fresh", "--threads", "" + CLIENTS, "--instances", "" + REFERRALS,
                    "--timers", "" + TIMERS, "--history", HISTORY, "--timeout", "1800");
            mark("bare engine end");
            System.out.println(String.join("\n", bare.output()));
            // what one start + completion and one timer cost in PostgreSQL's counters (the process's connections closed: flushed)
            var c0 = bareCounters(baseline);
            baseline.run("engine-baseline-tasks.out", "--warmup", "0", "--threads", "" + CLIENTS, "--instances", "" + FOOTPRINT,
                    "--timers", "0", "--history", HISTORY);
            var c1 = bareCounters(baseline);
            baseline.run("engine-baseline-timers.out", "--warmup", "0", "--threads", "" + CLIENTS, "--instances", "0",
                    "--timers", "" + FOOTPRINT, "--history", HISTORY);
            var c2 = bareCounters(baseline);
            bareTask = c1.minus(c0);
            bareTimer = c2.minus(c1);
        }
        var loadAtCarePath = loadAverage();

        jpa = entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        jpa.setStatisticsEnabled(true);
        var practitioner = new PractitionerClient(port, "Bench");
        // 1. referrals taken per second through POST /api/referrals
        run(CLIENTS, 40, i -> practitioner.postReferral(i, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
        var k0 = counters();
        mark("referrals");
        var started = System.nanoTime();
        var processInstances = run(CLIENTS, REFERRALS, i -> practitioner.postReferral(1_000 + i, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
        var referralNanos = System.nanoTime() - started;
        mark("referrals end");
        report("Referrals taken (POST /api/referrals, " + CLIENTS + " clients)", REFERRALS, referralNanos, "referrals/s");
        var k1 = counters();

        // 2. user tasks completed per second through the engine REST API (screening, as the demo practitioner)
        var taskIds = new ArrayList<String>();
        for (var instance : processInstances) {
            taskIds.add(engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ScreenContact")
                    .singleResult().getId());
        }
        var k1b = counters(); // the task query above is not the completions' work
        mark("completions");
        started = System.nanoTime();
        run(CLIENTS, taskIds.size(), i -> practitioner.completeScreening(taskIds.get(i)));
        var completionNanos = System.nanoTime() - started;
        mark("completions end");
        report("User tasks completed (engine REST, " + CLIENTS + " clients)", taskIds.size(), completionNanos, "tasks/s");
        var k2 = counters();

        // 3. overdue deadlines fired into drift alerts by the job executor
        var alertsBefore = alerts.countOpen();
        mark("overdue setup");
        var setup = System.nanoTime();
        var received = OffsetDateTime.now(ZoneOffset.UTC).minusDays(14).withNano(0).toString();
        run(CLIENTS, TIMERS, i -> fixtures.referralReceivedAt(received).processInstanceId());
        var setupNanos = System.nanoTime() - setup;
        mark("overdue setup end");
        var dueJobs = engine.getManagementService().createJobQuery().timers().executable().count();
        rows.add(String.format(Locale.UK, "| %-58s | %,10d | %9.1f s | %s |", "(setup: overdue referrals created directly)", TIMERS,
                setupNanos / 1e9, dueJobs + " timer jobs due"));
        var k3 = counters();

        mark("timers");
        started = System.nanoTime();
        jobExecutor.start();
        long alertsRaised;
        do {
            Thread.sleep(250);
            alertsRaised = alerts.countOpen() - alertsBefore;
        } while (alertsRaised < TIMERS && System.nanoTime() - started < 1_800_000_000_000L);
        var toAlerts = System.nanoTime() - started;
        mark("timers alerts");
        while (engine.getManagementService().createJobQuery().timers().executable().count() > 0
                && System.nanoTime() - started < 1_800_000_000_000L) {
            Thread.sleep(250);
        }
        var allDue = System.nanoTime() - started;
        mark("timers end");
        jobExecutor.shutdown();
        var loadAtEnd = loadAverage();
        report("Overdue deadline timers fired into drift alerts", TIMERS, toAlerts, "alerts/s");
        report("All due timers fired (deadline + reminder per stage)", (int) dueJobs, allDue, "jobs/s");
        var k4 = counters();
        assertThat(alertsRaised).isEqualTo(TIMERS);

        var table = new ArrayList<String>();
        table.add(machine() + String.format(Locale.UK, " One server for both; history %s; %d client threads; %,d instances / referrals,"
                + " %,d timers.", HISTORY, CLIENTS, REFERRALS, TIMERS));
        table.add("Load average (1/5/15 min): at the start " + loadAtStart + "; CarePath's part from " + loadAtCarePath
                + "; at the end " + loadAtEnd + ".");
        table.add("");
        if (bare != null) {
            table.add("| measure | bare engine | CarePath | ratio |");
            table.add("|---|---:|---:|---:|");
            var start = bare.phase("start");
            var complete = bare.phase("complete");
            var timerStart = bare.phase("timer-start");
            var timers = bare.phase("timers");
            table.add(side("process starts / referrals taken", start.rate(), REFERRALS / (referralNanos / 1e9), "/s"));
            table.add(side("user tasks completed", complete.rate(), REFERRALS / (completionNanos / 1e9), "/s"));
            table.add(String.format(Locale.UK, "| %,d overdue timers into alerts (drain time) | %.1f s | %.1f s | %.2f × the time |",
                    TIMERS, timers.wallSeconds(), toAlerts / 1e9, toAlerts / 1e9 / timers.wallSeconds()));
            table.add(String.format(Locale.UK, "| all due jobs fired | %,d in %.1f s | %,d in %.1f s | |", timers.ops(), timers.wallSeconds(),
                    dueJobs, allDue / 1e9));
            table.add(side("setting up the overdue timers (job executor off)", timerStart.rate(), TIMERS / (setupNanos / 1e9), "/s"));
            table.add("");
            table.add("bare engine checks: " + (bare.verified() ? "verification: OK" : "FAILED (see target/engine-baseline.out)"));
            table.add("");
            table.add("Per operation, PostgreSQL's counters (bare: a separate run of " + FOOTPRINT + " each; CarePath: the measured phases):");
            table.add("");
            table.add("| per operation | commits | scans | rows written | of them act_hi_* | act_ru_* | other tables | JPA statements | JPA queries |");
            table.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            table.add(per("bare: start + complete", bareTask, FOOTPRINT));
            table.add(per("CarePath: referral + its completion", k1.minus(k0).plus(k2.minus(k1b)), REFERRALS));
            table.add(per("CarePath: referral (POST /api/referrals)", k1.minus(k0), REFERRALS));
            table.add(per("CarePath: completion (engine REST)", k2.minus(k1b), REFERRALS));
            table.add(per("bare: timer instance started + fired", bareTimer, FOOTPRINT));
            table.add(per("CarePath: overdue stage set up + fired into alert", k3.minus(k2).plus(k4.minus(k3)), TIMERS));
            table.add(per("CarePath: overdue stage set up (fixture)", k3.minus(k2), TIMERS));
            table.add(per("CarePath: its due jobs fired (alert, escalation, reminder)", k4.minus(k3), TIMERS));
            table.add("");
        }
        table.add("CarePath alone:");
        table.add("");
        table.add("| measure | count | time | rate |");
        table.add("|---|---:|---:|---|");
        table.addAll(rows);
        table.add("");
        table.add("Phases (UTC, for a profile): " + String.join("; ", phases));
        var text = String.join("\n", table);
        System.out.println("\n" + text + "\n");
        Files.writeString(Path.of("target", "benchmark.md"), text + "\n");
        if (bare != null) {
            assertThat(bare.verified()).as("the bare engine's own checks").isTrue();
        }
    }

    private String machine() throws Exception {
        String serverVersion;
        try (var connection = dataSource.getConnection()) {
            serverVersion = connection.getMetaData().getDatabaseProductVersion();
        }
        return String.format(Locale.UK, "Machine: %d cores (%s), %s memory, Java %s (heap at most %,d MiB), PostgreSQL %s (embedded).",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, serverVersion);
    }

    private static String side(String measure, double bare, double carePath, String unit) {
        return String.format(Locale.UK, "| %s | %.1f %s | %.1f %s | %.0f %% |", measure, bare, unit, carePath, unit, 100 * carePath / bare);
    }

    private static String per(String what, RowCounters c, int count) {
        double n = count;
        var jpa = what.startsWith("bare") ? " — | — |" : String.format(Locale.UK, " %.1f | %.1f |", c.jpaStatements() / n, c.jpaQueries() / n);
        return String.format(Locale.UK, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |", what, c.commits() / n, c.scans() / n,
                c.written() / n, c.historyWritten() / n, c.runtimeWritten() / n, c.otherWritten() / n) + jpa;
    }

    private void mark(String phase) {
        phases.add(phase + " " + Instant.now());
    }

    /** CarePath's database's counters, after its connections have been idle long enough to report them. */
    private RowCounters counters() throws Exception {
        Thread.sleep(11_000);
        try (var connection = dataSource.getConnection()) {
            return RowCounters.of(connection, jpa);
        }
    }

    private static RowCounters bareCounters(BareEngineBaseline baseline) throws Exception {
        Thread.sleep(2_000); // the baseline's backends report as they end
        try (var connection = DriverManager.getConnection(baseline.jdbcUrl(), "postgres", superuserPassword())) {
            return RowCounters.of(connection);
        }
    }

    /** {@code jdbc:postgresql://host:port/} of the embedded server CarePath's own pool connects to. */
    private String serverUrl() throws Exception {
        try (var connection = dataSource.getConnection()) {
            var url = connection.getMetaData().getURL();
            var match = Pattern.compile("^(jdbc:postgresql://[^/]+/)").matcher(url);
            assertThat(match.find()).as(url).isTrue();
            return match.group(1);
        }
    }

    private static String superuserPassword() throws Exception {
        return Files.readString(Path.of("target", "benchmark-postgres", "carepath-superuser.password")).strip();
    }

    private static String loadAverage() throws Exception {
        var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }

    private static String memory() throws Exception {
        for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return String.format(Locale.UK, "%.1f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
            }
        }
        return "?";
    }

    private static String cpuModel() throws Exception {
        for (var line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "?";
    }

    private void report(String measure, int count, long nanos, String unit) {
        var seconds = nanos / 1e9;
        var line = String.format(Locale.UK, "| %-58s | %,10d | %9.1f s | %,.1f %s |", measure, count, seconds, count / seconds, unit);
        rows.add(line);
        System.out.println(line);
    }

    interface Step {
        String run(int i) throws Exception;
    }

    private static List<String> run(int threads, int count, Step step) throws Exception {
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<List<String>>>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit((Callable<List<String>>) () -> {
                    var results = new ArrayList<String>();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        results.add(step.run(i));
                    }
                    return results;
                }));
            }
            var results = new ArrayList<String>();
            for (var future : futures) {
                results.addAll(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
