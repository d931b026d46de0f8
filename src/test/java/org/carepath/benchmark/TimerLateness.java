package org.carepath.benchmark;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carepath.referral.ReferralFixtures;
import org.carepath.timescale.Timescales;

/**
 * The lateness of CarePath's own timers (fired at minus due at) while referrals and completions keep coming.
 * <p>
 * Every statutory timer CarePath sets falls due at one of two moments of a day: a stage's deadline at the end of its
 * due day, its reminder at the start of the working day ({@code carepath.calendar.reminders-at}) on its warning day.
 * So "timers falling due continuously" is, for a council, a burst at each of those moments. This mode takes, with the
 * job executor off, {@code stagesPerDay} referrals for each of {@code days} consecutive working days, received on the
 * working day before so that their screening stage's deadline (and its reminder) falls on that day; then runs the
 * engine's clock in real time from just before the first of those moments, jumping over the hours in between (only
 * when no timer is executable, to {@code lead} seconds before the next due timer), while HTTP clients take referrals
 * and complete earlier ones' screenings at a steady rate. A jump never happens while a timer waits, so the lateness
 * read from the engine's job log (its due date against the time its successful run was logged, both on the engine's
 * clock) is real time.
 */
final class TimerLateness {

    /** The screening stage's timescale (the referral journey's tracked stage), counted from the referral's receipt. */
    static final String SCREENING_TIMESCALE = "REFERRAL_DECISION";

    static final int STAGES_PER_DAY = Integer.getInteger("benchmark.lateness.stages", 200);
    static final int DAYS = Integer.getInteger("benchmark.lateness.days", 2);
    static final double REFERRALS_PER_SECOND = Double.parseDouble(System.getProperty("benchmark.lateness.referrals", "0.5"));
    static final double COMPLETIONS_PER_SECOND = Double.parseDouble(System.getProperty("benchmark.lateness.completions", "0.5"));
    static final int LEAD_SECONDS = Integer.getInteger("benchmark.lateness.lead", 30);

    private final ProcessEngine engine;
    private final ReferralFixtures fixtures;
    private final Timescales timescales;
    private final DataSource dataSource;
    private final PractitionerClient practitioner;

    TimerLateness(ProcessEngine engine, ReferralFixtures fixtures, Timescales timescales, DataSource dataSource, int port) {
        this.engine = engine;
        this.fixtures = fixtures;
        this.timescales = timescales;
        this.dataSource = dataSource;
        this.practitioner = new PractitionerClient(port, "Steady");
    }

    List<String> run(JobExecutor jobExecutor, String machine, String loadAtStart) throws Exception {
        var zone = timescales.zone();
        var calendar = timescales.calendar();
        // the days whose deadlines fall in the run: working days a week ahead, so every receipt is a working day before
        var dueDays = new ArrayList<LocalDate>();
        var day = calendar.addWorkingDays(LocalDate.now(zone).plusDays(7), 1);
        for (int d = 0; d < DAYS; d++) {
            dueDays.add(day);
            day = calendar.addWorkingDays(day, 1);
        }
        var firstMoment = firstDueMoment(dueDays.get(0));
        var startAt = firstMoment.minusSeconds(LEAD_SECONDS);
        ClockUtil.setCurrentTime(Date.from(startAt));
        var lines = new ArrayList<String>();
        try {
            // set up, job executor off: each due day's stages, received (at 08:00) the day the catalogue counts them from
            var setupStarted = System.nanoTime();
            var taken = new AtomicInteger();
            var pool = Executors.newFixedThreadPool(4);
            var setup = new ArrayList<java.util.concurrent.Future<?>>();
            for (var dueDay : dueDays) {
                var received = receiptFor(dueDay).atTime(LocalTime.of(8, 0)).atZone(zone).toInstant();
                if (received.isAfter(startAt)) {
                    throw new IllegalStateException("A referral due on " + dueDay + " would be received after the run starts");
                }
                var receivedAt = received.atOffset(ZoneOffset.UTC).toString();
                for (int i = 0; i < STAGES_PER_DAY; i++) {
                    setup.add(pool.submit(() -> {
                        fixtures.referralReceivedAt(receivedAt);
                        taken.incrementAndGet();
                    }));
                }
            }
            for (var future : setup) {
                future.get();
            }
            pool.shutdown();
            var setupSeconds = (System.nanoTime() - setupStarted) / 1e9;
            var lastMoment = dueDays.get(dueDays.size() - 1).atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
            // from here on the clock runs in real time
            ClockUtil.offset(startAt.toEpochMilli() - System.currentTimeMillis());

            var heap = ManagementFactory.getMemoryMXBean();
            long heapMax = 0;
            var loadStarted = Instant.now();
            var load = Executors.newScheduledThreadPool(2);
            var toComplete = new ConcurrentLinkedQueue<String>();
            var referralsTaken = new AtomicInteger();
            var completed = new AtomicInteger();
            var loadErrors = new ConcurrentLinkedQueue<String>();
            load.scheduleAtFixedRate(() -> {
                try {
                    var now = OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).minusMinutes(1);
                    toComplete.add(practitioner.postReferral(referralsTaken.incrementAndGet(), now));
                } catch (Throwable e) {
                    loadErrors.add(String.valueOf(e));
                }
            }, 0, Math.round(1_000_000 / REFERRALS_PER_SECOND), TimeUnit.MICROSECONDS);
            load.scheduleAtFixedRate(() -> {
                try {
                    var instance = toComplete.poll();
                    if (instance != null) {
                        var task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                                .taskDefinitionKey("Task_ScreenContact").singleResult();
                        if (task != null) {
                            practitioner.completeScreening(task.getId());
                            completed.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    loadErrors.add(String.valueOf(e));
                }
            }, 500_000, Math.round(1_000_000 / COMPLETIONS_PER_SECOND), TimeUnit.MICROSECONDS);

            var runStarted = System.nanoTime();
            jobExecutor.start();
            var jumps = 0;
            var management = engine.getManagementService();
            while (true) {
                Thread.sleep(200);
                heapMax = Math.max(heapMax, heap.getHeapMemoryUsage().getUsed());
                if (management.createJobQuery().executable().count() > 0) {
                    continue;
                }
                var now = ClockUtil.getCurrentTime().toInstant();
                var next = management.createJobQuery().timers().duedateHigherThan(Date.from(now)).orderByJobDuedate().asc()
                        .listPage(0, 1);
                var nextDue = next.isEmpty() ? null : next.get(0).getDuedate().toInstant();
                if (now.isAfter(lastMoment) && (nextDue == null || nextDue.isAfter(lastMoment))) {
                    break; // the last due day's deadlines have fired, and nothing more is due in the run
                }
                if (nextDue != null && Duration.between(now, nextDue).getSeconds() > LEAD_SECONDS) {
                    var to = nextDue.minusSeconds(LEAD_SECONDS);
                    ClockUtil.offset(to.toEpochMilli() - System.currentTimeMillis());
                    jumps++;
                }
                if (System.nanoTime() - runStarted > 1_800_000_000_000L) {
                    throw new IllegalStateException("The run did not end in 30 minutes");
                }
            }
            var runSeconds = (System.nanoTime() - runStarted) / 1e9;
            load.shutdown();
            load.awaitTermination(60, TimeUnit.SECONDS);
            jobExecutor.shutdown();
            var loadAtEnd = loadAverage();
            var heapAtEnd = heap.getHeapMemoryUsage();
            System.gc();
            var heapAfterGc = heap.getHeapMemoryUsage().getUsed();

            var lateness = latenessByTimer(startAt, lastMoment);
            var all = new ArrayList<Long>();
            lateness.values().forEach(all::addAll);

            lines.add(machine);
            lines.add("Load average (1/5/15 min): at the start " + loadAtStart + "; at the end " + loadAtEnd + ".");
            lines.add(String.format(Locale.UK, "Set up: %,d referrals (%,d per due day, %d working days from %s), job executor off, in %.1f s.",
                    taken.get(), STAGES_PER_DAY, DAYS, dueDays.get(0), setupSeconds));
            lines.add(String.format(Locale.UK, "Steady load over the run (%.0f s wall, from %s; %d clock jumps): %,d referrals taken at %.2f/s"
                            + " and %,d screenings completed at %.2f/s through the API%s.", runSeconds, loadStarted, jumps,
                    referralsTaken.get(), REFERRALS_PER_SECOND, completed.get(), COMPLETIONS_PER_SECOND,
                    loadErrors.isEmpty() ? "" : "; " + loadErrors.size() + " failed, first: " + loadErrors.peek()));
            lines.add(String.format(Locale.UK, "Heap: at most %,d MiB used during the run (sampled every 200 ms; max %,d MiB), %,d MiB at the end,"
                            + " %,d MiB after a full collection.", heapMax >> 20, heapAtEnd.getMax() >> 20, heapAtEnd.getUsed() >> 20,
                    heapAfterGc >> 20));
            lines.add("");
            lines.add("Lateness of each timer that fell due in the run (engine job log: logged success minus due date):");
            lines.add("");
            lines.add("| timers due (council's time, timer event) | count | min | median | p95 | p99 | max |");
            lines.add("|---|---:|---:|---:|---:|---:|---:|");
            lateness.forEach((timer, values) -> lines.add(row(timer, values)));
            lines.add(row("all", all));
            if (!loadErrors.isEmpty()) {
                throw new IllegalStateException("The steady load failed: " + loadErrors.peek());
            }
            return lines;
        } finally {
            ClockUtil.reset();
        }
    }

    /** The first moment a timer of a stage due that day falls due: its reminder on the warning day, or its deadline. */
    private Instant firstDueMoment(LocalDate dueDay) {
        var warning = timescales.reminderAt(timescales.warningDate(SCREENING_TIMESCALE, receiptFor(dueDay)));
        var deadline = timescales.endOf(dueDay);
        return warning.isBefore(deadline) ? warning : deadline;
    }

    /** The latest day a referral can be received for the catalogue to put its screening's deadline on that day. */
    private LocalDate receiptFor(LocalDate dueDay) {
        for (var received = dueDay.minusDays(1); received.isAfter(dueDay.minusDays(60)); received = received.minusDays(1)) {
            if (timescales.dueDate(SCREENING_TIMESCALE, received).equals(dueDay)) {
                return received;
            }
        }
        throw new IllegalStateException("No receipt day gives a " + SCREENING_TIMESCALE + " deadline on " + dueDay);
    }

    /** Milliseconds late per timer job, by its due moment (the council's time) and timer event, from its first successful run logged. */
    private Map<String, List<Long>> latenessByTimer(Instant from, Instant to) throws Exception {
        var byTimer = new TreeMap<String, List<Long>>();
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("""
                     select act_id_, job_duedate_, min(timestamp_) from act_hi_job_log
                     where job_state_ = 2 and job_def_type_ like 'timer%'
                     group by job_id_, act_id_, job_duedate_ having job_duedate_ between ? and ?""")) {
            statement.setTimestamp(1, Timestamp.from(from));
            statement.setTimestamp(2, Timestamp.from(to));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var late = rows.getTimestamp(3).getTime() - rows.getTimestamp(2).getTime();
                    var due = rows.getTimestamp(2).toInstant().atZone(timescales.zone()).toLocalDateTime();
                    byTimer.computeIfAbsent(due + " " + rows.getString(1), k -> new ArrayList<>()).add(late);
                }
            }
        }
        return byTimer;
    }

    private static String row(String what, List<Long> millis) {
        if (millis.isEmpty()) {
            return "| " + what + " | 0 | | | | | |";
        }
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(Locale.UK, "| %s | %,d | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s |", what, sorted.size(), sorted.get(0) / 1e3,
                rank(sorted, 0.5) / 1e3,
                rank(sorted, 0.95) / 1e3, rank(sorted, 0.99) / 1e3, sorted.get(sorted.size() - 1) / 1e3);
    }

    /** Nearest-rank percentile. */
    private static long rank(List<Long> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String loadAverage() throws Exception {
        var fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }
}
