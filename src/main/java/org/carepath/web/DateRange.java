package org.carepath.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The dates a child's record can hold: from 1900 to 2999. Anything beyond is a typing slip or an
 * attack ({@code +999999999-12-31}), and would overflow the deadline arithmetic or PostgreSQL's dates.
 */
public final class DateRange {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2999, 12, 31);
    public static final String MESSAGE = "must be between " + FIRST + " and " + LAST;

    private DateRange() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean contains(OffsetDateTime time) {
        return contains(time.toLocalDate());
    }

    /** The date, or 400 naming the field when it is out of range. */
    public static LocalDate check(String field, LocalDate date) {
        if (date != null && !contains(date)) {
            throw new InvalidRequestException(field, MESSAGE);
        }
        return date;
    }
}
