package org.carepath.drift;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;

/** A missed statutory deadline: raised at the breach, escalated up the ladder, resolved when the work is done. */
@Entity
class DriftAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "deadline_id")
    private Deadline deadline;
    private String childReference;
    private String processInstanceId;
    private String processDefinitionKey;
    private String work;
    private String waitingAt;
    private String timescaleKey;
    private LocalDate triggerDate;
    private LocalDate dueDate;
    private Instant raisedAt;
    private int escalationLevel;
    private Instant escalatedAt;
    private Instant resolvedAt;
    @Enumerated(EnumType.STRING)
    private Resolution resolution;
    private Integer workingDaysLate;

    @OneToMany(mappedBy = "alert", cascade = CascadeType.ALL)
    @OrderBy("recordedAt, id")
    private List<DriftAlertAction> actions = new ArrayList<>();

    protected DriftAlert() {
    }

    DriftAlert(Deadline deadline, String waitingAt, Instant raisedAt) {
        this.deadline = deadline;
        this.childReference = deadline.childReference();
        this.processInstanceId = deadline.processInstanceId();
        this.processDefinitionKey = deadline.processDefinitionKey();
        this.work = deadline.work();
        this.waitingAt = waitingAt;
        this.timescaleKey = deadline.timescaleKey();
        this.triggerDate = deadline.triggerDate();
        this.dueDate = deadline.dueDate();
        this.raisedAt = raisedAt;
        this.escalationLevel = EscalationLevel.TEAM_MANAGER.level();
    }

    void escalate(EscalationLevel level, Instant at) {
        if (level.level() > escalationLevel) {
            escalationLevel = level.level();
            escalatedAt = at;
        }
    }

    void resolve(Instant at, Resolution resolution, int workingDaysLate) {
        this.resolvedAt = at;
        this.resolution = resolution;
        this.workingDaysLate = workingDaysLate;
    }

    void record(DriftAlertAction action) {
        actions.add(action);
    }

    boolean open() {
        return resolvedAt == null;
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

    String work() {
        return work;
    }

    String waitingAt() {
        return waitingAt;
    }

    String timescaleKey() {
        return timescaleKey;
    }

    LocalDate triggerDate() {
        return triggerDate;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    Instant raisedAt() {
        return raisedAt;
    }

    int escalationLevel() {
        return escalationLevel;
    }

    Instant escalatedAt() {
        return escalatedAt;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    Resolution resolution() {
        return resolution;
    }

    Integer workingDaysLate() {
        return workingDaysLate;
    }

    List<DriftAlertAction> actions() {
        return actions;
    }
}
