package org.carepath.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the bare-engine baseline ({@code benchmark/engine-baseline}, the bare Camunda engine without Spring or CarePath) as a
 * process of its own against a database of its own on the PostgreSQL server CarePath's benchmark started, and reads its
 * figures back. Builds the baseline's jar first when it is missing.
 */
final class BareEngineBaseline {

    static final Path PROJECT = Path.of("benchmark", "engine-baseline");
    static final Path JAR = PROJECT.resolve("target").resolve("engine-baseline.jar");
    static final String DATABASE = "engine_baseline";

    /** One row of the baseline's result table. */
    record Phase(String name, int ops, int errors, double wallSeconds, double rate, double p50Millis, double p95Millis) {
    }

    /** The baseline's phases by name (start, complete, timer-start, timers) and whether its checks passed. */
    record Run(Map<String, Phase> phases, boolean verified, List<String> output) {
        Phase phase(String name) {
            var phase = phases.get(name);
            if (phase == null) {
                throw new IllegalStateException("the baseline printed no '" + name + "' row:\n" + String.join("\n", output));
            }
            return phase;
        }
    }

    private static final Pattern ROW = Pattern.compile(
            "^(start|complete|timer-start|timers)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+(\\S+)\\s+(\\S+)\\s+\\S+\\s*$");

    private final String serverUrl;
    private final String password;

    /** @param serverUrl {@code jdbc:postgresql://host:port/} of the server, without a database */
    BareEngineBaseline(String serverUrl, String password) {
        this.serverUrl = serverUrl;
        this.password = password;
    }

    String jdbcUrl() {
        return serverUrl + DATABASE;
    }

    /** Builds the baseline's jar if it is not there yet (with the project's Maven wrapper). */
    static void buildIfMissing() throws IOException, InterruptedException {
        if (Files.exists(JAR)) {
            return;
        }
        var build = new ProcessBuilder("./mvnw", "-B", "-q", "-f", PROJECT.resolve("pom.xml").toString(), "package")
                .inheritIO().start();
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0 || !Files.exists(JAR)) {
            throw new IllegalStateException("could not build " + JAR + " (./mvnw -f " + PROJECT.resolve("pom.xml") + " package)");
        }
    }

    /** Creates the baseline's database on the server if it is not there (as the superuser). */
    void createDatabase() throws SQLException {
        try (var connection = DriverManager.getConnection(serverUrl + "postgres", "postgres", password);
             var statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        }
    }

    /** Runs the baseline jar with these options (plus the database's); its output goes to {@code target/<log>}. */
    Run run(String log, String... options) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "--jdbc", jdbcUrl(), "--user", "postgres", "--password", password));
        command.addAll(List.of(options));
        var logFile = Path.of("target", log);
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        if (!process.waitFor(60, TimeUnit.MINUTES)) {
            process.destroy();
            throw new IllegalStateException("the baseline did not finish within an hour; see " + logFile);
        }
        var output = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        var phases = new LinkedHashMap<String, Phase>();
        for (var line : output) {
            var row = ROW.matcher(line);
            if (row.matches()) {
                phases.put(row.group(1), new Phase(row.group(1), Integer.parseInt(row.group(2)), Integer.parseInt(row.group(3)),
                        Double.parseDouble(row.group(4)), Double.parseDouble(row.group(5)), number(row.group(6)), number(row.group(7))));
            }
        }
        var verified = output.contains("verification: OK") && process.exitValue() == 0;
        return new Run(phases, verified, output);
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
