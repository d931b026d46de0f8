package org.carepath.lookedafter;

/** Where a looked-after child lives (the SSDA903 placement types, in the words social workers use). */
public enum PlacementType {
    FOSTER_CARE_OWN_CARERS,
    FOSTER_CARE_AGENCY_CARERS,
    CONNECTED_PERSON,
    PLACED_WITH_PARENTS,
    CHILDRENS_HOME,
    SEMI_INDEPENDENT,
    ADOPTIVE_PLACEMENT,
    OTHER;

    /** Visited weekly until the first review (reg 28(3)): placed with parents, or with a connected person on temporary approval. */
    boolean visitedWeeklyUntilFirstReview(boolean temporaryApproval) {
        return this == PLACED_WITH_PARENTS || (this == CONNECTED_PERSON && temporaryApproval);
    }
}
