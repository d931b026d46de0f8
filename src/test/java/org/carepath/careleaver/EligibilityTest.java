package org.carepath.careleaver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.carepath.CarePathTest;
import org.carepath.timescale.Timescales;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The date rules of eligibility and status, from the date of birth and the periods in care (the shipped catalogue). */
@CarePathTest
class EligibilityTest {

    static final LocalDate LEAP_DAY_BIRTH = LocalDate.of(2012, 2, 29);

    @Autowired
    Timescales timescales;

    static Eligibility.Period period(String from, String to) {
        return new Eligibility.Period(LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    @Test
    void aLeapDayBirthdayFallsOnTheFirstOfMarchInOtherYears() {
        assertThat(timescales.dueDate("SIXTEENTH_BIRTHDAY", LEAP_DAY_BIRTH)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(timescales.dueDate("EIGHTEENTH_BIRTHDAY", LEAP_DAY_BIRTH)).isEqualTo(LocalDate.of(2030, 3, 1));
        assertThat(timescales.dueDate("FOURTEENTH_BIRTHDAY", LEAP_DAY_BIRTH)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(timescales.dueDate("TWENTY_FIRST_BIRTHDAY", LEAP_DAY_BIRTH)).isEqualTo(LocalDate.of(2033, 3, 1));
        assertThat(timescales.dueDate("TWENTY_FIFTH_BIRTHDAY", LEAP_DAY_BIRTH)).isEqualTo(LocalDate.of(2037, 3, 1));
        // an ordinary birthday is the same day
        assertThat(timescales.dueDate("EIGHTEENTH_BIRTHDAY", LocalDate.of(2012, 3, 1))).isEqualTo(LocalDate.of(2030, 3, 1));
        assertThat(timescales.dueDate("EIGHTEENTH_BIRTHDAY", LocalDate.of(2012, 2, 28))).isEqualTo(LocalDate.of(2030, 2, 28));
    }

    @Test
    void aChildInCareSinceFifteenIsEligibleOnTheSixteenthBirthdayAndThePlanIsDueThreeMonthsLater() {
        var eligibility = Eligibility.on(LocalDate.of(2028, 2, 29), LEAP_DAY_BIRTH, List.of(period("2027-05-10", null)), timescales);
        assertThat(eligibility).isEqualTo(new Eligibility(Eligibility.Outcome.ELIGIBLE, LocalDate.of(2028, 2, 29)));
        assertThat(timescales.dueDate("PATHWAY_PLAN", eligibility.eligibleOn())).isEqualTo(LocalDate.of(2028, 5, 29));
    }

    @Test
    void thirteenWeeksMayBeMadeOfSeveralPeriodsButOnlyTimeSinceTheFourteenthBirthdayCounts() {
        // 1 Jan to 1 Mar 2026 is before the 14th birthday (1 March 2026 for a leap-day birth): none of it counts
        var before14 = period("2025-06-01", "2026-03-01");
        assertThat(Eligibility.on(LocalDate.of(2028, 2, 29), LEAP_DAY_BIRTH, List.of(before14, period("2028-01-01", null)), timescales))
                .isEqualTo(new Eligibility(Eligibility.Outcome.NOT_YET, LocalDate.of(2028, 4, 1)));
        // 8 weeks at 14 and 5 weeks at 15 make 13
        var eightWeeks = period("2026-06-01", "2026-07-27");
        var fiveWeeksSoFar = period("2027-12-01", null);
        assertThat(Eligibility.on(LocalDate.of(2028, 2, 29), LEAP_DAY_BIRTH, List.of(eightWeeks, fiveWeeksSoFar), timescales))
                .isEqualTo(new Eligibility(Eligibility.Outcome.ELIGIBLE, LocalDate.of(2028, 2, 29)));
    }

    @Test
    void aChildWhoComesIntoCareAfterSixteenIsEligibleOnceThirteenWeeksAreComplete() {
        var eligibility = Eligibility.on(LocalDate.of(2028, 6, 1), LEAP_DAY_BIRTH, List.of(period("2028-06-01", null)), timescales);
        assertThat(eligibility).isEqualTo(new Eligibility(Eligibility.Outcome.NOT_YET, LocalDate.of(2028, 8, 31)));
        assertThat(Eligibility.on(LocalDate.of(2028, 8, 31), LEAP_DAY_BIRTH, List.of(period("2028-06-01", null)), timescales).outcome())
                .isEqualTo(Eligibility.Outcome.ELIGIBLE);
        // ...but not if they leave first, nor if the 13 weeks end after the 18th birthday
        assertThat(Eligibility.on(LocalDate.of(2028, 9, 1), LEAP_DAY_BIRTH, List.of(period("2028-06-01", "2028-08-30")), timescales).outcome())
                .isEqualTo(Eligibility.Outcome.NOT_ELIGIBLE);
        assertThat(Eligibility.on(LocalDate.of(2030, 1, 1), LEAP_DAY_BIRTH, List.of(period("2030-01-01", null)), timescales).outcome())
                .isEqualTo(Eligibility.Outcome.NOT_ELIGIBLE);
    }

    @Test
    void aChildWhoLeftCareBeforeSixteenIsNotEligible() {
        assertThat(Eligibility.on(LocalDate.of(2028, 2, 29), LEAP_DAY_BIRTH, List.of(period("2026-04-01", "2028-02-28")), timescales))
                .isEqualTo(new Eligibility(Eligibility.Outcome.NOT_ELIGIBLE, null));
    }

    @Test
    void statusFollowsTheLawAsTheYoungPersonLeavesCareAndAges() {
        var periods = List.of(period("2027-05-10", "2029-06-30"));
        var eligibleOn = LocalDate.of(2028, 2, 29);
        assertThat(CareLeaverStatus.on(LocalDate.of(2028, 2, 28), eligibleOn, LEAP_DAY_BIRTH, periods, timescales)).isNull();
        assertThat(CareLeaverStatus.on(LocalDate.of(2028, 2, 29), eligibleOn, LEAP_DAY_BIRTH, periods, timescales))
                .isEqualTo(CareLeaverStatus.ELIGIBLE);
        assertThat(CareLeaverStatus.on(LocalDate.of(2029, 6, 30), eligibleOn, LEAP_DAY_BIRTH, periods, timescales))
                .isEqualTo(CareLeaverStatus.RELEVANT);
        assertThat(CareLeaverStatus.on(LocalDate.of(2030, 2, 28), eligibleOn, LEAP_DAY_BIRTH, periods, timescales))
                .isEqualTo(CareLeaverStatus.RELEVANT);
        assertThat(CareLeaverStatus.on(LocalDate.of(2030, 3, 1), eligibleOn, LEAP_DAY_BIRTH, periods, timescales))
                .isEqualTo(CareLeaverStatus.FORMER_RELEVANT);
        assertThat(CareLeaverStatus.on(LocalDate.of(2037, 3, 1), eligibleOn, LEAP_DAY_BIRTH, periods, timescales)).isNull();
        assertThat(CareLeaverStatus.history(LocalDate.of(2031, 1, 1), eligibleOn, LEAP_DAY_BIRTH, periods, timescales)).containsExactly(
                new CareLeaverStatus.Since(CareLeaverStatus.ELIGIBLE, LocalDate.of(2028, 2, 29)),
                new CareLeaverStatus.Since(CareLeaverStatus.RELEVANT, LocalDate.of(2029, 6, 30)),
                new CareLeaverStatus.Since(CareLeaverStatus.FORMER_RELEVANT, LocalDate.of(2030, 3, 1)));
    }
}
