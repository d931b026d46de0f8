package org.carepath.proceedings;

import java.time.LocalDate;

import org.carepath.drift.DeadlineExtensionGranted;

/** The court extended the 26 weeks of a case (Children Act 1989 s.32(5)): the case's statutory clock moves with it. */
public record TwentySixWeeksExtended(String childReference, long proceedingsId, String processInstanceId, int weeks,
                                     String reason, LocalDate grantedOn, String recordedBy) implements DeadlineExtensionGranted {

    @Override
    public String timescaleKey() {
        return Proceedings.CLOCK;
    }

    @Override
    public int amount() {
        return weeks;
    }
}
