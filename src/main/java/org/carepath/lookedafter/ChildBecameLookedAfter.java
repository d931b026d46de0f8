package org.carepath.lookedafter;

import java.time.LocalDate;

import org.carepath.child.LegalStatus;

/** A period in care began. */
public record ChildBecameLookedAfter(String childReference, long periodId, LegalStatus legalBasis, LocalDate startedOn) {
}
