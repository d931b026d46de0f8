package org.carepath.lookedafter;

/** Where and with whom the child will grow up. */
public enum PermanencePlanType {
    RETURN_HOME,
    LONG_TERM_FOSTERING,
    SPECIAL_GUARDIANSHIP,
    CHILD_ARRANGEMENTS_ORDER,
    ADOPTION,
    KINSHIP,
    RESIDENTIAL_OR_OTHER;

    /** A plan to grow up away from home: the child needs life-story work to understand why. */
    boolean awayFromHome() {
        return this != RETURN_HOME;
    }
}
