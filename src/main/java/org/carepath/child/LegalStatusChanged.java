package org.carepath.child;

import java.time.LocalDate;

/**
 * A child's legal status changed from a date (e.g. a child became looked after), and why ("Care order made
 * on 2026-08-07 (care proceedings 12)"): for the journeys that follow.
 */
public record LegalStatusChanged(String childReference, LegalStatus previous, LegalStatus legalStatus, LocalDate effectiveOn,
                                 String reason) {
}
