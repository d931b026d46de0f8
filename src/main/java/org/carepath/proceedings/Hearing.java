package org.carepath.proceedings;

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
class Hearing {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "proceedings_id")
    private CareProceedings proceedings;
    @Enumerated(EnumType.STRING)
    private HearingType type;
    private LocalDate heldOn;
    private String outcome;
    private LocalDate nextHearingOn;
    @Enumerated(EnumType.STRING)
    private HearingType nextHearingType;
    private String recordedBy;
    private Instant recordedAt;

    protected Hearing() {
    }

    Hearing(CareProceedings proceedings, HearingType type, LocalDate heldOn, String outcome, LocalDate nextHearingOn,
            HearingType nextHearingType, String recordedBy, Instant recordedAt) {
        this.proceedings = proceedings;
        this.type = type;
        this.heldOn = heldOn;
        this.outcome = outcome;
        this.nextHearingOn = nextHearingOn;
        this.nextHearingType = nextHearingType;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Long id() {
        return id;
    }

    HearingType type() {
        return type;
    }

    HearingType nextHearingType() {
        return nextHearingType;
    }

    ProceedingsView.HearingView view() {
        return new ProceedingsView.HearingView(id, type, heldOn, outcome, nextHearingOn, nextHearingType, recordedBy);
    }
}
