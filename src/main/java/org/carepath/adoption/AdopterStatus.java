package org.carepath.adoption;

/** Where prospective adopters stand, over time. */
enum AdopterStatus {
    APPROVED, LINKED, MATCHED, PLACED, ON_HOLD, WITHDRAWN;

    /** Whether a household in this status may be linked with a child. */
    boolean linkable() {
        return this == APPROVED || this == LINKED;
    }
}
