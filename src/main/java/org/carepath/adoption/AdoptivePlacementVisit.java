package org.carepath.adoption;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A social worker's visit to a child placed for adoption: what was seen, and what the child said. */
@Entity
class AdoptivePlacementVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long adoptionCaseId;
    private String childReference;
    private LocalDate visitedOn;
    private boolean childSeenAlone;
    private String childsViews;
    private String howThePlacementIsGoing;
    private String recordedBy;
    private Instant recordedAt;

    protected AdoptivePlacementVisit() {
    }

    AdoptivePlacementVisit(long adoptionCaseId, String childReference, LocalDate visitedOn, boolean childSeenAlone, String childsViews,
                           String howThePlacementIsGoing, String recordedBy, Instant recordedAt) {
        this.adoptionCaseId = adoptionCaseId;
        this.childReference = childReference;
        this.visitedOn = visitedOn;
        this.childSeenAlone = childSeenAlone;
        this.childsViews = childsViews;
        this.howThePlacementIsGoing = howThePlacementIsGoing;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    View view() {
        return new View(visitedOn, childSeenAlone, childsViews, howThePlacementIsGoing, recordedBy);
    }

    record View(LocalDate visitedOn, boolean childSeenAlone, String childsViews, String howThePlacementIsGoing, String recordedBy) {
    }
}
