package org.carepath.operations;

import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the engine retries a failing step, and how long it keeps a finished journey's history (docs/decisions/0003).
 *
 * @param failedStepRetries   retries of a failing job (timer, async step) as an ISO 8601 repeat, e.g. {@code R3/PT5M}:
 *                            three more tries, five minutes apart, then an incident
 * @param historyTimeToLive   days the engine keeps a finished process instance's history, by process key, with a
 *                            {@code default}; the child record keeps the decisions, plans and dates for good
 * @param historyCleanup      the nightly window in which the engine removes history past its time to live
 */
@ConfigurationProperties("carepath.operations")
record OperationsProperties(String failedStepRetries, Map<String, Integer> historyTimeToLive, Window historyCleanup) {

    static final String DEFAULT = "default";

    OperationsProperties {
        if (historyTimeToLive == null || !historyTimeToLive.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("carepath.operations.history-time-to-live needs a 'default' (days)");
        }
        historyTimeToLive.forEach((key, days) -> {
            if (days == null || days < 1) {
                throw new IllegalArgumentException("carepath.operations.history-time-to-live." + key + " must be at least 1 day");
            }
        });
    }

    int historyTimeToLiveOf(String processKey) {
        return historyTimeToLive.getOrDefault(processKey, historyTimeToLive.get(DEFAULT));
    }

    /** Start and end, in the server's time zone ({@code HH:mm}); the end may be after midnight. */
    record Window(LocalTime start, LocalTime end) {
    }
}
