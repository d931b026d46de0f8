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

/** A social worker's visit to the child in their placement (reg 28), and whether the child was seen alone. */
@Entity
class StatutoryVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "period_id")
    private PeriodInCare period;
    private long placementId;
    private LocalDate visitedOn;
    private boolean seenAlone;
    private String notSeenAloneReason;
    private String note;
    private String visitedBy;
    private Instant recordedAt;

    protected StatutoryVisit() {
    }

    StatutoryVisit(PeriodInCare period, long placementId, LocalDate visitedOn, boolean seenAlone, String notSeenAloneReason,
                   String note, String visitedBy, Instant recordedAt) {
        this.period = period;
        this.placementId = placementId;
        this.visitedOn = visitedOn;
        this.seenAlone = seenAlone;
        this.notSeenAloneReason = notSeenAloneReason;
        this.note = note;
        this.visitedBy = visitedBy;
        this.recordedAt = recordedAt;
    }

    PeriodInCareView.VisitView view() {
        return new PeriodInCareView.VisitView(id, placementId, visitedOn, seenAlone, notSeenAloneReason, note, visitedBy);
    }
}
