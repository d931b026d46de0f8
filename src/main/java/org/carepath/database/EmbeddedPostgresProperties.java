package org.carepath.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data, and whether it starts from empty each time (tests).
 */
@ConfigurationProperties("carepath.database.embedded")
record EmbeddedPostgresProperties(Path dataDirectory, boolean clean, String databaseName) {

    EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "postgres");
        }
        if (databaseName == null || databaseName.isBlank()) {
            databaseName = "carepath";
        }
    }
}
