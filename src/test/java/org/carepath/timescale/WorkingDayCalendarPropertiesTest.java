package org.carepath.timescale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of working-day arithmetic over the years the shipped list covers.
 */
class WorkingDayCalendarPropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
    private final WorkingDayCalendar calendar;

    WorkingDayCalendarPropertiesTest() throws IOException {
        calendar = WorkingDayCalendarTest.shipped();
    }

    @Property(tries = 500)
    void addingNWorkingDaysLandsOnAWorkingDayNWorkingDaysLater(
            @ForAll @IntRange(min = 0, max = 4700) int dayOffset, @ForAll @IntRange(min = 1, max = 80) int n) {
        var from = FIRST.plusDays(dayOffset);
        var due = calendar.addWorkingDays(from, n);
        assertThat(due).isAfter(from);
        assertThat(calendar.isWorkingDay(due)).isTrue();
        assertThat(calendar.workingDaysAfter(from, due)).isEqualTo(n);
        // the day before the due date is still one working day short
        assertThat(calendar.workingDaysAfter(from, due.minusDays(1))).isEqualTo(n - 1);
    }

    @Property(tries = 500)
    void subtractingUndoesAddingFromAWorkingDay(
            @ForAll @IntRange(min = 0, max = 4700) int dayOffset, @ForAll @IntRange(min = 1, max = 80) int n) {
        var from = FIRST.plusDays(dayOffset);
        var due = calendar.addWorkingDays(from, n);
        var back = calendar.subtractWorkingDays(due, n);
        if (calendar.isWorkingDay(from)) {
            assertThat(back).isEqualTo(from);
        } else {
            // from a non-working day, going back lands on the last working day before it
            assertThat(back).isBefore(from);
            assertThat(calendar.workingDaysAfter(back, from)).isZero();
        }
    }

    @Property(tries = 500)
    void workingDaysAfterIsTheCountOfWorkingDaysOneByOneOverAnyYearsInTheDataOrNot(
            @ForAll @IntRange(min = 0, max = 40_000) int dayOffset, @ForAll @IntRange(min = 0, max = 2_000) int length) {
        var from = LocalDate.of(2000, 1, 1).plusDays(dayOffset);
        var to = from.plusDays(length);
        int oneByOne = 0;
        for (var day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            var weekday = day.getDayOfWeek().getValue() <= 5;
            var christmas = day.getMonthValue() == 12 && (day.getDayOfMonth() == 25 || day.getDayOfMonth() == 26);
            if (weekday && !christmas && !day.equals(WorkingDayCalendar.goodFriday(day.getYear()))
                    && !calendar.bankHolidays().containsKey(day)) {
                oneByOne++;
            }
        }
        assertThat(calendar.workingDaysAfter(from, to)).as("%s to %s", from, to).isEqualTo(oneByOne);
    }

    @Property(tries = 300)
    void workingDaysAfterIsZeroWhenNotLater(
            @ForAll @IntRange(min = 0, max = 4700) int dayOffset, @ForAll @IntRange(min = 0, max = 400) int daysBack) {
        var to = FIRST.plusDays(dayOffset);
        assertThat(calendar.workingDaysAfter(to, to.minusDays(daysBack))).isZero();
    }

    @Property(tries = 300)
    void aNegativeCountSubtracts(
            @ForAll @IntRange(min = 0, max = 4700) int dayOffset, @ForAll @IntRange(min = 0, max = 80) int n) {
        var from = FIRST.plusDays(dayOffset);
        assertThat(calendar.addWorkingDays(from, -n)).isEqualTo(calendar.subtractWorkingDays(from, n));
        assertThat(calendar.subtractWorkingDays(from, -n)).isEqualTo(calendar.addWorkingDays(from, n));
    }
}
