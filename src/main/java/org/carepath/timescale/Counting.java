package org.carepath.timescale;

/**
 * How a timescale is counted from its trigger date.
 */
public enum Counting {
    /** "Within N": the Nth unit after the trigger date (a referral on Thursday, 1 working day: Friday). */
    AFTER_TRIGGER,
    /** "N weeks beginning with the day of issue": the trigger day is the first day of the period. */
    BEGINNING_WITH_TRIGGER,
    /** The date itself is the deadline, e.g. a date a court directs; the amount is unused. */
    DUE_ON_TRIGGER
}
