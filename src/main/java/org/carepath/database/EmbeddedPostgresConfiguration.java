package org.carepath.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no database is configured, in the local profile only. A real server
 * is one setting away: {@code SPRING_DATASOURCE_URL} (with user and password) turns this configuration off.
 * <p>
 * The server asks everyone for a password: the superuser's is generated once and kept in
 * {@value #SUPERUSER_PASSWORD_FILE} in the data directory (readable by its owner only). The schema belongs to
 * {@value #OWNER_ROLE} (Flyway's migrations, Camunda's tables); the application runs as {@value #APP_ROLE},
 * which may read and write rows but not change the schema, its triggers or the audit trail's past.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatabaseConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String SUPERUSER_PASSWORD_FILE = "carepath-superuser.password";
    static final String OWNER_ROLE = "carepath_owner";
    static final String APP_ROLE = "carepath_app";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The embedded server and the passwords of its roles (the owner's and the app's are new at each start). */
    record Server(EmbeddedPostgres postgres, String databaseName, String ownerPassword, String appPassword) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    @Bean(destroyMethod = "close")
    Server embeddedPostgres(EmbeddedPostgresProperties properties, Environment environment) throws IOException, SQLException {
        if (!environment.acceptsProfiles(Profiles.of("local | test"))) {
            throw new IllegalStateException("No database configured (spring.datasource.url) and the embedded PostgreSQL is for the local"
                    + " profile only (profiles: " + String.join(", ", environment.getActiveProfiles()) + "): set SPRING_DATASOURCE_URL,"
                    + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to the council's PostgreSQL (see README.md)");
        }
        var directory = properties.dataDirectory().toAbsolutePath();
        log.info("No database configured: starting embedded PostgreSQL with its data in {}", directory);
        var passwordFile = directory.resolve(SUPERUSER_PASSWORD_FILE);
        var pendingPasswordFile = directory.resolveSibling(directory.getFileName() + ".initdb-password");
        var initialises = properties.clean() || !Files.exists(directory.resolve("postgresql.conf"));
        // An earlier CarePath killed without a shutdown may have left its server running on the directory: stop it first.
        StalePostmaster.stopIfLeftBehind(directory, Duration.ofSeconds(30));
        var builder = builder(properties, directory);
        EmbeddedPostgres postgres;
        if (initialises) {
            var password = newPassword();
            // Kept beside the directory (initdb wants it empty) before initdb runs, so that a crash between initdb and
            // moving it in does not leave a server nobody knows the password of.
            writeOwnerOnly(pendingPasswordFile, password);
            // initdb's own options, passed through zonky's locale options (the only ones it forwards): the superuser gets a
            // password from the start and every connection, local or over TCP, must give one.
            postgres = builder.setLocaleConfig("pwfile", pendingPasswordFile.toString())
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .start();
            writeOwnerOnly(passwordFile, password);
            Files.deleteIfExists(pendingPasswordFile);
        } else if (Files.exists(passwordFile)) {
            postgres = builder.setConnectConfig("password", Files.readString(passwordFile).strip()).start();
        } else if (Files.exists(pendingPasswordFile)) {
            // The first start was cut short after initdb: its password is the pending one.
            var password = Files.readString(pendingPasswordFile).strip();
            postgres = builder.setConnectConfig("password", password).start();
            writeOwnerOnly(passwordFile, password);
            Files.deleteIfExists(pendingPasswordFile);
        } else {
            postgres = requirePasswords(builder.start(), properties, directory, passwordFile);
        }
        try {
            var server = new Server(postgres, properties.databaseName(), newPassword(), newPassword());
            prepareRoles(server);
            return server;
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The application's connections: {@value #APP_ROLE}, rows only. */
    @Bean
    @Primary
    @org.springframework.boot.context.properties.ConfigurationProperties("spring.datasource.hikari") // connection-timeout and the like
    DataSource dataSource(Server server) {
        var dataSource = new HikariDataSource();
        dataSource.setPoolName("carepath-embedded");
        dataSource.setJdbcUrl(server.postgres().getJdbcUrl(APP_ROLE, server.databaseName()));
        dataSource.setUsername(APP_ROLE);
        dataSource.setPassword(server.appPassword());
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    /** Flyway's migrations and the engine's schema run as {@value #OWNER_ROLE}. */
    @Bean
    @FlywayDataSource
    @Qualifier("schemaOwnerDataSource")
    DataSource schemaOwnerDataSource(Server server) {
        return server.postgres().getDatabase(OWNER_ROLE, server.databaseName(), Map.of("password", server.ownerPassword()));
    }

    /** A data directory from before passwords: give the superuser one and require it from now on. */
    private static EmbeddedPostgres requirePasswords(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties, Path directory,
            Path passwordFile) throws IOException {
        var password = newPassword();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role postgres password '" + password + "'");
            writeOwnerOnly(passwordFile, password);
            var hba = directory.resolve("pg_hba.conf");
            Files.writeString(hba, Files.readString(hba).replaceAll("(?m)^(\\s*(local|host)\\s.*\\s)trust\\s*$", "$1scram-sha-256"));
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Cannot give the embedded PostgreSQL's superuser a password", e);
        }
        log.info("The embedded PostgreSQL now requires passwords; the superuser's is in {}", passwordFile);
        postgres.close();
        return builder(properties, directory).setConnectConfig("password", password).start();
    }

    /**
     * The server's settings. Durable unless a test says otherwise: the library's defaults (fsync and synchronous commit
     * off) are for throwaway test databases, and would let a power cut lose referrals already answered 201 or corrupt
     * the database. The library passes {@code -F} (fsync off) before the settings given here, and a later setting wins.
     */
    static EmbeddedPostgres.Builder builder(EmbeddedPostgresProperties properties, Path directory) {
        var durable = properties.durable() ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(properties.clean())
                // Spring stops it after everything that uses it (Spring's shutdown hook closes the context on a normal exit);
                // a JVM hook of its own would race the engine's shutdown.
                .setRegisterShutdownHook(false)
                // a start after a crash replays the write-ahead log first
                .setPGStartupWait(properties.startupWait())
                .setServerConfig("max_connections", "100")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable);
    }

    private static void prepareRoles(Server server) throws SQLException {
        createDatabaseIfMissing(server.postgres(), server.databaseName());
        try (Connection connection = server.postgres().getDatabase("postgres", server.databaseName()).getConnection();
             Statement statement = connection.createStatement()) {
            for (var role : new String[] {OWNER_ROLE, APP_ROLE}) {
                statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then"
                        + " create role " + role + " login nosuperuser nocreatedb nocreaterole noinherit; end if; end $$");
            }
            statement.execute("alter role " + OWNER_ROLE + " password '" + server.ownerPassword() + "'");
            statement.execute("alter role " + APP_ROLE + " password '" + server.appPassword() + "'");
            statement.execute("alter database \"" + server.databaseName() + "\" owner to " + OWNER_ROLE);
            statement.execute("alter schema public owner to " + OWNER_ROLE);
            // Whatever the owner creates (Flyway's tables, Camunda's), the app may use its rows; the audit trail's are taken
            // back to insert and select by V10__audit_trail_insert_only.sql.
            statement.execute("alter default privileges for role " + OWNER_ROLE + " in schema public"
                    + " grant select, insert, update, delete on tables to " + APP_ROLE);
            statement.execute("alter default privileges for role " + OWNER_ROLE + " in schema public"
                    + " grant usage, select on sequences to " + APP_ROLE);
            // Data directories from before the roles: what the superuser created passes to the owner.
            statement.execute("""
                    do $$ declare object record; begin
                      for object in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                          where n.nspname = 'public' and c.relkind in ('r', 'p', 'S', 'v', 'm')
                          and pg_get_userbyid(c.relowner) <> '%1$s' loop
                        execute format('alter %%s %%I owner to %1$s',
                            case object.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                            object.relname);
                      end loop;
                      for object in select p.oid::regprocedure as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                          where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s' loop
                        execute format('alter function %%s owner to %1$s', object.signature);
                      end loop;
                    end $$""".formatted(OWNER_ROLE));
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + name.replace("\"", "") + "\"");
            }
        }
    }

    private static String newPassword() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
