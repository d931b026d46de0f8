package org.carepath.proceedings;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Whether, and when, a care order for a child living with their parents is discharged. */
@Entity
class Revocation {

    enum Status { CONSIDERING, APPLIED, DISCHARGED, REFUSED, CARE_ORDER_CONTINUES }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant consideredAt;
    private String requestedBy;
    private String reason;
    private LocalDate appliedOn;
    private LocalDate hearingOn;
    private String outcome;

    protected Revocation() {
    }

    Revocation(String childReference, String reason, String requestedBy, Instant consideredAt) {
        this.childReference = childReference;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.consideredAt = consideredAt;
        this.status = Status.CONSIDERING;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void applied(LocalDate on) {
        appliedOn = on;
        status = Status.APPLIED;
    }

    void heard(LocalDate on, boolean discharged) {
        hearingOn = on;
        outcome = discharged ? "discharged" : "refused";
        status = discharged ? Status.DISCHARGED : Status.REFUSED;
    }

    void careOrderContinues() {
        status = Status.CARE_ORDER_CONTINUES;
    }

    Long id() {
        return id;
    }

    String childReference() {
        return childReference;
    }

    RevocationView view() {
        return new RevocationView(id, childReference, processInstanceId, status.name(), consideredAt, requestedBy, reason,
                appliedOn, hearingOn, outcome);
    }

    record RevocationView(long id, String childReference, String processInstanceId, String status, Instant consideredAt,
                          String requestedBy, String reason, LocalDate appliedOn, LocalDate hearingOn, String outcome) {
    }
}
