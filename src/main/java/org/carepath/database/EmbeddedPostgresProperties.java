package org.carepath.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the embedded PostgreSQL keeps its data, whether it starts from empty each time (tests), whether it is
 * durable (fsync, synchronous commit, full page writes: on unless a test turns them off for speed), and how long a
 * start may take (a start after a crash first replays the write-ahead log).
 */
@ConfigurationProperties("carepath.database.embedded")
record EmbeddedPostgresProperties(Path dataDirectory, boolean clean, String databaseName, Boolean durable, Duration startupWait) {

    @ConstructorBinding
    EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "postgres");
        }
        if (databaseName == null || databaseName.isBlank()) {
            databaseName = "carepath";
        }
        if (durable == null) {
            durable = true;
        }
        if (startupWait == null) {
            startupWait = Duration.ofMinutes(2);
        }
    }

    /** Durable, with the default wait. */
    EmbeddedPostgresProperties(Path dataDirectory, boolean clean, String databaseName) {
        this(dataDirectory, clean, databaseName, true, null);
    }
}
