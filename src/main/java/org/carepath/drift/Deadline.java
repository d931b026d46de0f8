package org.carepath.drift;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One statutory clock running on a stage of work about a child. */
@Entity
class Deadline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private String processInstanceId;
    private String processDefinitionKey;
    private String activityId;
    private String activityInstanceId;
    private String clockProcessInstanceId;
    private String work;
    private String timescaleKey;
    private LocalDate triggerDate;
    private LocalDate warningDate;
    private LocalDate dueDate;
    private LocalDate originalDueDate;
    private Instant openedAt;
    private Instant remindedAt;
    private Instant reminderAcknowledgedAt;
    private String reminderAcknowledgedBy;
    private String reminderNote;
    private Instant breachedAt;
    private Instant closedAt;
    @Enumerated(EnumType.STRING)
    private Resolution outcome;
    private Integer workingDaysLate;

    protected Deadline() {
    }

    Deadline(String childReference, String processInstanceId, String processDefinitionKey, String activityId,
             String activityInstanceId, String work, String timescaleKey, LocalDate triggerDate, LocalDate warningDate,
             LocalDate dueDate, Instant openedAt) {
        this.childReference = childReference;
        this.processInstanceId = processInstanceId;
        this.processDefinitionKey = processDefinitionKey;
        this.activityId = activityId;
        this.activityInstanceId = activityInstanceId;
        this.work = work;
        this.timescaleKey = timescaleKey;
        this.triggerDate = triggerDate;
        this.warningDate = warningDate;
        this.dueDate = dueDate;
        this.originalDueDate = dueDate;
        this.openedAt = openedAt;
    }

    void runsOn(String clockProcessInstanceId) {
        this.clockProcessInstanceId = clockProcessInstanceId;
    }

    void extendTo(LocalDate newDueDate, LocalDate newWarningDate) {
        this.dueDate = newDueDate;
        this.warningDate = newWarningDate;
    }

    void reminded(Instant at) {
        remindedAt = at;
    }

    void reminderAcknowledged(Instant at, String by, String note) {
        reminderAcknowledgedAt = at;
        reminderAcknowledgedBy = by;
        reminderNote = note;
    }

    void breached(Instant at) {
        if (breachedAt == null) {
            breachedAt = at;
        }
    }

    void close(Instant at, Resolution outcome, int workingDaysLate) {
        this.closedAt = at;
        this.outcome = outcome;
        this.workingDaysLate = workingDaysLate;
    }

    boolean open() {
        return closedAt == null;
    }

    Long id() {
        return id;
    }

    String childReference() {
        return childReference;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    String processDefinitionKey() {
        return processDefinitionKey;
    }

    String activityId() {
        return activityId;
    }

    String work() {
        return work;
    }

    String timescaleKey() {
        return timescaleKey;
    }

    LocalDate triggerDate() {
        return triggerDate;
    }

    LocalDate warningDate() {
        return warningDate;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    LocalDate originalDueDate() {
        return originalDueDate;
    }

    String activityInstanceId() {
        return activityInstanceId;
    }

    /** The statutory-deadline process instance that reminds and escalates while this deadline is open. */
    String clockProcessInstanceId() {
        return clockProcessInstanceId;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant remindedAt() {
        return remindedAt;
    }

    Instant reminderAcknowledgedAt() {
        return reminderAcknowledgedAt;
    }

    String reminderAcknowledgedBy() {
        return reminderAcknowledgedBy;
    }

    String reminderNote() {
        return reminderNote;
    }

    Instant breachedAt() {
        return breachedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    Resolution outcome() {
        return outcome;
    }

    Integer workingDaysLate() {
        return workingDaysLate;
    }
}
