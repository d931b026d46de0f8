package org.carepath.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.carepath.CarePathApplication;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: prints what opening a period in care costs (an interim care order recorded: the period, its
 * journey, its five tracked stages with their clocks and its two long timers), in engine rows and jobs and in
 * time, against taking a referral (one tracked stage) in the same run. Run with
 * {@code ./mvnw -B -o -Pbenchmark test -Dtest=PeriodInCareBenchmark} ({@code -Dbenchmark.periods=200}).
 */
@Tag("benchmark")
@SpringBootTest(classes = CarePathApplication.class, properties = {
        "carepath.database.embedded.data-directory=target/period-benchmark-postgres",
        "carepath.database.embedded.clean=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"local", "benchmark"})
class PeriodInCareBenchmark {

    static final int PERIODS = Integer.getInteger("benchmark.periods", 200);
    static final List<String> TABLES = List.of("act_ru_execution", "act_ru_task", "act_ru_job", "act_ru_variable",
            "act_ru_event_subscr", "act_hi_procinst", "act_hi_actinst", "act_hi_varinst", "act_hi_taskinst", "deadline",
            "period_in_care", "audit_event");

    @Autowired
    Children children;
    @Autowired
    ReferralFixtures referrals;
    @Autowired
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        var jdbc = new JdbcTemplate(dataSource);
        var received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString();
        var today = LocalDate.now();
        for (int i = 0; i < 20; i++) { // warm-up, not counted
            referrals.referralReceivedAt(received);
            lookedAfter(today);
        }
        var out = new ArrayList<String>();
        var before = rows(jdbc);
        long start = System.nanoTime();
        for (int i = 0; i < PERIODS; i++) {
            referrals.referralReceivedAt(received);
        }
        double referral = (System.nanoTime() - start) / 1e6 / PERIODS;
        var afterReferrals = rows(jdbc);
        start = System.nanoTime();
        for (int i = 0; i < PERIODS; i++) {
            lookedAfter(today);
        }
        double period = (System.nanoTime() - start) / 1e6 / PERIODS;
        var afterPeriods = rows(jdbc);

        out.add(String.format(Locale.UK, "Opening a period in care: %.1f ms; taking a referral: %.1f ms (mean of %d each, one run);"
                + " ratio %.2f", period, referral, PERIODS, period / referral));
        out.add("");
        out.add("| table | rows per referral | rows per period in care |");
        out.add("|---|---:|---:|");
        for (var table : TABLES) {
            out.add(String.format(Locale.UK, "| %s | %.2f | %.2f |", table,
                    (afterReferrals.get(table) - before.get(table)) / (double) PERIODS,
                    (afterPeriods.get(table) - afterReferrals.get(table)) / (double) PERIODS));
        }
        var text = String.join("\n", out);
        System.out.println("\n" + text + "\n");
        Files.writeString(Path.of("target", "period-in-care-benchmark.md"), text + "\n");
        assertThat(afterPeriods.get("period_in_care")).isGreaterThan(before.get("period_in_care"));
    }

    private void lookedAfter(LocalDate on) {
        var child = children.register(new NewChild("Bench", "InCare-" + System.nanoTime(), LocalDate.of(2016, 1, 1), null, null)).reference();
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, on, "Interim care order (benchmark)");
    }

    private static Map<String, Long> rows(JdbcTemplate jdbc) {
        var rows = new LinkedHashMap<String, Long>();
        TABLES.forEach(table -> rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        return rows;
    }
}
