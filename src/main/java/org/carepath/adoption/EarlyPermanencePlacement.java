package org.carepath.adoption;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * The child placed with approved adopters as their foster carers before the match: fostering for adoption, or
 * concurrent planning. Its start stops the A10 clock when those carers become the child's adopters.
 */
@Entity
class EarlyPermanencePlacement {

    enum Kind { FOSTERING_FOR_ADOPTION, CONCURRENT_PLANNING }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private long adopterId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;
    private LocalDate startedOn;
    private Instant recordedAt;
    private String recordedBy;

    protected EarlyPermanencePlacement() {
    }

    EarlyPermanencePlacement(String childReference, long adopterId, Kind kind, LocalDate startedOn, Instant recordedAt, String recordedBy) {
        this.childReference = childReference;
        this.adopterId = adopterId;
        this.kind = kind;
        this.startedOn = startedOn;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    long adopterId() {
        return adopterId;
    }

    LocalDate startedOn() {
        return startedOn;
    }

    View view() {
        return new View(adopterId, kind.name(), startedOn);
    }

    record View(long adopterId, String kind, LocalDate startedOn) {
    }
}
