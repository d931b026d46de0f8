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

@Entity
class Placement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "period_id")
    private PeriodInCare period;
    @Enumerated(EnumType.STRING)
    private PlacementType type;
    private String provider;
    private String postcode;
    private boolean longTerm;
    private boolean temporaryApproval;
    private LocalDate startedOn;
    private LocalDate endedOn;
    private String reasonForMove;
    private LocalDate assessedOn;
    private String assessment;
    private String recordedBy;
    private Instant recordedAt;

    protected Placement() {
    }

    Placement(PeriodInCare period, PlacementType type, String provider, String postcode, boolean longTerm,
              boolean temporaryApproval, LocalDate startedOn, String recordedBy, Instant recordedAt) {
        this.period = period;
        this.type = type;
        this.provider = provider;
        this.postcode = postcode;
        this.longTerm = longTerm;
        this.temporaryApproval = temporaryApproval;
        this.startedOn = startedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void end(LocalDate on, String reason) {
        endedOn = on;
        reasonForMove = reason;
    }

    /** A placement with parents made before it could be assessed, assessed now (reg 19). */
    void assessed(LocalDate on, String assessment) {
        this.assessedOn = on;
        this.assessment = assessment;
    }

    Long id() {
        return id;
    }

    boolean current() {
        return endedOn == null;
    }

    LocalDate startedOn() {
        return startedOn;
    }

    LocalDate endedOn() {
        return endedOn;
    }

    PlacementType type() {
        return type;
    }

    boolean longTerm() {
        return longTerm;
    }

    boolean temporaryApproval() {
        return temporaryApproval;
    }

    PeriodInCareView.PlacementView view() {
        return new PeriodInCareView.PlacementView(id, type, provider, postcode, longTerm, temporaryApproval, startedOn, endedOn,
                reasonForMove, assessedOn, assessment);
    }
}
