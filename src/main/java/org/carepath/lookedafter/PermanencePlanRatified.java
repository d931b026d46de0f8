package org.carepath.lookedafter;

import java.time.LocalDate;

/** A permanence plan was ratified (adoption matching starts from a ratified plan for adoption). */
public record PermanencePlanRatified(String childReference, long periodId, PermanencePlanType type, LocalDate ratifiedOn,
                                     RatifiedBy ratifiedBy) {
}
