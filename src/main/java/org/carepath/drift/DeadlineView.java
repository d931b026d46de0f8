package org.carepath.drift;

import java.time.Instant;
import java.time.LocalDate;

/** An open statutory deadline for a child, as the API shows it ({@code originalDueDate} differs once extended). */
public record DeadlineView(
        String timescale,
        String description,
        String work,
        String processInstanceId,
        String processDefinitionKey,
        LocalDate triggerDate,
        LocalDate warningDate,
        LocalDate dueDate,
        LocalDate originalDueDate,
        DeadlineStatus status,
        int workingDaysOverdue,
        Instant remindedAt,
        Instant reminderAcknowledgedAt,
        String reminderAcknowledgedBy) {
}
