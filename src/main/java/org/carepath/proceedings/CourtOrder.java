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
class CourtOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "proceedings_id")
    private CareProceedings proceedings;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hearing_id")
    private Hearing hearing;
    private String childReference;
    @Enumerated(EnumType.STRING)
    private OrderType type;
    private LocalDate madeOn;
    private Instant recordedAt;

    protected CourtOrder() {
    }

    CourtOrder(CareProceedings proceedings, Hearing hearing, String childReference, OrderType type, LocalDate madeOn, Instant recordedAt) {
        this.proceedings = proceedings;
        this.hearing = hearing;
        this.childReference = childReference;
        this.type = type;
        this.madeOn = madeOn;
        this.recordedAt = recordedAt;
    }

    OrderType type() {
        return type;
    }

    LocalDate madeOn() {
        return madeOn;
    }

    ProceedingsView.OrderView view() {
        return new ProceedingsView.OrderView(type, madeOn);
    }
}
