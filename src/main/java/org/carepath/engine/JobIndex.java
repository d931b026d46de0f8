package org.carepath.engine;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job executor acquires due timers by due date (thousands of statutory timers wait in
 * {@code ACT_RU_JOB}); an index makes that a range scan. Created after the engine has created its tables,
 * which Flyway (running first) cannot rely on.
 */
@Component
class JobIndex implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    JobIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute("create index if not exists carepath_job_due on act_ru_job (duedate_, type_)");
    }
}
