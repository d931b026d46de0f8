package org.carepath.lookedafter;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** For tests outside the module: a child in care placed, as the social worker would record it. */
@Component
public class LookedAfterFixtures {

    private final LookedAfter lookedAfter;

    LookedAfterFixtures(LookedAfter lookedAfter) {
        this.lookedAfter = lookedAfter;
    }

    /** Placed with the council's own foster carers from {@code startedOn}. */
    public PeriodInCareView place(String childReference, LocalDate startedOn) {
        return lookedAfter.place(childReference, new LookedAfterInput.Placement("FOSTER_CARE_OWN_CARERS", "Jo and Sam Carter",
                "LS6 2AB", startedOn.toString(), false, false, null));
    }
}
