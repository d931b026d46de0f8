package org.carepath.proceedings;

import java.time.LocalDate;

/** A court authorised the council to place the child for adoption: adoption matching starts from here. */
public record PlacementOrderMade(String childReference, long proceedingsId, LocalDate madeOn) {
}
