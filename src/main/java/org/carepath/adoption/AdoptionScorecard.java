package org.carepath.adoption;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The adoption scorecard's measures for one child, in days, from recorded dates only (never a stored count).
 * A1: from entering care to moving in with the adoptive family; A2: from the placement order (or the decision
 * that the child should be placed, with consent) to the match decision; A10: A1, with the clock stopped on the
 * day a foster placement with the eventual adopters began (early permanence). A measure still running (the
 * child is waiting) counts to {@code today} and says so.
 */
record AdoptionScorecard(Measure a1, Measure a2, Measure a10) {

    /** Days, whether the clock still runs, and the threshold it is measured against. */
    record Measure(long days, boolean running, int threshold) {
        boolean overThreshold() {
            return days > threshold;
        }
    }

    /**
     * @param enteredCare       the day the child entered care (the period in care that ends in adoption)
     * @param placementOrder    the day of the placement order, or of the parents' consent to placement; {@code null} if none yet
     * @param matched           the day of the agency decision on the match; {@code null} if not yet
     * @param movedIn           the day the child moved in with the adoptive family; {@code null} if not yet
     * @param earlyPermanence   the day a foster placement with the eventual adopters began; {@code null} if none
     * @param today             the day running clocks count to
     * @param a1Threshold       the catalogue's thresholds (ADOPTION_SCORECARD_A1, _A2, _A10)
     */
    static AdoptionScorecard of(LocalDate enteredCare, LocalDate placementOrder, LocalDate matched, LocalDate movedIn,
                                LocalDate earlyPermanence, LocalDate today, int a1Threshold, int a2Threshold, int a10Threshold) {
        var a1 = between(enteredCare, movedIn, today, a1Threshold);
        var a2 = placementOrder == null ? null : between(placementOrder, matched, today, a2Threshold);
        var stop = earliest(earlyPermanence, movedIn);
        var a10 = between(enteredCare, stop, today, a10Threshold);
        return new AdoptionScorecard(a1, a2, a10);
    }

    private static Measure between(LocalDate from, LocalDate to, LocalDate today, int threshold) {
        var end = to != null ? to : today;
        return new Measure(Math.max(0, ChronoUnit.DAYS.between(from, end)), to == null, threshold);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
