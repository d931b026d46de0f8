package org.carepath.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/**
 * Zero setup: a real PostgreSQL whose data survives a restart, that asks for a password, only in the local
 * profile, and none at all when a database is configured.
 */
class EmbeddedPostgresConfigurationTest {

    @TempDir
    Path data;

    final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
    final MockEnvironment local = new MockEnvironment();

    {
        local.setActiveProfiles("local");
    }

    @Test
    void dataStaysInTheDataDirectoryBetweenRunsWithTheSameSuperuserPassword() throws Exception {
        var properties = new EmbeddedPostgresProperties(data.resolve("postgres"), false, "carepath");
        var passwordFile = data.resolve("postgres").resolve(EmbeddedPostgresConfiguration.SUPERUSER_PASSWORD_FILE);
        String password;

        try (var server = configuration.embeddedPostgres(properties, local);
             var dataSource = (HikariDataSource) configuration.dataSource(server)) {
            assertThat(dataSource.getJdbcUrl()).endsWith("/carepath?user=carepath_app");
            new JdbcTemplate(configuration.schemaOwnerDataSource(server)).execute("create table remembered (note text)");
            var jdbc = new JdbcTemplate(dataSource);
            jdbc.update("insert into remembered values ('still here')");
            password = Files.readString(passwordFile);
        }
        assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (var server = configuration.embeddedPostgres(properties, local);
             var dataSource = (HikariDataSource) configuration.dataSource(server)) {
            assertThat(new JdbcTemplate(dataSource).queryForObject("select note from remembered", String.class)).isEqualTo("still here");
            assertThat(Files.readString(passwordFile)).as("created once, reused").isEqualTo(password);
            var url = "jdbc:postgresql://localhost:" + server.postgres().getPort() + "/carepath";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (var superuser = DriverManager.getConnection(url, "postgres", password)) {
                assertThat(superuser.isValid(1)).isTrue();
            }
        }
        assertThat(data.resolve("postgres").resolve("PG_VERSION")).exists();
    }

    @Test
    void aDataDirectoryFromBeforePasswordsGetsThemAndItsTablesPassToTheOwner() throws Exception {
        var directory = data.resolve("postgres");
        try (var old = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
             var connection = old.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("create database carepath");
        }
        try (var old = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
             var connection = old.getDatabase("postgres", "carepath").getConnection(); var statement = connection.createStatement()) {
            statement.execute("create table remembered (note text)");
        }

        try (var server = configuration.embeddedPostgres(new EmbeddedPostgresProperties(directory, false, "carepath"), local)) {
            var owner = new JdbcTemplate(configuration.schemaOwnerDataSource(server));
            assertThat(owner.queryForObject("select tableowner from pg_tables where tablename = 'remembered'", String.class))
                    .isEqualTo(EmbeddedPostgresConfiguration.OWNER_ROLE);
            var url = "jdbc:postgresql://localhost:" + server.postgres().getPort() + "/carepath";
            assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=postgres")).isInstanceOf(SQLException.class);
        }
        assertThat(directory.resolve(EmbeddedPostgresConfiguration.SUPERUSER_PASSWORD_FILE)).exists();
    }

    @Test
    void theAppsDataIsDurableByDefault() throws Exception {
        try (var server = configuration.embeddedPostgres(new EmbeddedPostgresProperties(data.resolve("postgres"), false, "carepath"), local)) {
            var jdbc = new JdbcTemplate(configuration.schemaOwnerDataSource(server));
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
        }
        var fast = new EmbeddedPostgresProperties(data.resolve("fast"), true, "carepath", false, null);
        try (var server = configuration.embeddedPostgres(fast, local)) {
            var jdbc = new JdbcTemplate(configuration.schemaOwnerDataSource(server));
            assertThat(jdbc.queryForObject("show fsync", String.class)).as("tests may turn it off").isEqualTo("off");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("off");
        }
    }

    /** As after a SIGKILL of the JVM: the server runs on, nobody holds the directory's lock; the next start stops it. */
    @Test
    void aServerLeftRunningByADeadCarePathIsStoppedOnTheNextStart() throws Exception {
        var properties = new EmbeddedPostgresProperties(data.resolve("postgres"), false, "carepath");
        var orphan = configuration.embeddedPostgres(properties, local);
        new JdbcTemplate(configuration.schemaOwnerDataSource(orphan)).execute("create table remembered (note text); insert into remembered values ('kept')");
        var orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
        forgetWithoutStopping(orphan.postgres());

        try (var server = configuration.embeddedPostgres(properties, local)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("the orphan was stopped").isNotEqualTo(java.util.Optional.of(true));
            assertThat(new JdbcTemplate(configuration.schemaOwnerDataSource(server)).queryForObject("select note from remembered", String.class))
                    .isEqualTo("kept");
        }
    }

    /** As after the machine lost power, or the OOM killer took the server: its pid file names a dead process. */
    @Test
    void aServerThatDiedWithoutShuttingDownStartsAgainWithItsCommittedData() throws Exception {
        var properties = new EmbeddedPostgresProperties(data.resolve("postgres"), false, "carepath");
        var dead = configuration.embeddedPostgres(properties, local);
        new JdbcTemplate(configuration.schemaOwnerDataSource(dead)).execute("create table remembered (note text); insert into remembered values ('committed')");
        var pid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
        var postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        forgetWithoutStopping(dead.postgres());
        assertThat(data.resolve("postgres").resolve("postmaster.pid")).as("left behind, naming a dead process").exists();

        try (var server = configuration.embeddedPostgres(properties, local)) {
            assertThat(new JdbcTemplate(configuration.schemaOwnerDataSource(server)).queryForObject("select note from remembered", String.class))
                    .isEqualTo("committed");
        }
    }

    @Test
    void aStalePidFileNamingAnotherLiveProgramIsNoObstacle() throws Exception {
        var properties = new EmbeddedPostgresProperties(data.resolve("postgres"), false, "carepath");
        configuration.embeddedPostgres(properties, local).close();
        var other = new ProcessBuilder("sleep", "120").start();
        try {
            Files.writeString(data.resolve("postgres").resolve("postmaster.pid"), other.pid() + "\n" + data.resolve("postgres") + "\n");
            try (var server = configuration.embeddedPostgres(properties, local)) {
                assertThat(new JdbcTemplate(configuration.schemaOwnerDataSource(server)).queryForObject("select 1", Integer.class)).isOne();
            }
            assertThat(other.isAlive()).as("not ours: left alone").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aServerInUseByARunningCarePathIsNeverStopped() throws Exception {
        try (var server = configuration.embeddedPostgres(new EmbeddedPostgresProperties(data.resolve("postgres"), false, "carepath"), local)) {
            assertThatThrownBy(() -> StalePostmaster.stopIfLeftBehind(data.resolve("postgres"), java.time.Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another CarePath that is still running");
            assertThat(new JdbcTemplate(configuration.schemaOwnerDataSource(server)).queryForObject("select 1", Integer.class)).isOne();
        }
    }

    /** What the JVM's death does to the library's object: its lock on the directory is gone, and it never stops the server. */
    private static void forgetWithoutStopping(EmbeddedPostgres postgres) throws Exception {
        var lock = EmbeddedPostgres.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(postgres)).release();
        var stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((java.io.Closeable) stream.get(postgres)).close();
        var closed = EmbeddedPostgres.class.getDeclaredField("closed");
        closed.setAccessible(true);
        ((java.util.concurrent.atomic.AtomicBoolean) closed.get(postgres)).set(true);
    }

    @Test
    void theEmbeddedDatabaseIsRefusedOutsideTheLocalProfile() {
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, EmbeddedPostgresConfiguration.class)
                .withPropertyValues("spring.profiles.active=production", "carepath.database.embedded.data-directory=" + data.resolve("refused"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("embedded PostgreSQL is for the local profile only").hasMessageContaining("SPRING_DATASOURCE_URL"));
        assertThat(data.resolve("refused")).doesNotExist();
    }

    @Test
    void aConfiguredDatabaseTurnsTheEmbeddedOneOff() {
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, EmbeddedPostgresConfiguration.class)
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/carepath")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresConfiguration.Server.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddedPostgresProperties.class)
    static class Settings {
    }
}
