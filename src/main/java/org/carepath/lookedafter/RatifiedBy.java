package org.carepath.lookedafter;

/** The decision that ratified a permanence plan. */
public enum RatifiedBy {
    LOOKED_AFTER_REVIEW,
    AGENCY_DECISION
}
