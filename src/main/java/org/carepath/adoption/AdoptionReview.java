package org.carepath.adoption;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A review of a child's placement for adoption, chaired by their IRO, with its decisions. */
@Entity
class AdoptionReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long adoptionCaseId;
    private String childReference;
    private LocalDate heldOn;
    private String placementMeetsNeeds;
    private String childsViews;
    private String supportNeeded;
    private String decisions;
    private String recordedBy;
    private Instant recordedAt;

    protected AdoptionReview() {
    }

    AdoptionReview(long adoptionCaseId, String childReference, LocalDate heldOn, String placementMeetsNeeds, String childsViews,
                   String supportNeeded, String decisions, String recordedBy, Instant recordedAt) {
        this.adoptionCaseId = adoptionCaseId;
        this.childReference = childReference;
        this.heldOn = heldOn;
        this.placementMeetsNeeds = placementMeetsNeeds;
        this.childsViews = childsViews;
        this.supportNeeded = supportNeeded;
        this.decisions = decisions;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    View view() {
        return new View(heldOn, placementMeetsNeeds, childsViews, supportNeeded, decisions, recordedBy);
    }

    record View(LocalDate heldOn, String placementMeetsNeeds, String childsViews, String supportNeeded, String decisions,
                String recordedBy) {
    }
}
