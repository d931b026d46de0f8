package org.carepath.timescale;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * When things are due. Used from BPMN as {@code ${timescales.due('ASSESSMENT', referralReceivedAt)}}
 * (a task's due date, a deadline timer) and {@code ${timescales.warning(...)}} (its follow-up date, the
 * reminder timer), and from code for the same answers as dates.
 *
 * <p>A deadline falls at the end of its due day in the council's zone; a reminder at the start of the
 * working day ({@code carepath.calendar.reminders-at}) on its warning day. "Now" is the engine's clock,
 * so tests that move the clock move CarePath's idea of today with it.
 */
public class Timescales {

    /** A day as forms and messages write it: "Monday 5 October 2026". */
    public static final java.time.format.DateTimeFormatter DAY_IN_WORDS =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK);

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final TimescaleCatalogue catalogue;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final LocalTime remindersAt;

    Timescales(TimescaleCatalogue catalogue, WorkingDayCalendar calendar, ZoneId zone, LocalTime remindersAt) {
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.zone = zone;
        this.remindersAt = remindersAt;
    }

    public Timescale timescale(String key) {
        return catalogue.get(key);
    }

    public Collection<Timescale> catalogue() {
        return catalogue.all();
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The deadline as an instant (end of the due day), for BPMN due dates and deadline timers. */
    public Date due(String key, Object trigger) {
        return Date.from(endOf(dueDate(key, dateOf(trigger, key))));
    }

    /** The reminder point as an instant, for BPMN follow-up dates and reminder timers. */
    public Date warning(String key, Object trigger) {
        return Date.from(reminderAt(warningDate(key, dateOf(trigger, key))));
    }

    public LocalDate dueDate(String key, LocalDate trigger) {
        var timescale = catalogue.get(key);
        if (timescale.counting() == Counting.DUE_ON_TRIGGER) {
            return trigger;
        }
        return plus(timescale.unit(), trigger, timescale.amount(), timescale.counting() == Counting.BEGINNING_WITH_TRIGGER);
    }

    /** A due date moved on by {@code amount} of the timescale's unit: an extension granted. */
    public LocalDate extend(String key, LocalDate dueDate, int amount) {
        return plus(catalogue.get(key).unit(), dueDate, amount, false);
    }

    private LocalDate plus(TimescaleUnit unit, LocalDate trigger, int amount, boolean inclusive) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.addWorkingDays(trigger, amount);
            case DAYS -> trigger.plusDays(inclusive ? amount - 1 : amount);
            case WEEKS -> trigger.plusWeeks(amount).minusDays(inclusive ? 1 : 0);
            case MONTHS -> trigger.plusMonths(amount).minusDays(inclusive ? 1 : 0);
            case YEARS -> anniversary(trigger, amount).minusDays(inclusive ? 1 : 0);
        };
    }

    /**
     * The date {@code years} after {@code date}, a birthday as the law counts it: someone born on 29 February
     * reaches an age on 1 March in a year without one (java.time would say 28 February).
     */
    public static LocalDate anniversary(LocalDate date, int years) {
        var same = date.plusYears(years);
        return date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && same.getDayOfMonth() == 28 ? same.plusDays(1) : same;
    }

    /**
     * The reminder day: the due date less the timescale's warning working days, never before the trigger
     * (unless the trigger is itself the deadline).
     */
    public LocalDate warningDate(String key, LocalDate trigger) {
        return warningBefore(key, dueDate(key, trigger), catalogue.get(key).counting() == Counting.DUE_ON_TRIGGER ? null : trigger);
    }

    /** The reminder day for a deadline, not before {@code notBefore} (if given). */
    public LocalDate warningBefore(String key, LocalDate dueDate, LocalDate notBefore) {
        var warning = calendar.subtractWorkingDays(dueDate, catalogue.get(key).warningWorkingDays());
        return notBefore != null && warning.isBefore(notBefore) ? notBefore : warning;
    }

    /** The instant a due day ends. */
    public Instant endOf(LocalDate dueDate) {
        return dueDate.atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    /** The instant a reminder falls due on its warning day. */
    public Instant reminderAt(LocalDate warningDate) {
        return warningDate.atTime(remindersAt).atZone(zone).toInstant();
    }

    /** Working days after the due date up to the day the work was done; 0 if it was on time. */
    public int workingDaysLate(LocalDate dueDate, LocalDate doneOn) {
        return calendar.workingDaysAfter(dueDate, doneOn);
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * The calendar date of a recorded event, read in the council's zone. Accepts what process variables
     * hold: {@link Date}, java.time values, and ISO-8601 strings (as Camunda Forms submit dates).
     */
    public LocalDate dateOf(Object value) {
        return dateOf(value, null);
    }

    private LocalDate dateOf(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("No trigger date" + (key == null ? "" : " for timescale " + key));
        }
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), zone);
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Instant instant) {
            return LocalDate.ofInstant(instant, zone);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return LocalDate.ofInstant(dateTime.toInstant(), zone);
        }
        if (value instanceof ZonedDateTime dateTime) {
            return LocalDate.ofInstant(dateTime.toInstant(), zone);
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        if (value instanceof TemporalAccessor temporal) {
            try {
                return LocalDate.from(temporal);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(value + " is not a date", e);
            }
        }
        return parse(value.toString().strip());
    }

    private LocalDate parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return LocalDate.ofInstant(OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant(), zone);
            }
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date", e);
        }
    }
}
