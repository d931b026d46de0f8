package org.carepath.drift;

import java.time.Instant;
import java.time.LocalDate;

/** An open statutory deadline for a child, as the API shows it. */
public record DeadlineView(
        String timescale,
        String description,
        String work,
        String processInstanceId,
        String processDefinitionKey,
        LocalDate triggerDate,
        LocalDate warningDate,
        LocalDate dueDate,
        DeadlineStatus status,
        int workingDaysOverdue,
        Instant remindedAt,
        Instant reminderAcknowledgedAt,
        String reminderAcknowledgedBy) {
}
