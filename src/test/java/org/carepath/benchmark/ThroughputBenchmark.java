package org.carepath.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.carepath.CarePathApplication;
import org.carepath.drift.DriftAlerts;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: prints how fast CarePath takes referrals, completes user tasks, and turns 10,000 overdue
 * timers into drift alerts, on the embedded PostgreSQL. Run with {@code ./mvnw -B -Pbenchmark test};
 * sizes with {@code -Dbenchmark.referrals=...} and {@code -Dbenchmark.timers=...}.
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
    static final int TIMERS = Integer.getInteger("benchmark.timers", 10_000);
    static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    DriftAlerts alerts;

    final List<String> rows = new ArrayList<>();

    @Test
    void measure() throws Exception {
        var practitioner = new PractitionerClient(port, "Bench");
        var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobExecutor.shutdown(); // timers are measured on their own, below

        // 1. referrals taken per second through POST /api/referrals
        run(CLIENTS, 40, i -> practitioner.postReferral(i, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
        var started = System.nanoTime();
        var processInstances = run(CLIENTS, REFERRALS, i -> practitioner.postReferral(1_000 + i, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
        report("Referrals taken (POST /api/referrals, " + CLIENTS + " clients)", REFERRALS, System.nanoTime() - started, "referrals/s");

        // 2. user tasks completed per second through the engine REST API (screening, as the demo practitioner)
        var taskIds = new ArrayList<String>();
        for (var instance : processInstances) {
            taskIds.add(engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ScreenContact")
                    .singleResult().getId());
        }
        started = System.nanoTime();
        run(CLIENTS, taskIds.size(), i -> practitioner.completeScreening(taskIds.get(i)));
        report("User tasks completed (engine REST, " + CLIENTS + " clients)", taskIds.size(), System.nanoTime() - started, "tasks/s");

        // 3. 10,000 overdue deadlines fired into drift alerts by the job executor
        var alertsBefore = alerts.countOpen();
        var setup = System.nanoTime();
        var received = OffsetDateTime.now(ZoneOffset.UTC).minusDays(14).withNano(0).toString();
        run(CLIENTS, TIMERS, i -> fixtures.referralReceivedAt(received).processInstanceId());
        var dueJobs = engine.getManagementService().createJobQuery().timers().executable().count();
        rows.add(String.format(Locale.UK, "| %-58s | %,10d | %9.1f s | %s |", "(setup: overdue referrals created directly)", TIMERS,
                (System.nanoTime() - setup) / 1e9, dueJobs + " timer jobs due"));

        started = System.nanoTime();
        jobExecutor.start();
        long alertsRaised;
        do {
            Thread.sleep(250);
            alertsRaised = alerts.countOpen() - alertsBefore;
        } while (alertsRaised < TIMERS && System.nanoTime() - started < 1_800_000_000_000L);
        var toAlerts = System.nanoTime() - started;
        while (engine.getManagementService().createJobQuery().timers().executable().count() > 0
                && System.nanoTime() - started < 1_800_000_000_000L) {
            Thread.sleep(250);
        }
        var allDue = System.nanoTime() - started;
        report("Overdue deadline timers fired into drift alerts", TIMERS, toAlerts, "alerts/s");
        report("All due timers fired (deadline + reminder per stage)", (int) dueJobs, allDue, "jobs/s");
        assertThat(alertsRaised).isEqualTo(TIMERS);

        var table = new ArrayList<String>();
        table.add("| measure | count | time | rate |");
        table.add("|---|---:|---:|---|");
        table.addAll(rows);
        var text = String.join("\n", table);
        System.out.println("\n" + text + "\n");
        Files.writeString(Path.of("target", "benchmark.md"), text + "\n");
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
