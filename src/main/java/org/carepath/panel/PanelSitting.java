package org.carepath.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/** One sitting of a panel: when and where, the members invited and who attended, and the cases booked. */
@Entity
class PanelSitting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private PanelType panelType;
    private Instant startsAt;
    private LocalDate sittingDate;
    private LocalTime sittingTime;
    private String place;
    private String onlineLink;
    private int capacity;
    @Enumerated(EnumType.STRING)
    private SittingStatus status;
    private String cancelledReason;
    private LocalDate rescheduledFrom;
    private String rescheduledReason;
    private Instant createdAt;
    private String createdBy;
    private Instant papersCirculatedAt;
    private String papersCirculatedBy;
    private long version;
    private Instant changedAt;
    private String changedBy;

    @OneToMany(mappedBy = "sitting", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PanelInvitation> invitations = new ArrayList<>();

    @OneToMany(mappedBy = "sitting", cascade = CascadeType.ALL)
    @OrderBy("agendaOrder, id")
    private List<PanelBooking> bookings = new ArrayList<>();

    protected PanelSitting() {
    }

    PanelSitting(PanelType panelType, LocalDate date, LocalTime time, ZoneId zone, String place, String onlineLink,
                 int capacity, Instant createdAt, String createdBy) {
        this.panelType = panelType;
        at(date, time, zone);
        this.place = place;
        this.onlineLink = onlineLink;
        this.capacity = capacity;
        this.status = SittingStatus.SCHEDULED;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    private void at(LocalDate date, LocalTime time, ZoneId zone) {
        this.sittingDate = date;
        this.sittingTime = time;
        this.startsAt = date.atTime(time).atZone(zone).toInstant();
    }

    Long id() {
        return id;
    }

    long version() {
        return version;
    }

    /** One more version: called once for each change, under the sitting's row lock. */
    void changed(Instant at, String by) {
        version++;
        changedAt = at;
        changedBy = by;
    }

    Instant changedAt() {
        return changedAt;
    }

    String changedBy() {
        return changedBy;
    }

    PanelType type() {
        return panelType;
    }

    Instant startsAt() {
        return startsAt;
    }

    LocalDate date() {
        return sittingDate;
    }

    LocalTime time() {
        return sittingTime;
    }

    String place() {
        return place;
    }

    String onlineLink() {
        return onlineLink;
    }

    int capacity() {
        return capacity;
    }

    SittingStatus status() {
        return status;
    }

    boolean cancelled() {
        return status == SittingStatus.CANCELLED;
    }

    String cancelledReason() {
        return cancelledReason;
    }

    LocalDate rescheduledFrom() {
        return rescheduledFrom;
    }

    String rescheduledReason() {
        return rescheduledReason;
    }

    List<PanelInvitation> invitations() {
        return invitations;
    }

    boolean invited(PanelMember member) {
        return invitations.stream().anyMatch(i -> i.member().id().equals(member.id()));
    }

    void invite(PanelMember member) {
        if (!invited(member)) {
            invitations.add(new PanelInvitation(this, member));
        }
    }

    boolean attendanceRecorded() {
        return invitations.stream().anyMatch(i -> i.attended() != null);
    }

    List<PanelBooking> bookings() {
        return bookings;
    }

    /** The cases on the agenda, in order. */
    List<PanelBooking> agenda() {
        return bookings.stream().filter(PanelBooking::booked)
                .sorted(Comparator.comparingInt(PanelBooking::agendaOrder).thenComparing(PanelBooking::id, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    int casesBooked() {
        return agenda().size();
    }

    int freePlaces() {
        return Math.max(0, capacity - casesBooked());
    }

    PanelBooking book(String childReference, String reason, LocalTime caseTime, Long deferredFrom, Instant at, String by) {
        int order = bookings.stream().mapToInt(PanelBooking::agendaOrder).max().orElse(0) + 1;
        var time = caseTime != null ? caseTime : sittingTime.plusMinutes((long) panelType.minutesPerCase() * casesBooked());
        var booking = new PanelBooking(this, childReference, reason, order, time, deferredFrom, at, by);
        bookings.add(booking);
        return booking;
    }

    void cancel(String reason) {
        this.status = SittingStatus.CANCELLED;
        this.cancelledReason = reason;
    }

    void reschedule(LocalDate date, LocalTime time, ZoneId zone, String reason) {
        this.rescheduledFrom = this.sittingDate;
        this.rescheduledReason = reason;
        var shift = java.time.Duration.between(sittingTime, time);
        at(date, time, zone);
        bookings.stream().filter(PanelBooking::booked).forEach(b -> b.moveBy(shift));
    }

    Instant papersCirculatedAt() {
        return papersCirculatedAt;
    }

    void papersCirculated(Instant at, String by) {
        this.papersCirculatedAt = at;
        this.papersCirculatedBy = by;
    }
}
