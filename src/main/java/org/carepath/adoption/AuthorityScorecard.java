package org.carepath.adoption;

import java.time.LocalDate;
import java.util.List;

/**
 * The authority's adoption scorecard, computed from each child's recorded dates: for the children adopted in a
 * period, the average days of A1, A2 and A10 against their thresholds; over the three years to the period's end,
 * as the published scorecard reports them; and the children still waiting, with how many have passed a threshold.
 */
public record AuthorityScorecard(Period period, Period threeYears, Waiting waiting) {

    /** Children adopted (adoption order granted) from {@code from} to {@code to}, both included. */
    public record Period(LocalDate from, LocalDate to, int childrenAdopted, Average a1, Average a2, Average a10) {
    }

    /** The average of one measure, rounded to whole days as the scorecard shows it; {@code null} days when no child counts. */
    public record Average(Long averageDays, int children, int threshold, Boolean withinThreshold) {
    }

    public record Waiting(LocalDate on, int children, long pastA1Threshold, long pastA2Threshold) {
    }

    static Average average(List<AdoptionScorecard.Measure> measures, int threshold) {
        if (measures.isEmpty()) {
            return new Average(null, 0, threshold, null);
        }
        var days = Math.round(measures.stream().mapToLong(AdoptionScorecard.Measure::days).average().orElseThrow());
        return new Average(days, measures.size(), threshold, days <= threshold);
    }
}
