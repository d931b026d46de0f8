package org.carepath.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Jobs that are due (timers past their time, async steps waiting) and that no job executor holds: the queue an
 * operations team watches grow when the executor falls behind or stops. Read with SQL, since the engine's job
 * query cannot ask for jobs without a lock; "now" is the engine's clock, as for the job executor itself.
 */
@Component
class JobBacklog {

    // Active (not suspended), retries left, due, and not locked by an executor (or its lock has expired).
    private static final String DUE_NOT_ACQUIRED = """
            from ACT_RU_JOB where SUSPENSION_STATE_ = 1 and RETRIES_ > 0
              and (DUEDATE_ is null or DUEDATE_ <= ?) and (LOCK_OWNER_ is null or LOCK_EXP_TIME_ < ?)""";

    private final JdbcTemplate jdbc;

    JobBacklog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    record Reading(long due, Duration oldestLateness) {
    }

    Reading read() {
        var now = ClockUtil.getCurrentTime();
        var at = new Timestamp(now.getTime());
        return jdbc.queryForObject("select count(*), min(coalesce(DUEDATE_, ?)) " + DUE_NOT_ACQUIRED, (rows, i) -> {
            var oldest = rows.getTimestamp(2);
            var lateness = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.ofEpochMilli(now.getTime()));
            return new Reading(rows.getLong(1), lateness.isNegative() ? Duration.ZERO : lateness);
        }, at, at, at);
    }
}
