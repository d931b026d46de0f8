package org.carepath.child;

/** The legal basis on which the council is involved with the child (first cut; orders come with care proceedings). */
public enum LegalStatus {
    NOT_LOOKED_AFTER,
    SECTION_20,
    INTERIM_CARE_ORDER,
    CARE_ORDER,
    PLACEMENT_ORDER,
    SUPERVISION_ORDER,
    SPECIAL_GUARDIANSHIP_ORDER,
    CHILD_ARRANGEMENTS_ORDER,
    ADOPTED
}
