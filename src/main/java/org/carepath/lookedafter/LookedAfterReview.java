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

/** A looked-after review chaired by the child's IRO (reg 36): who came, what the child said, and where the plans stand. */
@Entity
class LookedAfterReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "period_id")
    private PeriodInCare period;
    private int number;
    private LocalDate heldOn;
    private String chairedBy;
    private String attendedBy;
    private String childViews;
    private String childViewsGathered;
    private String carePlanStatus;
    private boolean permanencePlanInPlace;
    private String summary;
    private Instant recordedAt;

    protected LookedAfterReview() {
    }

    LookedAfterReview(PeriodInCare period, int number, LocalDate heldOn, String chairedBy, String attendedBy, String childViews,
                      String childViewsGathered, String carePlanStatus, boolean permanencePlanInPlace, String summary,
                      Instant recordedAt) {
        this.period = period;
        this.number = number;
        this.heldOn = heldOn;
        this.chairedBy = chairedBy;
        this.attendedBy = attendedBy;
        this.childViews = childViews;
        this.childViewsGathered = childViewsGathered;
        this.carePlanStatus = carePlanStatus;
        this.permanencePlanInPlace = permanencePlanInPlace;
        this.summary = summary;
        this.recordedAt = recordedAt;
    }

    Long id() {
        return id;
    }

    LocalDate heldOn() {
        return heldOn;
    }

    PeriodInCareView.ReviewView view() {
        return new PeriodInCareView.ReviewView(id, number, heldOn, chairedBy, attendedBy, childViews, childViewsGathered,
                carePlanStatus, permanencePlanInPlace, summary);
    }
}
