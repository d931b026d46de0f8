package org.carepath.engine;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job executor acquires due timers by due date (thousands of statutory timers wait in
 * {@code ACT_RU_JOB}); an index makes that a range scan. Created after the engine has created its tables,
 * which Flyway (running first) cannot rely on, by the schema's owner when there is one (see EngineSchema).
 */
@Component
class JobIndex implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    JobIndex(JdbcTemplate jdbc, @Qualifier("schemaOwnerDataSource") ObjectProvider<DataSource> schemaOwner) {
        var owner = schemaOwner.getIfAvailable();
        this.jdbc = owner == null ? jdbc : new JdbcTemplate(owner);
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute("create index if not exists carepath_job_due on act_ru_job (duedate_, type_)");
    }
}
