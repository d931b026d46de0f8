package org.carepath.child;

/** The legal basis on which the council is involved with the child. */
public enum LegalStatus {
    NOT_LOOKED_AFTER(false),
    SECTION_20(true),
    EMERGENCY_PROTECTION_ORDER(true),
    POLICE_PROTECTION(true),
    INTERIM_CARE_ORDER(true),
    CARE_ORDER(true),
    PLACEMENT_ORDER(true),
    SUPERVISION_ORDER(false),
    SPECIAL_GUARDIANSHIP_ORDER(false),
    CHILD_ARRANGEMENTS_ORDER(false),
    ADOPTED(false);

    private final boolean lookedAfter;

    LegalStatus(boolean lookedAfter) {
        this.lookedAfter = lookedAfter;
    }

    /** The child is in the council's care on this status (Children Act 1989 s.22): a period in care is open. */
    public boolean isLookedAfter() {
        return lookedAfter;
    }
}
