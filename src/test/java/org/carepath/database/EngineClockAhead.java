package org.carepath.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For fault tests only, never part of the app: sets the packaged app's engine clock ({@link ClockUtil}, which CarePath's
 * {@code Timescales.now()} and the job executor read) ahead of the machine's by {@value #SETTING} (an ISO-8601 duration),
 * before the engine starts. A restart with the clock a week further on stands for a week of downtime: the statutory
 * timers that came due meanwhile are due when the app is back, as after a real outage, without waiting a week.
 * <p>
 * {@link #install} copies this one class into a directory of its own, with a {@code META-INF/spring.factories} naming it
 * as an initializer; the fault test starts the jar through Spring Boot's {@code PropertiesLauncher} with that directory
 * on {@code loader.path}. The jar itself has no such setting.
 */
public class EngineClockAhead implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SETTING = "carepath.fault-test.clock-ahead";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var ahead = context.getEnvironment().getProperty(SETTING);
        if (ahead != null && !ahead.isBlank()) {
            ClockUtil.offset(Duration.parse(ahead.strip()).toMillis());
        }
    }

    /** Copies this class (only) under {@code directory} and registers it, ready for {@code -Dloader.path}. */
    static Path install(Path directory) throws IOException {
        var name = EngineClockAhead.class.getName().replace('.', '/') + ".class";
        var target = directory.resolve(name);
        Files.createDirectories(target.getParent());
        try (var in = EngineClockAhead.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("No " + name + " on the test class path");
            }
            Files.copy(in, target);
        }
        var factories = directory.resolve("META-INF/spring.factories");
        Files.createDirectories(factories.getParent());
        Files.writeString(factories, ApplicationContextInitializer.class.getName() + "=" + EngineClockAhead.class.getName() + "\n");
        return directory;
    }
}
