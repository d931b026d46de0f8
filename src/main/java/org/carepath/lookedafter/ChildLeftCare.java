package org.carepath.lookedafter;

import java.time.LocalDate;

/** A period in care ended: the care-leaver journey and the tracker count from here. */
public record ChildLeftCare(String childReference, long periodId, LocalDate endedOn, ReasonForLeaving reason) {
}
