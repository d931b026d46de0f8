package org.carepath.adoption;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * For tests outside the module: an adoption case as the adoption journey leaves it once the order is granted, saved
 * with its dates (as {@code AuthorityScorecardApiTest} seeds its cohort): walking the journey to each date would take
 * the matching, panel and order steps for every child, and the scorecard counts only these dates.
 */
@Component
public class AdoptionFixtures {

    private final AdoptionCaseRepository cases;
    private final EarlyPermanencePlacementRepository early;

    AdoptionFixtures(AdoptionCaseRepository cases, EarlyPermanencePlacementRepository early) {
        this.cases = cases;
        this.early = early;
    }

    /** The child adopted by {@code household}; {@code earlyPermanence}, if not null, the day a fostering-for-adoption placement with them began. */
    public void adopted(String child, long household, String enteredCare, String placementOrder, String matched, String movedIn,
                        String earlyPermanence, String adopted) {
        var adoption = new AdoptionCase(child, LocalDate.parse(enteredCare), LocalDate.parse(placementOrder), LocalDate.parse(placementOrder),
                Instant.parse(placementOrder + "T12:00:00Z"));
        adoption.matched(household, LocalDate.parse(matched));
        adoption.movedIn(LocalDate.parse(movedIn));
        adoption.adopted(LocalDate.parse(adopted));
        cases.saveAndFlush(adoption);
        if (earlyPermanence != null) {
            early.saveAndFlush(new EarlyPermanencePlacement(child, household, EarlyPermanencePlacement.Kind.FOSTERING_FOR_ADOPTION,
                    LocalDate.parse(earlyPermanence), Instant.parse(earlyPermanence + "T12:00:00Z"), "practitioner"));
        }
    }
}
