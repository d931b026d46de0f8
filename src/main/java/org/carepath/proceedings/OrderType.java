package org.carepath.proceedings;

import java.util.Locale;

import org.carepath.child.LegalStatus;

/** Orders a court makes in care proceedings, and the legal status each gives the child. */
public enum OrderType {
    INTERIM_CARE_ORDER(LegalStatus.INTERIM_CARE_ORDER, false),
    CARE_ORDER(LegalStatus.CARE_ORDER, true),
    PLACEMENT_ORDER(LegalStatus.PLACEMENT_ORDER, true),
    SUPERVISION_ORDER(LegalStatus.SUPERVISION_ORDER, true),
    SPECIAL_GUARDIANSHIP_ORDER(LegalStatus.SPECIAL_GUARDIANSHIP_ORDER, true),
    CHILD_ARRANGEMENTS_ORDER(LegalStatus.CHILD_ARRANGEMENTS_ORDER, true),
    NO_ORDER(LegalStatus.NOT_LOOKED_AFTER, true),
    DISCHARGE_OF_CARE_ORDER(LegalStatus.NOT_LOOKED_AFTER, false);

    private final LegalStatus legalStatus;
    private final boolean finalOrder;

    OrderType(LegalStatus legalStatus, boolean finalOrder) {
        this.legalStatus = legalStatus;
        this.finalOrder = finalOrder;
    }

    public LegalStatus legalStatus() {
        return legalStatus;
    }

    /** Made at the final hearing, ending the proceedings. */
    public boolean isFinal() {
        return finalOrder;
    }

    /** As forms and process variables write it: {@code placement-order}. */
    public String formValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static OrderType fromFormValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    String label() {
        var words = name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
