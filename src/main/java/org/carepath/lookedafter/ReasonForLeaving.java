package org.carepath.lookedafter;

import org.carepath.child.LegalStatus;

/** Why a period in care ended. */
public enum ReasonForLeaving {
    RETURNED_HOME,
    ORDER_ENDED,
    ADOPTION_ORDER,
    SPECIAL_GUARDIANSHIP_ORDER,
    CHILD_ARRANGEMENTS_ORDER,
    EIGHTEENTH_BIRTHDAY,
    OTHER;

    /** The reason a new legal status that is not looked after gives (an order made, or one discharged). */
    static ReasonForLeaving of(LegalStatus status) {
        return switch (status) {
            case ADOPTED -> ADOPTION_ORDER;
            case SPECIAL_GUARDIANSHIP_ORDER -> SPECIAL_GUARDIANSHIP_ORDER;
            case CHILD_ARRANGEMENTS_ORDER -> CHILD_ARRANGEMENTS_ORDER;
            default -> ORDER_ENDED;
        };
    }
}
