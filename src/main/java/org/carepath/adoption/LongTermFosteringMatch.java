package org.carepath.adoption;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A child whose plan is long-term fostering, on the way to a formal match with their carers. */
@Entity
class LongTermFosteringMatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private LocalDate planRatifiedOn;
    private String processInstanceId;
    private String carers;
    private LocalDate proposedOn;
    private LocalDate matchedOn;
    private String decision;
    private Instant openedAt;
    private LocalDate closedOn;

    protected LongTermFosteringMatch() {
    }

    LongTermFosteringMatch(String childReference, LocalDate planRatifiedOn, Instant openedAt) {
        this.childReference = childReference;
        this.planRatifiedOn = planRatifiedOn;
        this.openedAt = openedAt;
    }

    Long id() {
        return id;
    }

    String childReference() {
        return childReference;
    }

    LocalDate planRatifiedOn() {
        return planRatifiedOn;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void proposed(String carers, LocalDate on) {
        this.carers = carers;
        this.proposedOn = on;
    }

    void decided(boolean agreed, String rationale, LocalDate on) {
        this.decision = (agreed ? "Agreed" : "Not agreed") + " on " + on + ": " + rationale;
        if (agreed) {
            this.matchedOn = on;
            this.closedOn = on;
        }
    }

    void closed(LocalDate on, String reason) {
        this.closedOn = on;
        this.decision = reason;
    }

    View view(LocalDate dueOn) {
        return new View(planRatifiedOn, dueOn, carers, proposedOn, matchedOn, decision, closedOn);
    }

    /** The match on the child's record, with the day it is due by. */
    record View(LocalDate planRatifiedOn, LocalDate dueOn, String carers, LocalDate proposedOn, LocalDate matchedOn, String decision,
                LocalDate closedOn) {
    }
}
