package org.carepath.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.carepath.CarePathApplication;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: prints what one tracked stage costs in rows and jobs (one new referral, whose only open stage is
 * front-door screening): the rows it adds to each table when it opens, what completing it changes, and for an
 * overdue stage the jobs the engine runs to turn it into a drift alert. Job executor off; due jobs are run here
 * one by one so they can be counted. Run with
 * {@code ./mvnw -B -o -Pbenchmark test -Dtest=StageFootprintBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(classes = CarePathApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "carepath.database.embedded.data-directory=target/footprint-postgres",
        "carepath.database.embedded.clean=true",
        "camunda.bpm.job-execution.enabled=false",
        "logging.level.org.camunda.bpm.engine.context=off"})
@ActiveProfiles({"local", "benchmark"})
class StageFootprintBenchmark {

    /** Stages measured per phase; the figures printed are per stage. */
    static final int STAGES = Integer.getInteger("benchmark.stages", 20);

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    DataSource dataSource;

    final List<String> out = new ArrayList<>();

    @Test
    void measure() throws Exception {
        var practitioner = new PractitionerClient(port, "Footprint");
        var jdbc = new JdbcTemplate(dataSource);
        // warm-up: one of each, not counted (first deployment reads, caches)
        practitioner.completeScreening(screeningTask(practitioner.postReferral(0, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5))));
        fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusDays(14).withNano(0).toString());
        runDueJobs();

        // 1. a new referral: one open stage (front-door screening)
        var jobsBefore = engine.getManagementService().createJobQuery().count();
        var before = snapshot(jdbc);
        var instances = new ArrayList<String>();
        for (int i = 1; i <= STAGES; i++) {
            instances.add(practitioner.postReferral(i, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
        }
        var opened = snapshot(jdbc);
        var runtimeJobs = engine.getManagementService().createJobQuery().count() - jobsBefore;
        section("A new referral (POST /api/referrals): its screening stage open", before, opened);

        // 2. the stage's work done: the screening task completed through the engine REST API
        for (var instance : instances) {
            practitioner.completeScreening(screeningTask(instance));
        }
        var closed = snapshot(jdbc);
        section("Its screening completed (POST /engine-rest/task/{id}/complete): the stage closed", opened, closed);

        // 3. an overdue stage: referral received 14 days ago, its due jobs run until none is due
        for (int i = 0; i < STAGES; i++) {
            fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusDays(14).withNano(0).toString());
        }
        var overdue = snapshot(jdbc);
        var dueJobs = engine.getManagementService().createJobQuery().executable().count();
        section("An overdue referral taken (received 14 days ago), before its timers fire", closed, overdue);
        var executed = runDueJobs();
        var fired = snapshot(jdbc);
        section("Its due jobs run until none is due (drift alert, escalation task and timer)", overdue, fired);

        out.add(0, String.format(Locale.UK, "Per stage (mean of %d): jobs in ACT_RU_JOB with one open stage: %.2f; "
                + "due jobs of an overdue stage: %.2f; jobs executed to turn it into an alert: %.2f%n",
                STAGES, (double) runtimeJobs / STAGES, (double) dueJobs / STAGES, (double) executed / STAGES));
        var text = String.join("\n", out);
        System.out.println("\n" + text + "\n");
        Files.writeString(Path.of("target", "stage-footprint.md"), text + "\n");
        assertThat(executed).isPositive();
    }

    private int runDueJobs() {
        var management = engine.getManagementService();
        int executed = 0;
        for (var jobs = management.createJobQuery().executable().list(); !jobs.isEmpty() && executed < 10_000;
                jobs = management.createJobQuery().executable().list()) {
            for (var job : jobs) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        return executed;
    }

    /** Live rows, and rows inserted / updated / deleted (PostgreSQL's counters), of every table. */
    private Map<String, long[]> snapshot(JdbcTemplate jdbc) throws InterruptedException {
        Thread.sleep(11_000); // backends flush their table counters at most every 10 s when idle
        var result = new LinkedHashMap<String, long[]>();
        jdbc.execute("select pg_stat_clear_snapshot()");
        for (var table : jdbc.queryForList("select relname from pg_stat_user_tables where schemaname = current_schema() order by relname",
                String.class)) {
            long live = jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class);
            var counters = jdbc.queryForMap("select n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables where schemaname = current_schema() and relname = ?", table);
            result.put(table.toLowerCase(Locale.ROOT), new long[] {live, ((Number) counters.get("n_tup_ins")).longValue(),
                    ((Number) counters.get("n_tup_upd")).longValue(), ((Number) counters.get("n_tup_del")).longValue()});
        }
        return result;
    }

    private void section(String title, Map<String, long[]> from, Map<String, long[]> to) {
        out.add("### " + title + " (per stage, mean of " + STAGES + ")");
        out.add("");
        out.add("| table | live rows added | inserted | updated | deleted |");
        out.add("|---|---:|---:|---:|---:|");
        var names = new TreeSet<>(to.keySet());
        double[] hi = new double[4];
        for (var name : names) {
            var a = from.getOrDefault(name, new long[4]);
            var b = to.get(name);
            double[] d = new double[4];
            boolean any = false;
            for (int k = 0; k < 4; k++) {
                d[k] = (b[k] - a[k]) / (double) STAGES;
                any |= b[k] != a[k];
            }
            if (name.startsWith("act_hi_")) {
                for (int k = 0; k < 4; k++) {
                    hi[k] += d[k];
                }
            }
            if (any) {
                out.add(String.format(Locale.UK, "| %s | %.2f | %.2f | %.2f | %.2f |", name, d[0], d[1], d[2], d[3]));
            }
        }
        out.add(String.format(Locale.UK, "| **act_hi_\\* (total)** | %.2f | %.2f | %.2f | %.2f |", hi[0], hi[1], hi[2], hi[3]));
        out.add("");
    }

    private String screeningTask(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_ScreenContact")
                .singleResult().getId();
    }



}
