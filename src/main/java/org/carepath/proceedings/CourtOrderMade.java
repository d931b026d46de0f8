package org.carepath.proceedings;

import java.time.LocalDate;

import org.carepath.child.GivesLegalStatus;
import org.carepath.child.LegalStatus;

/** A court made an order in care proceedings: the child's legal status follows from it. */
public record CourtOrderMade(String childReference, long proceedingsId, OrderType order, LocalDate madeOn) implements GivesLegalStatus {

    @Override
    public LegalStatus legalStatus() {
        return order.legalStatus();
    }

    @Override
    public LocalDate effectiveOn() {
        return madeOn;
    }

    @Override
    public String reason() {
        return order.label() + " made on " + madeOn + " (care proceedings " + proceedingsId + ")";
    }
}
