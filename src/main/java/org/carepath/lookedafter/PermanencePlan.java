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
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One version of the child's permanence plan, with its contingency and the decision that ratified it. */
@Entity
class PermanencePlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "period_id")
    private PeriodInCare period;
    @Enumerated(EnumType.STRING)
    private PermanencePlanType type;
    private String contingency;
    private LocalDate ratifiedOn;
    @Enumerated(EnumType.STRING)
    private RatifiedBy ratifiedBy;
    private String ratifiedReference;
    private String recordedBy;
    private Instant recordedAt;

    protected PermanencePlan() {
    }

    PermanencePlan(PeriodInCare period, PermanencePlanType type, String contingency, LocalDate ratifiedOn, RatifiedBy ratifiedBy,
                   String ratifiedReference, String recordedBy, Instant recordedAt) {
        this.period = period;
        this.type = type;
        this.contingency = contingency;
        this.ratifiedOn = ratifiedOn;
        this.ratifiedBy = ratifiedBy;
        this.ratifiedReference = ratifiedReference;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Long id() {
        return id;
    }

    PermanencePlanType type() {
        return type;
    }

    LocalDate ratifiedOn() {
        return ratifiedOn;
    }

    PeriodInCareView.PermanencePlanView view() {
        return new PeriodInCareView.PermanencePlanView(id, type, contingency, ratifiedOn, ratifiedBy, ratifiedReference, recordedBy);
    }
}
