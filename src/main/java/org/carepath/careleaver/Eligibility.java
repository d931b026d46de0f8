package org.carepath.careleaver;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.carepath.timescale.Timescales;

/**
 * Whether a child is eligible for leaving-care support, and from when, computed from their date of birth and their
 * periods in care (Care Leavers (England) Regulations 2010, reg 3): looked after for 13 weeks in all since their 14th
 * birthday, in one period or several, and looked after on the day they are 16 or later. A child in care from 15 for
 * 13 weeks is eligible on their 16th birthday; a child who comes into care after 16 is eligible on the day their 13th
 * week is complete, if still in care then (a late eligibility).
 */
record Eligibility(Outcome outcome, LocalDate eligibleOn) {

    enum Outcome {
        /** Eligible on {@code eligibleOn}, today or before. */
        ELIGIBLE,
        /** Looked after now and will be eligible on {@code eligibleOn} if still in care then. */
        NOT_YET,
        NOT_ELIGIBLE
    }

    /** A period in care: looked after from {@code startedOn} up to (not on) {@code endedOn}; open while {@code endedOn} is null. */
    record Period(LocalDate startedOn, LocalDate endedOn) {
    }

    static Eligibility on(LocalDate today, LocalDate dateOfBirth, List<Period> periods, Timescales timescales) {
        var fourteenth = timescales.dueDate("FOURTEENTH_BIRTHDAY", dateOfBirth);
        var sixteenth = timescales.dueDate("SIXTEENTH_BIRTHDAY", dateOfBirth);
        var eighteenth = timescales.dueDate("EIGHTEENTH_BIRTHDAY", dateOfBirth);
        long required = ChronoUnit.DAYS.between(fourteenth, timescales.dueDate("CARE_LEAVER_TIME_IN_CARE", fourteenth));
        long counted = 0;
        for (var period : periods.stream().sorted(Comparator.comparing(Period::startedOn)).toList()) {
            var from = period.startedOn().isBefore(fourteenth) ? fourteenth : period.startedOn();
            var to = period.endedOn();
            if (to != null && !to.isAfter(from)) {
                continue;
            }
            var timeReached = from.plusDays(required - counted);
            var candidate = latest(timeReached, sixteenth, period.startedOn());
            if ((to == null || candidate.isBefore(to)) && candidate.isBefore(eighteenth)) {
                return new Eligibility(candidate.isAfter(today) ? Outcome.NOT_YET : Outcome.ELIGIBLE, candidate);
            }
            if (to != null) {
                counted += ChronoUnit.DAYS.between(from, to);
            }
        }
        return new Eligibility(Outcome.NOT_ELIGIBLE, null);
    }

    private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
        var later = a.isAfter(b) ? a : b;
        return later.isAfter(c) ? later : c;
    }
}
