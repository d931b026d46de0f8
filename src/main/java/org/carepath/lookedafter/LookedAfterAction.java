package org.carepath.lookedafter;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** An action decided at a review or a permanence planning meeting: an owner, a due date and its own clock. */
@Entity
class LookedAfterAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "period_id")
    private PeriodInCare period;
    private String decidedAt;
    private LocalDate decidedOn;
    private String action;
    private String owner;
    private LocalDate dueOn;
    private LocalDate doneOn;
    private String note;
    private String processInstanceId;
    private Instant recordedAt;

    protected LookedAfterAction() {
    }

    LookedAfterAction(PeriodInCare period, String decidedAt, LocalDate decidedOn, String action, String owner, LocalDate dueOn,
                      Instant recordedAt) {
        this.period = period;
        this.decidedAt = decidedAt;
        this.decidedOn = decidedOn;
        this.action = action;
        this.owner = owner;
        this.dueOn = dueOn;
        this.recordedAt = recordedAt;
    }

    Long id() {
        return id;
    }

    String action() {
        return action;
    }

    String owner() {
        return owner;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void done(LocalDate on, String note) {
        this.doneOn = on;
        this.note = note;
    }

    PeriodInCareView.ActionView view() {
        return new PeriodInCareView.ActionView(id, decidedAt, decidedOn, action, owner, dueOn, doneOn, note);
    }
}
