package org.carepath.careleaver;

import java.time.LocalDate;
import java.util.List;

import org.carepath.timescale.Timescales;

/**
 * A young person's status as the law names it (Children Act 1989 s.23A, s.23C; Sch 2 para 19B), on a day: eligible
 * while looked after at 16 or 17; relevant when they leave care before 18; former relevant from 18 to 25.
 */
public enum CareLeaverStatus {
    ELIGIBLE, RELEVANT, FORMER_RELEVANT;

    /** On {@code day}, or null before eligibility and from the 25th birthday. */
    static CareLeaverStatus on(LocalDate day, LocalDate eligibleOn, LocalDate dateOfBirth, List<Eligibility.Period> periods,
                               Timescales timescales) {
        if (eligibleOn == null || day.isBefore(eligibleOn) || !day.isBefore(timescales.dueDate("TWENTY_FIFTH_BIRTHDAY", dateOfBirth))) {
            return null;
        }
        if (!day.isBefore(timescales.dueDate("EIGHTEENTH_BIRTHDAY", dateOfBirth))) {
            return FORMER_RELEVANT;
        }
        boolean inCare = periods.stream().anyMatch(p -> !p.startedOn().isAfter(day) && (p.endedOn() == null || p.endedOn().isAfter(day)));
        return inCare ? ELIGIBLE : RELEVANT;
    }

    /** The day each status began, in order, up to {@code today}. */
    static List<Since> history(LocalDate today, LocalDate eligibleOn, LocalDate dateOfBirth, List<Eligibility.Period> periods,
                               Timescales timescales) {
        var changes = new java.util.ArrayList<Since>();
        if (eligibleOn == null) {
            return changes;
        }
        var days = new java.util.TreeSet<LocalDate>();
        days.add(eligibleOn);
        days.add(timescales.dueDate("EIGHTEENTH_BIRTHDAY", dateOfBirth));
        days.add(timescales.dueDate("TWENTY_FIFTH_BIRTHDAY", dateOfBirth));
        periods.forEach(p -> {
            days.add(p.startedOn());
            if (p.endedOn() != null) {
                days.add(p.endedOn());
            }
        });
        CareLeaverStatus last = null;
        for (var day : days) {
            if (day.isBefore(eligibleOn) || day.isAfter(today)) {
                continue;
            }
            var status = on(day, eligibleOn, dateOfBirth, periods, timescales);
            if (status != last) {
                changes.add(new Since(status, day));
                last = status;
            }
        }
        return changes;
    }

    /** A status and the day it began (a null status: support ended at 25). */
    public record Since(CareLeaverStatus status, LocalDate from) {
    }
}
