package org.carepath.proceedings;

import java.time.LocalDate;

import org.carepath.child.GivesLegalStatus;
import org.carepath.child.LegalStatus;

/** A court discharged a child's care order on the revocation pathway: the child is no longer looked after. */
public record CareOrderDischarged(String childReference, long revocationId, LocalDate dischargedOn) implements GivesLegalStatus {

    @Override
    public LegalStatus legalStatus() {
        return OrderType.DISCHARGE_OF_CARE_ORDER.legalStatus();
    }

    @Override
    public LocalDate effectiveOn() {
        return dischargedOn;
    }

    @Override
    public String reason() {
        return "Care order discharged on " + dischargedOn;
    }
}
