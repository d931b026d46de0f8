package org.carepath.child;

import java.time.LocalDate;

/**
 * A fact that gives a child a legal status from a date: a court order made, a care order discharged.
 * The module that owns the fact publishes it; the child record takes the new status in the same
 * transaction, so the fact and the child's legal status are recorded together or not at all.
 */
public interface GivesLegalStatus {

    String childReference();

    LegalStatus legalStatus();

    LocalDate effectiveOn();

    /** Why, for the child's legal status history: "Care order made on 2026-08-07 (care proceedings 12)". */
    String reason();
}
