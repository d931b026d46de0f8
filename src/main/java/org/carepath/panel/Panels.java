package org.carepath.panel;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.camunda.bpm.engine.IdentityService;
import org.carepath.access.ChildAccess;
import org.carepath.child.Children;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.FieldProblems;
import org.carepath.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The central list, sittings and bookings. A booking takes a place under a lock on the sitting's row, so a
 * sitting is never booked beyond its capacity however many administrators book at once.
 */
@Service
@Transactional
public class Panels {


    private final PanelMemberRepository members;
    private final PanelSittingRepository sittings;
    private final Children children;
    private final ChildAccess access;
    private final Timescales timescales;
    private final Validator validator;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.carepath.audit.Audit audit;
    private final IdentityService identity;

    Panels(PanelMemberRepository members, PanelSittingRepository sittings, Children children, ChildAccess access,
           Timescales timescales, Validator validator, org.springframework.context.ApplicationEventPublisher events,
           org.carepath.audit.Audit audit, IdentityService identity) {
        this.events = events;
        this.audit = audit;
        this.identity = identity;
        this.members = members;
        this.sittings = sittings;
        this.children = children;
        this.access = access;
        this.timescales = timescales;
        this.validator = validator;
    }

    // ------------------------------------------------------------------ the central list

    @Transactional(readOnly = true)
    List<PanelViews.Member> members() {
        return members.findAllByOrderByNameAscIdAsc().stream().map(PanelMember::view).toList();
    }

    PanelViews.Member addMember(PanelInput.Member input) {
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("appointedOn") && problems.fine("appointmentEndsOn")
                && LocalDate.parse(input.appointmentEndsOn()).isBefore(LocalDate.parse(input.appointedOn()))) {
            problems.add("appointmentEndsOn", "must not be before the appointment began (" + input.appointedOn() + ")");
        }
        if (problems.fine("panelTypes")) {
            for (int i = 0; i < input.panelTypes().size(); i++) {
                var type = input.panelTypes().get(i);
                if (type != null && !PanelType.known(type)) {
                    problems.add("panelTypes[" + i + "]", "must be one of " + PanelType.values());
                }
            }
        }
        if (problems.fine("role") && PanelRole.valueOf(input.role()) == PanelRole.SOCIAL_WORKER && input.qualifiedOn() == null) {
            problems.add("qualifiedOn", "is required for a social worker: their post-qualifying experience counts for quorum");
        }
        var userId = input.userId() == null || input.userId().isBlank() ? null : input.userId().strip();
        if (userId != null && problems.fine("userId")) {
            if (Viewer.asTheApplication(identity, () -> identity.createUserQuery().userId(userId).count()) == 0) {
                problems.add("userId", "no CarePath user '" + userId + "' (a user signs in once before they can be linked)");
            } else {
                members.findByUserId(userId).ifPresent(linked -> problems.add("userId", "is linked already to " + linked.name()
                        + " (member " + linked.id() + ")"));
            }
        }
        problems.throwIfAny();
        var types = new java.util.HashSet<PanelType>();
        input.panelTypes().stream().filter(java.util.Objects::nonNull).forEach(type -> types.add(PanelType.valueOf(type)));
        var member = members.save(new PanelMember(input.name().strip(), PanelRole.valueOf(input.role()), types,
                input.qualifiedOn() == null ? null : LocalDate.parse(input.qualifiedOn()), LocalDate.parse(input.appointedOn()),
                LocalDate.parse(input.appointmentEndsOn()), timescales.now(), by(), userId));
        return member.view();
    }

    // ------------------------------------------------------------------ sittings

    @Transactional(readOnly = true)
    List<PanelViews.Summary> sittings(String type, String from) {
        var problems = new FieldProblems(List.of());
        PanelType panelType = null;
        if (type != null) {
            try {
                panelType = PanelType.valueOf(type);
            } catch (IllegalArgumentException e) {
                problems.add("type", "must be one of " + PanelType.values());
            }
        }
        var since = timescales.today();
        if (from != null) {
            since = date(from, "from", problems);
        }
        problems.throwIfAny();
        var wanted = panelType;
        return sittings.findFrom(since).stream().filter(s -> wanted == null || s.type() == wanted).map(this::summary).toList();
    }

    PanelViews.Sitting createSitting(PanelInput.Sitting input) {
        var problems = FieldProblems.of(validator, input);
        if (input.place() != null && input.place().isBlank()) {
            problems.add("place", "must not be blank");
        }
        if ((input.place() == null || input.place().isBlank()) && input.onlineLink() == null) {
            problems.add("place", "is required: a place, or an online link");
        }
        LocalDate date = null;
        if (problems.fine("date")) {
            date = LocalDate.parse(input.date());
            if (date.isBefore(timescales.today())) {
                problems.add("date", "must not be in the past");
            }
        }
        if (problems.fine("type") && !PanelType.known(input.type())) {
            problems.add("type", "must be one of " + PanelType.values());
        }
        PanelType type = problems.fine("type") ? PanelType.valueOf(input.type()) : null;
        var invited = new ArrayList<PanelMember>();
        if (type != null && date != null) {
            invited.addAll(invitable(input.members() == null ? List.of() : input.members(), type, date, "members", problems));
        }
        problems.throwIfAny();
        var sitting = new PanelSitting(type, date, LocalTime.parse(input.time()), timescales.zone(),
                input.place() == null ? null : input.place().strip(), input.onlineLink(),
                input.capacity() == null ? type.capacity() : input.capacity(), timescales.now(), by());
        invited.forEach(sitting::invite);
        sittings.saveAndFlush(sitting);
        return view(sitting);
    }

    @Transactional(readOnly = true)
    PanelViews.Sitting sitting(long id) {
        var sitting = find(id);
        var viewer = access.viewer();
        // a panel member (who reads no other sitting) reads the sittings they are invited to
        if (!viewer.isSystem() && READ_EVERY_SITTING.stream().noneMatch(viewer::in) && !sittings.isInvited(id, viewer.userId())) {
            throw new NotFoundException("No panel sitting " + id);
        }
        return view(sitting);
    }

    /** The roles that read every sitting (SecurityConfiguration lets panel members read too: the ones they are invited to). */
    static final List<String> READ_EVERY_SITTING = List.of(Groups.PANEL_ADMINISTRATOR, Groups.ADMIN, Groups.TEAM_MANAGER,
            Groups.SERVICE_MANAGER);

    PanelViews.Sitting invite(long id, PanelInput.Invitations input) {
        var problems = FieldProblems.of(validator, input);
        var sitting = locked(id, input.version());
        List<PanelMember> invited = problems.fine("members") ? invitable(input.members(), sitting.type(), sitting.date(), "members", problems) : List.of();
        problems.throwIfAny();
        open(sitting, "invite members to it");
        invited.forEach(sitting::invite);
        sittings.flush();
        return view(sitting);
    }

    PanelViews.Sitting recordAttendance(long id, PanelInput.Attendance input) {
        var problems = FieldProblems.of(validator, input);
        var sitting = locked(id, input.version());
        if (problems.fine("attended")) {
            for (int i = 0; i < input.attended().size(); i++) {
                var memberId = input.attended().get(i);
                if (memberId != null && sitting.invitations().stream().noneMatch(inv -> inv.member().id().equals(memberId))) {
                    problems.add("attended[" + i + "]", "member " + memberId + " was not invited to this sitting");
                }
            }
        }
        problems.throwIfAny();
        open(sitting, "record its attendance");
        if (sitting.date().isAfter(timescales.today())) {
            throw new ConflictException("The sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " has not happened yet: attendance is"
                    + " recorded on or after the day");
        }
        sitting.invitations().forEach(inv -> inv.attended(input.attended().contains(inv.member().id())));
        return view(sitting);
    }

    PanelViews.Sitting cancel(long id, PanelInput.Cancellation input) {
        var problems = FieldProblems.of(validator, input);
        problems.throwIfAny();
        var sitting = locked(id, input.version());
        open(sitting, "cancel it");
        if (sitting.casesBooked() > 0) {
            throw new ConflictException("The sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " has " + cases(sitting.casesBooked())
                    + " booked: defer them to another sitting before cancelling it");
        }
        sitting.cancel(input.reason().strip());
        return view(sitting);
    }

    PanelViews.Sitting reschedule(long id, PanelInput.Rescheduling input) {
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("date") && LocalDate.parse(input.date()).isBefore(timescales.today())) {
            problems.add("date", "must not be in the past");
        }
        var sitting = locked(id, input.version());
        if (problems.fine("date")) {
            var date = LocalDate.parse(input.date());
            for (var inv : sitting.invitations()) {
                if (!inv.member().appointedOn(date)) {
                    problems.add("date", inv.member().name() + " (member " + inv.member().id() + ") is not appointed on " + date
                            + " (appointment " + inv.member().appointmentStartsOn() + " to " + inv.member().appointmentEndsOn() + ")");
                }
            }
        }
        problems.throwIfAny();
        open(sitting, "reschedule it");
        var from = sitting.date();
        sitting.reschedule(LocalDate.parse(input.date()), LocalTime.parse(input.time()), timescales.zone(), input.reason().strip());
        var notice = "The sitting of " + Timescales.DAY_IN_WORDS.format(from) + " was moved to " + Timescales.DAY_IN_WORDS.format(sitting.date())
                + " at " + sitting.time() + ": " + input.reason().strip();
        sitting.agenda().forEach(b -> moved(b, b, notice));
        return view(sitting);
    }

    /** The next sitting of the type with a free place whose papers deadline can still be met. */
    @Transactional(readOnly = true)
    PanelViews.Summary proposed(String type) {
        var problems = new FieldProblems(List.of());
        PanelType panelType = null;
        if (type == null) {
            problems.add("type", "is required: one of " + PanelType.values());
        } else {
            try {
                panelType = PanelType.valueOf(type);
            } catch (IllegalArgumentException e) {
                problems.add("type", "must be one of " + PanelType.values());
            }
        }
        problems.throwIfAny();
        var wanted = panelType;
        return offered(panelType).orElseThrow(() -> new NotFoundException("No " + wanted + " sitting has a free place"
                + " with its papers deadline still to come: add a sitting"));
    }

    /** The sitting {@link #proposed} offers, if any: for a journey, which must not fail for want of one. */
    @Transactional(readOnly = true)
    Optional<PanelViews.Summary> offered(PanelType type) {
        return nextOffered(type, null).map(this::summary);
    }

    // ------------------------------------------------------------------ bookings

    PanelViews.Booking book(long id, PanelInput.Booking input) {
        var problems = FieldProblems.of(validator, input);
        problems.throwIfAny();
        var child = input.child().strip();
        children.require(child);
        var sitting = locked(id);
        var booking = takePlace(sitting, child, input.reason().strip(), input.time() == null ? null : LocalTime.parse(input.time()), null);
        sittings.flush();
        return view(booking);
    }

    PanelViews.Booking defer(long id, long bookingId, PanelInput.Deferral input) {
        var problems = FieldProblems.of(validator, input);
        problems.throwIfAny();
        long to = input.toSitting();
        // both rows locked, the lower id first, so two deferrals between the same sittings cannot deadlock
        var lower = sittings.findLockedById(Math.min(id, to));
        var higher = id == to ? lower : sittings.findLockedById(Math.max(id, to));
        lower.ifPresent(sitting -> changing(sitting, null));
        higher.filter(sitting -> id != to).ifPresent(sitting -> changing(sitting, null));
        var source = (id <= to ? lower : higher).orElseThrow(() -> new NotFoundException("No panel sitting " + id));
        var booking = source.bookings().stream().filter(b -> b.id().equals(bookingId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No booking " + bookingId + " on sitting " + id));
        var target = (id <= to ? higher : lower).orElse(null);
        if (target == null) {
            problems.add("toSitting", "no sitting " + to);
        } else if (target.type() != source.type()) {
            problems.add("toSitting", "is a " + target.type() + " sitting: a " + source.type() + " case is deferred to a later "
                    + source.type() + " sitting");
        } else if (!target.startsAt().isAfter(source.startsAt())) {
            problems.add("toSitting", "must be later than the sitting on " + Timescales.DAY_IN_WORDS.format(source.date()));
        }
        problems.throwIfAny();
        if (!booking.booked()) {
            throw new ConflictException("This case was deferred already from the sitting on " + Timescales.DAY_IN_WORDS.format(source.date()));
        }
        var moved = deferTo(source, booking, target, input.reason().strip());
        sittings.flush();
        return view(moved);
    }

    /** Every case on a sitting deferred to a later one: the quorum is not expected, or the panel could not sit. */
    List<PanelViews.Booking> deferAll(long id, PanelInput.Deferral input) {
        var problems = FieldProblems.of(validator, input);
        problems.throwIfAny();
        var source = find(id);
        var moved = new ArrayList<PanelViews.Booking>();
        for (var booking : source.agenda()) {
            moved.add(defer(id, booking.id(), input));
        }
        if (moved.isEmpty()) {
            throw new ConflictException("The sitting on " + Timescales.DAY_IN_WORDS.format(source.date()) + " has no cases to defer");
        }
        return moved;
    }

    private PanelBooking deferTo(PanelSitting source, PanelBooking booking, PanelSitting target, String reason) {
        var moved = takePlace(target, booking.childReference(), booking.reason(), null, booking);
        booking.deferred(reason);
        audit.changed(booking.childReference(), "panel case deferred", "from " + source.date() + " to " + target.date() + ": " + reason);
        sittings.flush();
        moved(booking, moved, "The case was deferred from the sitting of " + Timescales.DAY_IN_WORDS.format(source.date()) + " to "
                + Timescales.DAY_IN_WORDS.format(target.date()) + ": " + reason);
        return moved;
    }

    private void moved(PanelBooking from, PanelBooking to, String notice) {
        var sitting = to.sitting();
        events.publishEvent(new PanelBookingMoved(to.childReference(), from.id() == null ? 0 : from.id(), to.id() == null ? 0 : to.id(),
                sitting.id(), sitting.startsAt(), papersDeadline(sitting), to.papersReceivedAt() != null, notice));
    }

    /** The administrator confirms the quorum expected and circulates the papers to the members invited. */
    PanelViews.Sitting circulate(long id) {
        var sitting = locked(id);
        open(sitting, "circulate its papers");
        var view = view(sitting);
        if (!view.expectedQuorum().met()) {
            throw new ConflictException("The members invited to the sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date())
                    + " do not make a quorum (" + String.join("; ", view.expectedQuorum().reasons())
                    + "): invite more members, defer its cases to a later sitting, or reschedule it");
        }
        if (sitting.casesBooked() == 0) {
            throw new ConflictException("The sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " has no cases: there are no papers to circulate");
        }
        sitting.papersCirculated(timescales.now(), by());
        return view(sitting);
    }

    /** The social worker's papers for a booked case came in. */
    void papersReceived(long bookingId, String by) {
        var booking = sittings.findBooking(bookingId).orElseThrow(() -> new NotFoundException("No panel booking " + bookingId));
        booking.papersReceived(timescales.now(), by);
        audit.changed(booking.childReference(), "papers for panel received", "sitting " + booking.sitting().id());
    }

    /**
     * The booking of a case the panel is ready to recommend on: its sitting has taken place, attendance is
     * recorded and the panel was quorate; otherwise why not, in words.
     */
    PanelBooking heard(long bookingId) {
        var booking = sittings.findBooking(bookingId).orElseThrow(() -> new NotFoundException("No panel booking " + bookingId));
        var sitting = booking.sitting();
        var day = Timescales.DAY_IN_WORDS.format(sitting.date());
        if (!booking.booked()) {
            throw new ConflictException("The case was deferred from the sitting on " + day + " (" + booking.deferredReason() + ")");
        }
        if (sitting.date().isAfter(timescales.today())) {
            throw new ConflictException("The sitting on " + day + " has not happened yet: record the recommendation on or after the day");
        }
        var view = view(sitting);
        if (view.actualQuorum() == null) {
            throw new ConflictException("Record who attended the sitting on " + day + " first: a recommendation needs a quorate panel");
        }
        if (!view.actualQuorum().met()) {
            throw new ConflictException("The panel on " + day + " was not quorate (" + String.join("; ", view.actualQuorum().reasons())
                    + "): defer the case to a later sitting");
        }
        return booking;
    }

    @Transactional(readOnly = true)
    LocalDate papersDeadlineOf(long sittingId) {
        return papersDeadline(find(sittingId));
    }

    @Transactional(readOnly = true)
    List<PanelViews.Booking> bookingsOf(String child) {
        return sittings.findBookingsOf(child).stream().map(this::view).toList();
    }

    /** Where the child stands with a panel: the sitting still to come they are booked onto, their papers, their deferrals. */
    @Transactional(readOnly = true)
    public ChildAtPanel atPanel(String child) {
        var today = timescales.today();
        var next = sittings.findBookingsOf(child).stream()
                .filter(b -> b.booked() && !b.sitting().cancelled() && !b.sitting().date().isBefore(today))
                .min(java.util.Comparator.comparing(b -> b.sitting().startsAt()));
        long deferrals = sittings.deferralsOf(child);
        return next.map(b -> new ChildAtPanel(b.sitting().type().name(), b.sitting().date(), papersDeadline(b.sitting()),
                        b.papersReceivedAt() != null, deferrals))
                .orElse(new ChildAtPanel(null, null, null, false, deferrals));
    }

    @Transactional(readOnly = true)
    long deferralsOf(String child) {
        return sittings.deferralsOf(child);
    }

    private PanelBooking takePlace(PanelSitting sitting, String child, String reason, LocalTime time, PanelBooking deferredFrom) {
        open(sitting, "book a case onto it");
        if (sitting.agenda().stream().anyMatch(b -> b.childReference().equals(child))) {
            throw new ConflictException(child + " is booked onto the sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " already");
        }
        if (sitting.freePlaces() == 0) {
            throw new ConflictException("The sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " is full (" + sitting.casesBooked()
                    + " of " + cases(sitting.capacity()) + "); " + next(sitting));
        }
        var deadline = papersDeadline(sitting);
        boolean papersIn = deferredFrom != null && deferredFrom.papersReceivedAt() != null;
        if (!papersIn && deadline.isBefore(timescales.today())) {
            throw new ConflictException("The papers deadline for the sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " passed on "
                    + Timescales.DAY_IN_WORDS.format(deadline) + "; " + next(sitting));
        }
        var booking = sitting.book(child, reason, time, deferredFrom == null ? null : deferredFrom.id(), timescales.now(), by());
        audit.changed(child, "booked onto a panel sitting", sitting.type() + " panel of " + sitting.date() + " (sitting " + sitting.id() + ")");
        if (papersIn) {
            booking.papersReceived(deferredFrom.papersReceivedAt(), "carried over from the deferred booking " + deferredFrom.id());
        }
        return booking;
    }

    private String next(PanelSitting after) {
        return nextOffered(after.type(), after).map(s -> "the next sitting with a free place is " + Timescales.DAY_IN_WORDS.format(s.date())
                        + " (sitting " + s.id() + ", papers due by " + Timescales.DAY_IN_WORDS.format(papersDeadline(s)) + ")")
                .orElse("no later " + after.type() + " sitting has a free place yet: add a sitting");
    }

    private Optional<PanelSitting> nextOffered(PanelType type, PanelSitting after) {
        var today = timescales.today();
        return sittings.findScheduledFrom(type, today).stream()
                .filter(s -> after == null || s.startsAt().isAfter(after.startsAt()))
                .filter(s -> s.freePlaces() > 0 && !papersDeadline(s).isBefore(today))
                .findFirst();
    }

    // ------------------------------------------------------------------ helpers

    LocalDate papersDeadline(PanelSitting sitting) {
        var timescale = timescales.timescale(sitting.type().papersDeadlineKey());
        return timescales.calendar().subtractWorkingDays(sitting.date(), timescale.amount());
    }

    /** The members asked for, each appointed on the day and sitting on this panel; every one that is not, named. */
    private List<PanelMember> invitable(List<Long> ids, PanelType type, LocalDate date, String field, FieldProblems problems) {
        var found = new ArrayList<PanelMember>();
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            if (id == null) {
                continue;
            }
            var name = field + "[" + i + "]";
            var member = members.findById(id).orElse(null);
            if (member == null) {
                problems.add(name, "no member " + id + " on the central list");
            } else if (date.isAfter(member.appointmentEndsOn())) {
                problems.add(name, member.name() + "'s appointment ended on " + member.appointmentEndsOn()
                        + ": they cannot be invited to a sitting on " + date);
            } else if (date.isBefore(member.appointmentStartsOn())) {
                problems.add(name, member.name() + "'s appointment begins on " + member.appointmentStartsOn());
            } else if (!member.sitsOn(type)) {
                problems.add(name, member.name() + " does not sit on the " + type + " panel");
            } else {
                found.add(member);
            }
        }
        return found;
    }

    private String by() {
        var user = access.viewer().userId();
        return user == null ? "carepath" : user;
    }

    private PanelSitting find(long id) {
        return sittings.findById(id).orElseThrow(() -> new NotFoundException("No panel sitting " + id));
    }

    private static final java.time.format.DateTimeFormatter CHANGED_AT =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy", java.util.Locale.UK);

    private PanelSitting locked(long id) {
        return locked(id, null);
    }

    /**
     * The sitting, its row locked for a change and its version moved on; refused when it changed after the version the
     * administrator saw (two of them at one sitting at once: the second is told, not overwritten).
     */
    private PanelSitting locked(long id, Long versionSeen) {
        var sitting = sittings.findLockedById(id).orElseThrow(() -> new NotFoundException("No panel sitting " + id));
        changing(sitting, versionSeen);
        return sitting;
    }

    private void changing(PanelSitting sitting, Long versionSeen) {
        if (versionSeen != null && versionSeen != sitting.version()) {
            var when = sitting.changedAt() == null ? "" : " at " + CHANGED_AT.format(sitting.changedAt().atZone(timescales.zone()));
            throw new ConflictException("The sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " was changed by "
                    + (sitting.changedBy() == null ? "someone else" : sitting.changedBy()) + when + ", after you opened it: nothing you sent was"
                    + " recorded. Look at the sitting again, then make your change if it still stands");
        }
        sitting.changed(timescales.now(), by());
    }

    private static void open(PanelSitting sitting, String what) {
        if (sitting.cancelled()) {
            throw new ConflictException("The sitting on " + Timescales.DAY_IN_WORDS.format(sitting.date()) + " was cancelled (" + sitting.cancelledReason()
                    + "): you cannot " + what);
        }
    }

    private static String cases(int n) {
        return n + (n == 1 ? " case" : " cases");
    }

    private static LocalDate date(String text, String field, FieldProblems problems) {
        try {
            var date = LocalDate.parse(text);
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                problems.add(field, "must be a date between 1900 and 2200");
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(field, "must be a date, e.g. 2027-01-12");
            return null;
        }
    }

    private PanelViews.Summary summary(PanelSitting s) {
        var deadline = papersDeadline(s);
        return new PanelViews.Summary(s.id(), s.type().name(), s.date(), s.time(), Timescales.DAY_IN_WORDS.format(s.date()), s.status().name(),
                s.capacity(), s.casesBooked(), s.freePlaces(), deadline, deadline.isBefore(timescales.today()));
    }

    private PanelViews.Sitting view(PanelSitting s) {
        var deadline = papersDeadline(s);
        var invited = s.invitations().stream().map(PanelInvitation::member).toList();
        var expected = s.type().quorum().assess(invited.stream().filter(m -> m.appointedOn(s.date())).toList(), s.date());
        var actual = s.attendanceRecorded() ? s.type().quorum().assess(s.invitations().stream()
                .filter(i -> Boolean.TRUE.equals(i.attended())).map(PanelInvitation::member).toList(), s.date()) : null;
        var agenda = s.agenda();
        var visible = access.visible(agenda, PanelBooking::childReference, "panel sitting " + s.id()).stream()
                .map(PanelBooking::id).collect(Collectors.toSet());
        var items = new ArrayList<PanelViews.AgendaItem>();
        for (int i = 0; i < agenda.size(); i++) {
            var b = agenda.get(i);
            items.add(visible.contains(b.id())
                    ? new PanelViews.AgendaItem(b.id(), i + 1, b.caseTime(), b.childReference(), b.reason(),
                            sittings.deferralsOf(b.childReference()), b.deferredFrom(), papers(b, deadline), false)
                    : new PanelViews.AgendaItem(b.id(), i + 1, b.caseTime(), null, null, null, null, null, true));
        }
        return new PanelViews.Sitting(s.id(), s.type().name(), s.date(), s.time(), Timescales.DAY_IN_WORDS.format(s.date()), s.place(), s.onlineLink(),
                s.status().name(), s.cancelledReason(), s.rescheduledFrom(), s.rescheduledReason(), s.capacity(), s.casesBooked(),
                s.freePlaces(), deadline, deadline.isBefore(timescales.today()),
                s.invitations().stream().map(i -> new PanelViews.InvitedMember(i.member().id(), i.member().name(),
                        i.member().role().name(), i.attended())).toList(),
                expected, actual, s.papersCirculatedAt(), items, s.version());
    }

    private PanelViews.Papers papers(PanelBooking b, LocalDate deadline) {
        return new PanelViews.Papers(deadline, b.papersReceivedAt(), b.papersReceivedAt() == null && deadline.isBefore(timescales.today()));
    }

    private PanelViews.Booking view(PanelBooking b) {
        var s = b.sitting();
        int position = s.agenda().indexOf(b) + 1;
        return new PanelViews.Booking(b.id(), s.id(), s.date(), b.childReference(), b.reason(), position, b.caseTime(),
                b.status().name(), b.deferredFrom(), sittings.deferralsOf(b.childReference()));
    }
}
