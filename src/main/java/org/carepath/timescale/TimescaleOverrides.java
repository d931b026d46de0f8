package org.carepath.timescale;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A council's own settings for catalogue timescales, e.g. {@code carepath.timescales.ASSESSMENT.amount=35}.
 */
@ConfigurationProperties("carepath")
record TimescaleOverrides(Map<String, Override> timescales) {

    TimescaleOverrides {
        timescales = timescales == null ? Map.of() : Map.copyOf(timescales);
    }

    record Override(Integer amount, Integer warningWorkingDays) {
    }
}
