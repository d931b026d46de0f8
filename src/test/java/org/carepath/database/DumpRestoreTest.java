package org.carepath.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.database.BackupRestoreTest.created;
import static org.carepath.database.BackupRestoreTest.get;
import static org.carepath.database.BackupRestoreTest.millisUntilAnAlertIsOpen;
import static org.carepath.database.BackupRestoreTest.referral;
import static org.carepath.database.BackupRestoreTest.seen;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, part 8, on a council's own server: a PostgreSQL 15 (the version of Debian 12's {@code pg_dump}) set up
 * with the roles README's "The database's roles" gives, CarePath on it with its job executor off. A
 * {@code pg_dump --format=custom} taken while CarePath runs is restored with {@code pg_restore --exit-on-error} into
 * a fresh database and CarePath started on that: every child is found again with the same referrals, deadlines and
 * open tasks, a referral taken after the dump is not there, and a timer that came due before the dump fires.
 */
@Tag("fault")
class DumpRestoreTest {

    /** Copied here by maven-dependency-plugin (pom.xml, {@code council-postgres}), not on the class path. */
    private static final Path SERVER_BINARIES = Path.of("target", "council-postgres", "postgres-binaries.jar");

    @TempDir
    Path temp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aDumpTakenWhileCarePathRunsRestoresIntoAFreshDatabaseWithEveryRecordAndItsTimersFire() throws Exception {
        var pgDump = client("pg_dump");
        var pgRestore = client("pg_restore");
        Assumptions.assumeTrue(pgDump != null && pgRestore != null,
                "no pg_dump/pg_restore on PATH: install PostgreSQL's client (Debian: apt-get install postgresql-client), as .ci/run does");
        var jar = Path.of("target", "carepath.jar").toAbsolutePath();
        assertThat(jar).as("built by ./mvnw package").exists();
        assertThat(SERVER_BINARIES).as("copied by ./mvnw package (maven-dependency-plugin)").exists();

        var superuserPassword = password();
        var ownerPassword = password();
        var appPassword = password();
        try (var server = councilServer(superuserPassword)) {
            var host = "127.0.0.1";
            int port = server.getPort();
            var serverVersion = query(server, superuserPassword, "postgres", "show server_version");
            // README, "The database's roles", as the council's DBA runs it
            sql(server, superuserPassword, "postgres",
                    "create role carepath_owner login password '" + ownerPassword + "'",
                    "create role carepath_app login password '" + appPassword + "'",
                    "create database carepath owner carepath_owner");
            sql(server, superuserPassword, "carepath", "grant usage on schema public to carepath_app");

            var before = new LinkedHashMap<String, BackupRestoreTest.Seen>();
            String late;
            String afterTheDump;
            long dumpMillis;
            long dumpBytes;
            var dump = temp.resolve("carepath.dump");
            var app = CrashRecoveryTest.App.start(jar, carePathOn(host, port, "carepath", ownerPassword, appPassword),
                    temp.resolve("original.log"), http, "--camunda.bpm.job-execution.enabled=false");
            try {
                for (int i = 0; i < 5; i++) {
                    var child = created(referral(http, app.port, "Dump-" + i, Instant.now().minus(1, ChronoUnit.HOURS)));
                    before.put(child, seen(http, app.port, child));
                }
                // recorded a week late: its screening deadline has passed and its timer is due, unfired (no job executor)
                late = created(referral(http, app.port, "DumpLate", Instant.now().minus(7, ChronoUnit.DAYS)));
                before.put(late, seen(http, app.port, late));
                assertThat(get(http, app.port, "admin", "/api/children/" + late + "/alerts").body()).isEqualTo("[]");

                long began = System.nanoTime();
                run(Map.of("PGPASSWORD", ownerPassword), pgDump.toString(), "--format=custom", "--file=" + dump,
                        "postgresql://carepath_owner@" + host + ":" + port + "/carepath");
                dumpMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                dumpBytes = Files.size(dump);

                afterTheDump = created(referral(http, app.port, "AfterTheDump", Instant.now().minus(1, ChronoUnit.HOURS)));
            } finally {
                app.stop();
            }

            // a fresh, empty database owned by the owner; the roles are the server's and are there already
            sql(server, superuserPassword, "postgres", "create database carepath_restored owner carepath_owner template template0");
            long began = System.nanoTime();
            run(Map.of("PGPASSWORD", ownerPassword), pgRestore.toString(),
                    "--dbname=postgresql://carepath_owner@" + host + ":" + port + "/carepath_restored", "--exit-on-error", dump.toString());
            long restoreMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            var auditTrailGuarded = Boolean.parseBoolean(query(server, superuserPassword, "carepath_restored", """
                    select exists (select from pg_trigger where tgname = 'audit_event_no_update_or_delete' and tgenabled <> 'D')
                        and has_table_privilege('carepath_app', 'audit_event', 'INSERT')
                        and not has_table_privilege('carepath_app', 'audit_event', 'DELETE')
                        and (select tableowner from pg_tables where tablename = 'audit_event') = 'carepath_owner'"""));

            app = CrashRecoveryTest.App.start(jar, carePathOn(host, port, "carepath_restored", ownerPassword, appPassword),
                    temp.resolve("restored.log"), http);
            try {
                int found = 0;
                for (var expected : before.values()) {
                    var now = seen(http, app.port, expected.child());
                    if (expected.foundIn(now)) {
                        found++;
                    } else {
                        System.out.println("differs after restore: " + expected + " / " + now);
                    }
                }
                var takenAfter = get(http, app.port, "practitioner", "/api/children/" + afterTheDump + "/referrals");
                long alertAfter = millisUntilAnAlertIsOpen(http, app.port, late);
                System.out.printf("DumpRestoreTest figures: server PostgreSQL %s, %s; children %d, found again with the same referrals,"
                                + " deadlines and open tasks %d; pg_dump while CarePath ran %d ms, %d bytes; pg_restore %d ms;"
                                + " CarePath up on the restored database in %d ms; the due timer fired after %d ms%n",
                        serverVersion, version(pgDump), before.size(), found, dumpMillis, dumpBytes, restoreMillis, app.startedInMillis,
                        alertAfter);
                assertThat(found).isEqualTo(before.size());
                assertThat(takenAfter.statusCode()).as("a referral taken after the dump is not in it: " + takenAfter.body()).isEqualTo(404);
                assertThat(auditTrailGuarded).as("the audit trail's trigger and the app role's insert-only grant came back").isTrue();
                assertThat(alertAfter).as("the timer due before the dump fires after the restore").isNotNegative();
            } finally {
                app.stop();
            }
        }
    }

    /** PostgreSQL 15 on a port of its own, asking every connection for a password, as a council's server would. */
    private EmbeddedPostgres councilServer(String superuserPassword) throws IOException {
        var passwordFile = temp.resolve("superuser.password");
        Files.writeString(passwordFile, superuserPassword);
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, hardware) -> binaries())
                .setDataDirectory(temp.resolve("council-server"))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // initdb's options, through the only ones the library forwards (as EmbeddedPostgresConfiguration does)
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setLocaleConfig("auth", "scram-sha-256")
                .setConnectConfig("password", superuserPassword)
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
    }

    private static InputStream binaries() throws IOException {
        var zip = new ZipFile(SERVER_BINARIES.toFile());
        var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                .orElseThrow(() -> new IOException("no PostgreSQL bundle in " + SERVER_BINARIES));
        return new java.io.FilterInputStream(zip.getInputStream(entry)) {
            @Override
            public void close() throws IOException {
                super.close();
                zip.close();
            }
        };
    }

    /** README, "The database's roles": the app role for connections, the owner for the schema. */
    private static Map<String, String> carePathOn(String host, int port, String database, String ownerPassword, String appPassword) {
        return Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "SPRING_DATASOURCE_USERNAME", "carepath_app", "SPRING_DATASOURCE_PASSWORD", appPassword,
                "SPRING_FLYWAY_USER", "carepath_owner", "SPRING_FLYWAY_PASSWORD", ownerPassword);
    }

    private static void sql(EmbeddedPostgres server, String password, String database, String... statements) throws SQLException {
        try (var connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database, "postgres", password);
             var statement = connection.createStatement()) {
            for (var each : statements) {
                statement.execute(each);
            }
        }
    }

    private static String query(EmbeddedPostgres server, String password, String database, String query) throws SQLException {
        try (var connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database, "postgres", password);
             var statement = connection.createStatement();
             var result = statement.executeQuery(query)) {
            result.next();
            return String.valueOf(result.getObject(1));
        }
    }

    /** The client on PATH, or null. */
    private static Path client(String name) {
        for (var directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            var candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String version(Path client) throws Exception {
        return run(Map.of(), client.toString(), "--version").strip();
    }

    /** Runs a client to its end; its output, or an assertion error with it if it failed. */
    private static String run(Map<String, String> environment, String... command) throws Exception {
        var builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().putAll(environment);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 300 s:\n" + output);
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + " says:\n" + output).isZero();
        return output;
    }

    private static String password() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
