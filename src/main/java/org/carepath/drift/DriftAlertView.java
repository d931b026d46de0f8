package org.carepath.drift;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A drift alert as the API shows it; {@code workingDaysLate} is live while open and kept once resolved. */
public record DriftAlertView(
        long id,
        String childReference,
        String processInstanceId,
        String processDefinitionKey,
        String work,
        String waitingAt,
        String timescale,
        LocalDate triggerDate,
        LocalDate dueDate,
        Instant raisedAt,
        EscalationLevel escalationLevel,
        Instant escalatedAt,
        boolean open,
        Instant resolvedAt,
        Resolution resolution,
        int workingDaysLate,
        List<ActionView> actions) {

    public record ActionView(EscalationLevel level, String actedBy, String action, String owner, LocalDate dueDate,
                             String rationale, Instant recordedAt) {
    }
}
