package org.carepath.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The adoption scorecard's arithmetic, from recorded dates, against answers worked by hand. */
class AdoptionScorecardTest {

    static final LocalDate ENTERED_CARE = LocalDate.of(2025, 3, 1);
    static final LocalDate PLACEMENT_ORDER = LocalDate.of(2025, 10, 1);
    static final LocalDate MATCHED = LocalDate.of(2026, 1, 15);
    static final LocalDate MOVED_IN = LocalDate.of(2026, 2, 2);

    @Test
    void aChildPlacedForAdoptionHasA1AndA2FromTheirDates() {
        var card = AdoptionScorecard.of(ENTERED_CARE, PLACEMENT_ORDER, MATCHED, MOVED_IN, null, LocalDate.of(2026, 6, 1), 426, 121, 426);
        assertThat(card.a1()).isEqualTo(new AdoptionScorecard.Measure(338, false, 426));
        assertThat(card.a2()).isEqualTo(new AdoptionScorecard.Measure(106, false, 121));
        assertThat(card.a10().days()).as("no early permanence: A10 is A1").isEqualTo(338);
        assertThat(card.a1().overThreshold()).isFalse();
    }

    @Test
    void earlyPermanenceStopsTheA10ClockOnTheDayTheFosterPlacementWithTheEventualAdoptersBegan() {
        var card = AdoptionScorecard.of(ENTERED_CARE, PLACEMENT_ORDER, MATCHED, MOVED_IN, LocalDate.of(2025, 12, 1),
                LocalDate.of(2026, 6, 1), 426, 121, 426);
        assertThat(card.a10()).isEqualTo(new AdoptionScorecard.Measure(275, false, 426));
        assertThat(card.a1().days()).as("A1 still counts to moving in as adopters").isEqualTo(338);
    }

    @Test
    void aChildStillWaitingHasRunningClocksThatPassTheirThresholds() {
        var today = LocalDate.of(2026, 5, 10);
        var card = AdoptionScorecard.of(ENTERED_CARE, PLACEMENT_ORDER, null, null, null, today, 426, 121, 426);
        assertThat(card.a1()).isEqualTo(new AdoptionScorecard.Measure(435, true, 426));
        assertThat(card.a1().overThreshold()).isTrue();
        assertThat(card.a2()).isEqualTo(new AdoptionScorecard.Measure(221, true, 121));
        assertThat(card.a2().overThreshold()).isTrue();
        assertThat(card.a10().running()).isTrue();
    }

    @Test
    void beforeAPlacementOrderThereIsNoA2() {
        var card = AdoptionScorecard.of(ENTERED_CARE, null, null, null, null, LocalDate.of(2025, 6, 1), 426, 121, 426);
        assertThat(card.a2()).isNull();
        assertThat(card.a1()).isEqualTo(new AdoptionScorecard.Measure(92, true, 426));
    }
}
