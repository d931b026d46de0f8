package org.carepath.drift;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** What a manager decided to do about an alert: an action with an owner, a due date and the rationale. */
@Entity
class DriftAlertAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "alert_id")
    private DriftAlert alert;
    private int escalationLevel;
    private String actedBy;
    private String action;
    private String actionOwner;
    private LocalDate actionDueDate;
    private String rationale;
    private Instant recordedAt;

    protected DriftAlertAction() {
    }

    DriftAlertAction(DriftAlert alert, int escalationLevel, String actedBy, String action, String actionOwner,
                     LocalDate actionDueDate, String rationale, Instant recordedAt) {
        this.alert = alert;
        this.escalationLevel = escalationLevel;
        this.actedBy = actedBy;
        this.action = action;
        this.actionOwner = actionOwner;
        this.actionDueDate = actionDueDate;
        this.rationale = rationale;
        this.recordedAt = recordedAt;
    }

    DriftAlertView.ActionView view() {
        return new DriftAlertView.ActionView(EscalationLevel.of(escalationLevel), actedBy, action, actionOwner,
                actionDueDate, rationale, recordedAt);
    }
}
