package org.carepath.timescale;

public enum TimescaleUnit {
    WORKING_DAYS, DAYS, WEEKS, MONTHS,
    /** Birthdays: a 29 February falls on 1 March in a year that has none (as the law of England counts ages). */
    YEARS
}
