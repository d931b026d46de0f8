package org.carepath.timescale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The England and Wales working-day calendar, against dates worked out by hand from a real calendar.
 * 2026: 1 Jan is a Thursday, 2 Mar a Monday, 2 Apr a Thursday, 1 Jun a Monday, 24 Dec a Thursday.
 * 2027: 26 Mar is Good Friday, 25 Dec a Saturday, 31 Dec a Friday. 1 Jan 2028 is a Saturday.
 */
class WorkingDayCalendarTest {

    static final String SHIPPED = "/carepath/bank-holidays-england-and-wales.csv";

    static WorkingDayCalendar calendar;

    @BeforeAll
    static void readShippedList() throws IOException {
        calendar = shipped();
    }

    static WorkingDayCalendar shipped() throws IOException {
        try (InputStream in = WorkingDayCalendarTest.class.getResourceAsStream(SHIPPED)) {
            assertThat(in).as("shipped bank-holiday list on the classpath").isNotNull();
            return WorkingDayCalendar.read(in, "test");
        }
    }

    static WorkingDayCalendar fromText(String csv) throws IOException {
        return WorkingDayCalendar.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test");
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class Weekends {

        @ParameterizedTest
        @ValueSource(strings = {"2026-03-07", "2026-03-08", "2026-06-13", "2026-06-14", "2027-12-25", "2027-12-26"})
        void saturdaysAndSundaysAreNotWorkingDays(String date) {
            assertThat(calendar.isWorkingDay(d(date))).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-04-02",
                "2026-04-07", "2026-12-24", "2026-12-29", "2027-01-04"})
        void ordinaryWeekdaysAreWorkingDays(String date) {
            assertThat(calendar.isWorkingDay(d(date))).isTrue();
        }

        @ParameterizedTest(name = "{0} + 1 WD = {1}")
        @CsvSource({
                // Friday, Saturday and Sunday all roll to the Monday
                "2026-03-06, 2026-03-09",
                "2026-03-07, 2026-03-09",
                "2026-03-08, 2026-03-09",
                // Monday to Tuesday
                "2026-03-09, 2026-03-10",
        })
        void oneWorkingDaySkipsTheWeekend(String from, String expected) {
            assertThat(calendar.addWorkingDays(d(from), 1)).isEqualTo(d(expected));
        }

        @Test
        void fiveWorkingDaysIsAWeekWhenThereIsNoHoliday() {
            // Mon 9 Mar 2026: 10, 11, 12, 13, 16
            assertThat(calendar.addWorkingDays(d("2026-03-09"), 5)).isEqualTo(d("2026-03-16"));
        }
    }

    @Nested
    class Holidays {

        @Test
        void theShippedListHasTheBankHolidaysInTimescalesMdFor2026And2027() {
            assertThat(holidaysIn(calendar, 2026)).containsExactly(
                    d("2026-01-01"), d("2026-04-03"), d("2026-04-06"), d("2026-05-04"),
                    d("2026-05-25"), d("2026-08-31"), d("2026-12-25"), d("2026-12-28"));
            assertThat(holidaysIn(calendar, 2027)).containsExactly(
                    d("2027-01-01"), d("2027-03-26"), d("2027-03-29"), d("2027-05-03"),
                    d("2027-05-31"), d("2027-08-30"), d("2027-12-27"), d("2027-12-28"));
            assertThat(calendar.firstYear()).isEqualTo(2018);
            assertThat(calendar.lastYear()).isEqualTo(2030);
        }

        @Test
        void referralOnThursdayBeforeEaster2026IsDueOnTheTuesdayAfter() {
            // Thu 2 Apr; Fri 3 Good Friday, Sat 4, Sun 5, Mon 6 Easter Monday -> Tue 7 Apr
            assertThat(calendar.isWorkingDay(d("2026-04-03"))).isFalse();
            assertThat(calendar.isWorkingDay(d("2026-04-06"))).isFalse();
            assertThat(calendar.addWorkingDays(d("2026-04-02"), 1)).isEqualTo(d("2026-04-07"));
        }

        @Test
        void easter2027FallsOn26And29March() {
            assertThat(calendar.isWorkingDay(d("2027-03-25"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2027-03-26"))).isFalse();
            assertThat(calendar.isWorkingDay(d("2027-03-29"))).isFalse();
            assertThat(calendar.isWorkingDay(d("2027-03-30"))).isTrue();
            // Thu 25 Mar 2027; Fri 26 GF, 27/28 weekend, Mon 29 EM -> Tue 30 Mar
            assertThat(calendar.addWorkingDays(d("2027-03-25"), 1)).isEqualTo(d("2027-03-30"));
            // 2 WD from Wed 24 Mar 2027: Thu 25, Tue 30
            assertThat(calendar.addWorkingDays(d("2027-03-24"), 2)).isEqualTo(d("2027-03-30"));
        }

        @ParameterizedTest(name = "{0} + {1} WD = {2}")
        @CsvSource({
                // Thu 24 Dec 2026: Fri 25 Christmas, 26/27 weekend, Mon 28 Boxing Day (substitute) -> Tue 29
                "2026-12-24, 1, 2026-12-29",
                "2026-12-23, 2, 2026-12-29",
                "2026-12-25, 1, 2026-12-29",
                "2026-12-26, 1, 2026-12-29",
                // 2027: Christmas Sat 25, Boxing Day Sun 26; substitutes Mon 27 and Tue 28 -> Wed 29
                "2027-12-24, 1, 2027-12-29",
                "2027-12-23, 2, 2027-12-29",
                // Thu 31 Dec 2026: Fri 1 Jan 2027 New Year's Day, 2/3 weekend -> Mon 4 Jan
                "2026-12-31, 1, 2027-01-04",
                // Thu 24 Dec 2026 + 4 WD: 29, 30, 31 Dec, (1 Jan), 4 Jan
                "2026-12-24, 4, 2027-01-04",
                // Fri 31 Dec 2027: 1/2 Jan 2028 weekend, Mon 3 New Year's Day (substitute) -> Tue 4 Jan 2028
                "2027-12-31, 1, 2028-01-04",
                // Fri 24 Dec 2027 + 3 WD: 29, 30, 31 Dec
                "2027-12-24, 3, 2027-12-31",
                // Fri 24 Dec 2027 + 4 WD: 29, 30, 31 Dec, (Sat 1, Sun 2, Mon 3 substitute), Tue 4 Jan 2028
                "2027-12-24, 4, 2028-01-04",
        })
        void christmasAndNewYear(String from, int workingDays, String expected) {
            assertThat(calendar.addWorkingDays(d(from), workingDays)).isEqualTo(d(expected));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-12-25", "2026-12-28", "2027-01-01", "2027-12-27", "2027-12-28", "2028-01-03"})
        void christmasNewYearAndTheirSubstitutesAreNotWorkingDays(String date) {
            assertThat(calendar.isWorkingDay(d(date))).isFalse();
        }

        @Test
        void fortyFiveWorkingDaysFromThursday2April2026IsWednesday10June() {
            // After Thu 2 Apr 2026 (3 and 6 Apr are Easter):
            //   Apr 7-10: 4, Apr 13-17: 9, Apr 20-24: 14, Apr 27-30: 18, Fri 1 May: 19,
            //   (Mon 4 May early May bank holiday) May 5-8: 23, May 11-15: 28, May 18-22: 33,
            //   (Mon 25 May spring bank holiday) May 26-29: 37, Jun 1-5: 42, Jun 8: 43, Jun 9: 44, Wed Jun 10: 45
            assertThat(calendar.addWorkingDays(d("2026-04-02"), 45)).isEqualTo(d("2026-06-10"));
            assertThat(d("2026-06-10").getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        }

        @Test
        void zeroWorkingDaysIsTheSameDayEvenWhenThatDayIsNotAWorkingDay() {
            assertThat(calendar.addWorkingDays(d("2026-04-03"), 0)).isEqualTo(d("2026-04-03"));
            assertThat(calendar.subtractWorkingDays(d("2026-03-07"), 0)).isEqualTo(d("2026-03-07"));
        }
    }

    @Nested
    class Subtracting {

        @ParameterizedTest(name = "{0} - {1} WD = {2}")
        @CsvSource({
                "2026-04-07, 1, 2026-04-02",   // Easter back to Thursday
                "2026-06-10, 45, 2026-04-02",
                // 10 WD before Wed 10 Jun 2026: 9, 8, 5, 4, 3, 2, 1 Jun, 29, 28, 27 May
                "2026-06-10, 10, 2026-05-27",
                "2026-12-29, 1, 2026-12-24",
                "2027-01-04, 1, 2026-12-31",
                "2028-01-04, 1, 2027-12-31",
                "2026-03-09, 1, 2026-03-06",   // Monday back to Friday
                "2026-03-08, 1, 2026-03-06",   // Sunday back to Friday
                // 30 WD before Sun 30 Aug 2026: Aug 24-28 (5), 17-21 (10), 10-14 (15), 3-7 (20), Jul 27-31 (25), Jul 20-24 (30)
                "2026-08-30, 30, 2026-07-20",
        })
        void subtractWorkingDays(String from, int workingDays, String expected) {
            assertThat(calendar.subtractWorkingDays(d(from), workingDays)).isEqualTo(d(expected));
        }

        @Test
        void negativeCountsGoTheOtherWay() {
            assertThat(calendar.addWorkingDays(d("2026-04-07"), -1)).isEqualTo(d("2026-04-02"));
            assertThat(calendar.subtractWorkingDays(d("2026-04-02"), -1)).isEqualTo(d("2026-04-07"));
        }
    }

    @Nested
    class WorkingDaysAfter {

        @ParameterizedTest(name = "working days after {0} up to {1} = {2}")
        @CsvSource({
                "2026-04-02, 2026-04-07, 1",
                "2026-04-02, 2026-06-10, 45",
                "2026-04-02, 2026-04-06, 0",   // only Good Friday, the weekend and Easter Monday
                "2026-04-02, 2026-04-02, 0",   // same day
                "2026-06-10, 2026-04-02, 0",   // not later
                "2026-06-10, 2026-06-12, 2",   // Thu 11, Fri 12
                // Thu 24 Dec 2026 to Mon 4 Jan 2027: 29, 30, 31 Dec, 4 Jan
                "2026-12-24, 2027-01-04, 4",
                // Fri 22 May 2026 to Tue 26 May: Mon 25 is the spring bank holiday
                "2026-05-22, 2026-05-26, 1",
                "2026-03-06, 2026-03-08, 0",   // Friday to Sunday
        })
        void countsWorkingDaysAfterTheFirstUpToAndIncludingTheSecond(String from, String to, int expected) {
            assertThat(calendar.workingDaysAfter(d(from), d(to))).isEqualTo(expected);
        }
    }

    @Nested
    class GoodFriday {

        @ParameterizedTest(name = "Good Friday {0} = {1}")
        @CsvSource({
                "2018, 2018-03-30", "2019, 2019-04-19", "2020, 2020-04-10", "2021, 2021-04-02",
                "2022, 2022-04-15", "2023, 2023-04-07", "2024, 2024-03-29", "2025, 2025-04-18",
                "2026, 2026-04-03", "2027, 2027-03-26", "2028, 2028-04-14", "2029, 2029-03-30",
                "2030, 2030-04-19",
                // outside the list: Easter Sunday 16 Apr 2017, 13 Apr 2031, 25 Apr 2038 (latest possible date), 22 Mar 2285 (earliest)
                "2017, 2017-04-14", "2031, 2031-04-11", "2038, 2038-04-23", "2285, 2285-03-20",
        })
        void computedGoodFriday(int year, String expected) {
            assertThat(WorkingDayCalendar.goodFriday(year)).isEqualTo(d(expected));
        }

        @Test
        void computedGoodFridayMatchesTheShippedListFor2018To2030() {
            for (int year = 2018; year <= 2030; year++) {
                var goodFriday = WorkingDayCalendar.goodFriday(year);
                assertThat(goodFriday.getDayOfWeek()).as("Good Friday %d", year).isEqualTo(DayOfWeek.FRIDAY);
                assertThat(calendar.bankHolidays()).as("Good Friday %d in the shipped list", year)
                        .containsEntry(goodFriday, "Good Friday");
            }
        }
    }

    @Nested
    class ShippedListConsistency {

        @Test
        void everyYearHasTheStandardBankHolidaysAndOnlyTheKnownSpecialDaysBesides() {
            for (int year = 2018; year <= 2030; year++) {
                var expected = new TreeSet<>(standardBankHolidays(year));
                switch (year) {
                    case 2020 -> {
                        // early May bank holiday moved to Friday 8 May for VE Day
                        expected.remove(d("2020-05-04"));
                        expected.add(d("2020-05-08"));
                    }
                    case 2022 -> {
                        // spring bank holiday moved to Thursday 2 June, Platinum Jubilee Friday 3 June,
                        // State Funeral of Queen Elizabeth II on Monday 19 September
                        expected.remove(d("2022-05-30"));
                        expected.addAll(List.of(d("2022-06-02"), d("2022-06-03"), d("2022-09-19")));
                    }
                    case 2023 -> expected.add(d("2023-05-08")); // coronation
                    default -> {
                    }
                }
                assertThat(holidaysIn(calendar, year)).as("bank holidays in %d", year)
                        .containsExactlyElementsOf(expected);
            }
        }

        @Test
        void theStandardRulesThemselvesGiveTheDatesInTimescalesMd() {
            // guards the helper the consistency test relies on
            assertThat(standardBankHolidays(2026)).containsExactlyInAnyOrder(
                    d("2026-01-01"), d("2026-04-03"), d("2026-04-06"), d("2026-05-04"),
                    d("2026-05-25"), d("2026-08-31"), d("2026-12-25"), d("2026-12-28"));
            assertThat(standardBankHolidays(2027)).containsExactlyInAnyOrder(
                    d("2027-01-01"), d("2027-03-26"), d("2027-03-29"), d("2027-05-03"),
                    d("2027-05-31"), d("2027-08-30"), d("2027-12-27"), d("2027-12-28"));
            // Christmas on a Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27; New Year Sunday -> Monday 2
            assertThat(standardBankHolidays(2022)).contains(d("2022-12-26"), d("2022-12-27"), d("2022-01-03"));
            assertThat(standardBankHolidays(2023)).contains(d("2023-01-02"));
        }

        @Test
        void noListedBankHolidayFallsOnAWeekend() {
            assertThat(calendar.bankHolidays().keySet())
                    .allSatisfy(date -> assertThat(date.getDayOfWeek()).as(date.toString())
                            .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        }
    }

    @Nested
    class OutsideTheList {

        @ParameterizedTest
        @ValueSource(strings = {
                "2031-12-25", "2031-12-26", "2031-04-11",    // Thu, Fri, Good Friday 2031
                "2017-12-25", "2017-12-26", "2017-04-14",    // Mon, Tue, Good Friday 2017
                "2035-12-25", "2035-12-26", "2035-03-23"})   // Tue, Wed, Good Friday 2035 (Easter 25 Mar)
        void christmasBoxingDayAndGoodFridayAreStillNotWorkingDays(String date) {
            assertThat(d(date).getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(calendar.isWorkingDay(d(date))).isFalse();
        }

        @Test
        void ordinaryDaysOutsideTheListAreWorkingDays() {
            assertThat(calendar.isWorkingDay(d("2031-12-24"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2031-04-10"))).isTrue();
            // Wed 24 Dec 2031: Thu 25, Fri 26, 27/28 weekend -> Mon 29
            assertThat(calendar.addWorkingDays(d("2031-12-24"), 1)).isEqualTo(d("2031-12-29"));
        }
    }

    @Nested
    class Reading {

        @Test
        void aMalformedLineIsRejectedNamingTheLine() {
            var csv = """
                    # a council's list
                    date,name
                    2026-01-01,New Year's Day

                    2026-13-01,Thirteenth month
                    """;
            assertThatThrownBy(() -> fromText(csv))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Line 5")
                    .hasMessageContaining("test")
                    .hasMessageContaining("2026-13-01,Thirteenth month");
        }

        @Test
        void aDateInTheWrongFormatIsRejectedNamingTheLine() {
            assertThatThrownBy(() -> fromText("2026-01-01,New Year's Day\n25/12/2026,Christmas Day\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Line 2")
                    .hasMessageContaining("25/12/2026,Christmas Day");
        }

        @Test
        void anEmptyListIsRejected() {
            assertThatThrownBy(() -> fromText("# nothing\ndate,name\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
        }

        @Test
        void aReplacementListIsUsedInsteadOfTheShippedOne() throws IOException {
            var own = fromText("date,name\n2026-06-01,A new bank holiday\n2026-12-28, Boxing Day (substitute day) \n");
            assertThat(own.bankHolidays()).containsOnlyKeys(d("2026-06-01"), d("2026-12-28"));
            assertThat(own.bankHolidays().get(d("2026-12-28"))).isEqualTo("Boxing Day (substitute day)");
            assertThat(own.isWorkingDay(d("2026-06-01"))).isFalse();
            // Fri 29 May 2026 + 1 WD: weekend, Mon 1 Jun holiday -> Tue 2 Jun
            assertThat(own.addWorkingDays(d("2026-05-29"), 1)).isEqualTo(d("2026-06-02"));
            // Good Friday is computed, so it stays a holiday; Easter Monday is not in this list
            assertThat(own.isWorkingDay(d("2026-04-03"))).isFalse();
            assertThat(own.isWorkingDay(d("2026-04-06"))).isTrue();
        }

        @Test
        void aLineWithoutANameGetsADefaultName() throws IOException {
            var own = fromText("2026-06-01\n");
            assertThat(own.bankHolidays()).containsEntry(d("2026-06-01"), "Bank holiday");
        }

        @Test
        void theHolidayMapCannotBeChanged() {
            assertThatThrownBy(() -> calendar.bankHolidays().put(d("2026-06-01"), "x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    static List<LocalDate> holidaysIn(WorkingDayCalendar calendar, int year) {
        return calendar.bankHolidays().keySet().stream().filter(date -> date.getYear() == year).sorted().toList();
    }

    /**
     * The usual England and Wales bank holidays by the standing rules, written independently of the
     * production code: New Year's Day (next Monday if at a weekend), Good Friday, Easter Monday, first
     * Monday of May, last Monday of May, last Monday of August, and Christmas Day and Boxing Day with a
     * substitute weekday for each one that falls at a weekend.
     */
    static Set<LocalDate> standardBankHolidays(int year) {
        var days = new LinkedHashSet<LocalDate>();
        days.add(nextWeekday(LocalDate.of(year, 1, 1)));
        var easterSunday = easterSunday(year);
        days.add(easterSunday.minusDays(2));
        days.add(easterSunday.plusDays(1));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        var christmas = new ArrayList<LocalDate>();
        var dates = List.of(LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26));
        dates.stream().filter(date -> !weekend(date)).forEach(christmas::add);
        for (var date : dates) {
            if (weekend(date)) {
                var substitute = date.plusDays(1);
                while (weekend(substitute) || christmas.contains(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                christmas.add(substitute);
            }
        }
        days.addAll(christmas);
        return days;
    }

    private static LocalDate nextWeekday(LocalDate date) {
        var day = date;
        while (weekend(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Easter Sunday by Gauss's method with the Gregorian corrections (an independent check on the production algorithm). */
    private static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year % 4;
        int c = year % 7;
        int k = year / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int dd = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * dd + n) % 7;
        int day = 22 + dd + e; // days after 1 March, counted from 22 March
        if (dd == 29 && e == 6) {
            return LocalDate.of(year, Month.APRIL, 19);
        }
        if (dd == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(year, Month.APRIL, 18);
        }
        return day <= 31 ? LocalDate.of(year, Month.MARCH, day) : LocalDate.of(year, Month.APRIL, day - 31);
    }

    @Test
    void theIndependentEasterAgreesWithTheProductionAlgorithmOverFourCenturies() {
        IntStream.rangeClosed(1900, 2299).forEach(year ->
                assertThat(WorkingDayCalendar.goodFriday(year)).as("Good Friday %d", year)
                        .isEqualTo(easterSunday(year).minusDays(2)));
    }
}
