package org.carepath.lookedafter;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One manager's response to the IRO's concern at one stage: who, when, what they will do and by when, and why. */
@Entity
class IroDisputeResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "dispute_id")
    private IroDispute dispute;
    @Enumerated(EnumType.STRING)
    private DisputeStage stage;
    private String respondedBy;
    private Instant respondedAt;
    private String position;
    private String action;
    private LocalDate actionBy;
    private String rationale;
    private String consideredBy;
    private Instant consideredAt;
    private String iroOutcome;
    private String iroRationale;

    protected IroDisputeResponse() {
    }

    IroDisputeResponse(IroDispute dispute, DisputeStage stage, String respondedBy, Instant respondedAt, String position,
                       String action, LocalDate actionBy, String rationale) {
        this.dispute = dispute;
        this.stage = stage;
        this.respondedBy = respondedBy;
        this.respondedAt = respondedAt;
        this.position = position;
        this.action = action;
        this.actionBy = actionBy;
        this.rationale = rationale;
    }

    void considered(String by, Instant at, String outcome, String rationale) {
        consideredBy = by;
        consideredAt = at;
        iroOutcome = outcome;
        iroRationale = rationale;
    }

    DisputeStage stage() {
        return stage;
    }

    DisputeView.Response view() {
        return new DisputeView.Response(stage, respondedBy, respondedAt, position, action, actionBy, rationale, consideredBy,
                consideredAt, iroOutcome, iroRationale);
    }
}
