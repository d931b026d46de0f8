package org.carepath.panel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PanelSittingRepository extends JpaRepository<PanelSitting, Long> {

    /**
     * The sitting with its row locked until the transaction ends ({@code select ... for update}): two
     * administrators booking the last place take turns, and the second sees the first's booking.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from PanelSitting s where s.id = :id")
    Optional<PanelSitting> findLockedById(Long id);

    @Query("select s from PanelSitting s where s.sittingDate >= :from order by s.startsAt, s.id")
    List<PanelSitting> findFrom(LocalDate from);

    @Query("select s from PanelSitting s where s.panelType = :type and s.status = org.carepath.panel.SittingStatus.SCHEDULED and s.sittingDate >= :from"
            + " order by s.startsAt, s.id")
    List<PanelSitting> findScheduledFrom(PanelType type, LocalDate from);

    @Query("select count(b) > 0 from PanelBooking b where b.childReference = :child and b.status = org.carepath.panel.BookingStatus.BOOKED"
            + " and b.sitting.status = org.carepath.panel.SittingStatus.SCHEDULED and b.sitting.sittingDate >= :today")
    boolean isBookedOnAnOpenSitting(String child, LocalDate today);

    @Query("select distinct b.childReference from PanelBooking b where b.status = org.carepath.panel.BookingStatus.BOOKED"
            + " and b.sitting.status = org.carepath.panel.SittingStatus.SCHEDULED and b.sitting.sittingDate >= :today")
    java.util.Set<String> childrenBookedOnOpenSittings(LocalDate today);

    @Query("select b from PanelBooking b where b.id = :id")
    Optional<PanelBooking> findBooking(Long id);

    @Query("select b from PanelBooking b where b.childReference = :child order by b.bookedAt, b.id")
    List<PanelBooking> findBookingsOf(String child);

    @Query("select count(b) from PanelBooking b where b.childReference = :child and b.status = org.carepath.panel.BookingStatus.DEFERRED")
    long deferralsOf(String child);

    /** Whether the user is linked to a member invited to the sitting. */
    @Query("select count(i) > 0 from PanelInvitation i where i.sitting.id = :sitting and i.member.userId = :user")
    boolean isInvited(Long sitting, String user);

    /**
     * Whether the child is booked on an open sitting (not cancelled, its day not past) to which the user, linked to a
     * member of the central list, is invited: one query on the indexes of the booking's child, the invitation's sitting
     * and the member's user.
     */
    @Query("select count(b) > 0 from PanelBooking b, PanelInvitation i where i.sitting = b.sitting and i.member.userId = :user"
            + " and b.childReference = :child and b.status = org.carepath.panel.BookingStatus.BOOKED"
            + " and b.sitting.status = org.carepath.panel.SittingStatus.SCHEDULED and b.sitting.sittingDate >= :today")
    boolean isBookedOnAnOpenSittingOf(String child, String user, LocalDate today);

    @Query("select distinct b.childReference from PanelBooking b, PanelInvitation i where i.sitting = b.sitting and i.member.userId = :user"
            + " and b.status = org.carepath.panel.BookingStatus.BOOKED"
            + " and b.sitting.status = org.carepath.panel.SittingStatus.SCHEDULED and b.sitting.sittingDate >= :today")
    java.util.Set<String> childrenBookedOnOpenSittingsOf(String user, LocalDate today);
}
