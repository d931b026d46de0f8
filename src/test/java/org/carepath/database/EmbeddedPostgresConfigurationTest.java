package org.carepath.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** Zero setup: a real PostgreSQL whose data survives a restart, and none at all when a database is configured. */
class EmbeddedPostgresConfigurationTest {

    @TempDir
    Path data;

    @Test
    void dataStaysInTheDataDirectoryBetweenRuns() throws Exception {
        var configuration = new EmbeddedPostgresConfiguration();
        var properties = new EmbeddedPostgresProperties(data.resolve("postgres"), false, "carepath");

        try (var postgres = configuration.embeddedPostgres(properties);
             var dataSource = (HikariDataSource) configuration.dataSource(postgres, properties)) {
            assertThat(dataSource.getJdbcUrl()).endsWith("/carepath?user=postgres");
            var jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table remembered (note text)");
            jdbc.update("insert into remembered values ('still here')");
        }

        try (var postgres = configuration.embeddedPostgres(properties);
             var dataSource = (HikariDataSource) configuration.dataSource(postgres, properties)) {
            assertThat(new JdbcTemplate(dataSource).queryForObject("select note from remembered", String.class)).isEqualTo("still here");
        }
        assertThat(data.resolve("postgres").resolve("PG_VERSION")).exists();
    }

    @Test
    void aConfiguredDatabaseTurnsTheEmbeddedOneOff() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/carepath")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class));
    }
}
