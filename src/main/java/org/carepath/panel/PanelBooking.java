package org.carepath.panel;

import java.time.Instant;
import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A child booked onto a sitting: why, their place on the agenda and time; deferred when moved to a later sitting. */
@Entity
class PanelBooking {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "sitting_id")
    private PanelSitting sitting;
    private String childReference;
    private String reason;
    private int agendaOrder;
    private LocalTime caseTime;
    @Enumerated(EnumType.STRING)
    private BookingStatus status;
    private Long deferredFrom;
    private String deferredReason;
    private Instant bookedAt;
    private String bookedBy;
    private Instant papersReceivedAt;
    private String papersReceivedBy;

    protected PanelBooking() {
    }

    PanelBooking(PanelSitting sitting, String childReference, String reason, int agendaOrder, LocalTime caseTime,
                 Long deferredFrom, Instant bookedAt, String bookedBy) {
        this.sitting = sitting;
        this.childReference = childReference;
        this.reason = reason;
        this.agendaOrder = agendaOrder;
        this.caseTime = caseTime;
        this.status = BookingStatus.BOOKED;
        this.deferredFrom = deferredFrom;
        this.bookedAt = bookedAt;
        this.bookedBy = bookedBy;
    }

    Long id() {
        return id;
    }

    PanelSitting sitting() {
        return sitting;
    }

    String childReference() {
        return childReference;
    }

    String reason() {
        return reason;
    }

    int agendaOrder() {
        return agendaOrder;
    }

    LocalTime caseTime() {
        return caseTime;
    }

    BookingStatus status() {
        return status;
    }

    boolean booked() {
        return status == BookingStatus.BOOKED;
    }

    Long deferredFrom() {
        return deferredFrom;
    }

    String deferredReason() {
        return deferredReason;
    }

    void moveBy(java.time.Duration shift) {
        this.caseTime = caseTime.plus(shift);
    }

    void deferred(String reason) {
        this.status = BookingStatus.DEFERRED;
        this.deferredReason = reason;
    }

    Instant papersReceivedAt() {
        return papersReceivedAt;
    }

    /** The social worker's papers for this case came in (a deferred case brings the papers it had). */
    void papersReceived(Instant at, String by) {
        this.papersReceivedAt = at;
        this.papersReceivedBy = by;
    }
}
