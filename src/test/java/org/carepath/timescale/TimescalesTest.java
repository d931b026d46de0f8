package org.carepath.timescale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Due and warning dates from the shipped catalogue and calendar, worked out by hand.
 * British Summer Time 2026 runs from Sunday 29 March to Sunday 25 October.
 */
class TimescalesTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static Timescales timescales;

    @BeforeAll
    static void build() throws IOException {
        timescales = timescales(Map.of());
    }

    static Timescales timescales(Map<String, TimescaleOverrides.Override> overrides) throws IOException {
        TimescaleCatalogue catalogue;
        try (InputStream in = TimescalesTest.class.getResourceAsStream("/carepath/timescales.yml")) {
            catalogue = TimescaleCatalogue.read(in, overrides);
        }
        return new Timescales(catalogue, WorkingDayCalendarTest.shipped(), LONDON, LocalTime.of(9, 0));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class DueAndWarningDates {

        @ParameterizedTest(name = "{0} from {1}: due {2}, warning {3}")
        @CsvSource({
                // Thu 2 Apr 2026 + 1 WD over Easter = Tue 7 Apr; no warning days, so warned on the due day
                "REFERRAL_DECISION, 2026-04-02, 2026-04-07, 2026-04-07",
                "REFERRAL_DECISION, 2026-12-24, 2026-12-29, 2026-12-29",
                // 45 WD from Thu 2 Apr 2026 = Wed 10 Jun; 10 WD before: 9, 8, 5, 4, 3, 2, 1 Jun, 29, 28, 27 May
                "ASSESSMENT, 2026-04-02, 2026-06-10, 2026-05-27",
                // strategy discussion (local default 1 WD) on Fri 6 Mar 2026 -> Mon 9 Mar
                "STRATEGY_DISCUSSION, 2026-03-06, 2026-03-09, 2026-03-09",
                // 15 WD from Mon 2 Mar 2026: Mar 3-6 (4), 9-13 (9), 16-20 (14), Mon 23 (15);
                // 5 WD before: 20, 19, 18, 17, 16
                "INITIAL_CONFERENCE, 2026-03-02, 2026-03-23, 2026-03-16",
                // 15 WD from Mon 23 Mar 2026: 24-27 (4), Mar 30-Apr 2 (8), (Easter) Apr 7-10 (12), 13, 14, 15 (15);
                // 5 WD before Wed 15 Apr: 14, 13, 10, 9, 8
                "INITIAL_CONFERENCE, 2026-03-23, 2026-04-15, 2026-04-08",
                // 10 WD from Thu 17 Dec 2026: 18 (1), 21-24 (5), (25, 28) 29-31 (8), (1 Jan) 4 (9), 5 (10);
                // 3 WD before Tue 5 Jan 2027: 4 Jan, 31 Dec, 30 Dec
                "FIRST_CORE_GROUP, 2026-12-17, 2027-01-05, 2026-12-30",
                // 3 calendar months from Sat 31 Jan 2026: 31 Apr does not exist -> Thu 30 Apr (plusMonths clamps);
                // 10 WD before: 29, 28, 27, 24, 23, 22, 21, 20, 17, 16 Apr
                "FIRST_REVIEW_CONFERENCE, 2026-01-31, 2026-04-30, 2026-04-16",
                // 3 months from Sun 30 Nov 2025 -> 28 Feb 2026 (a Saturday); 10 WD before: Feb 27-23 (5), 20-16 (10)
                "FIRST_REVIEW_CONFERENCE, 2025-11-30, 2026-02-28, 2026-02-16",
                // 6 months from Mon 31 Aug 2026 -> 28 Feb 2027 (Sunday); 10 WD before: Feb 26-22 (5), 19-15 (10)
                "REVIEW_CONFERENCE, 2026-08-31, 2027-02-28, 2027-02-15",
                // 121 days from Mon 2 Mar 2026: 29 days to 31 Mar, +30 Apr (59), +31 May (90), +30 Jun (120), 1 Jul (121);
                // 15 WD before Wed 1 Jul: Jun 30, 29 (2), 26-22 (7), 19-15 (12), 12, 11, 10 (15)
                "ADOPTION_SCORECARD_A2, 2026-03-02, 2026-07-01, 2026-06-10",
                // 26 weeks beginning with Mon 2 Mar 2026: day 1 is 2 Mar, day 182 is Sun 30 Aug 2026
                // (2 Mar + 182 days = Mon 31 Aug, less the day of issue);
                // 30 WD before Sun 30 Aug: Aug 28-24 (5), 21-17 (10), 14-10 (15), 7-3 (20), Jul 31-27 (25), 24-20 (30)
                "CARE_PROCEEDINGS, 2026-03-02, 2026-08-30, 2026-07-20",
                // day 12 beginning with Mon 2 Mar 2026 = Fri 13 Mar; 3 WD before: 12, 11, 10
                "CASE_MANAGEMENT_HEARING, 2026-03-02, 2026-03-13, 2026-03-10",
                // week 20 beginning with Mon 2 Mar 2026: 2 Mar + 140 days = Mon 20 Jul, less one = Sun 19 Jul;
                // 10 WD before: Jul 17-13 (5), 10-6 (10)
                "ISSUES_RESOLUTION_HEARING, 2026-03-02, 2026-07-19, 2026-07-06",
                // 1 week after Thu 2 Apr 2026 = Thu 9 Apr; 2 WD before: 8, 7 (Easter in between does not matter)
                "FIRST_PLACEMENT_VISIT, 2026-04-02, 2026-04-09, 2026-04-07",
                // 7 days after Wed 23 Dec 2026 = Wed 30 Dec; 2 WD before: 29, (28, 27, 26, 25) 24
                "PERSONAL_ADVISER_FIRST_VISIT, 2026-12-23, 2026-12-30, 2026-12-24",
                // 20 WD from Thu 2 Apr 2026: Apr 7-10 (4), 13-17 (9), 20-24 (14), 27-30 (18), Fri 1 May (19),
                // (Mon 4 May) Tue 5 May (20); 5 WD before: 1 May, 30, 29, 28, 27 Apr
                "FIRST_LOOKED_AFTER_REVIEW, 2026-04-02, 2026-05-05, 2026-04-27",
                // 7 WD from Fri 22 May 2026: (Mon 25) 26, 27, 28, 29, Jun 1, 2, 3; 2 WD before: 2, 1 Jun
                "AGENCY_DECISION, 2026-05-22, 2026-06-03, 2026-06-01",
                // 6 months from Sat 31 Oct 2026 -> 30 Apr 2027 (Fri); 10 WD before: Apr 29-26 (4), 23-19 (9), 16 (10)
                "PATHWAY_PLAN_REVIEW, 2026-10-31, 2027-04-30, 2027-04-16",
        })
        void dueAndWarningDates(String key, String trigger, String due, String warning) {
            assertThat(timescales.dueDate(key, d(trigger))).as("due date").isEqualTo(d(due));
            assertThat(timescales.warningDate(key, d(trigger))).as("warning date").isEqualTo(d(warning));
        }

        @Test
        void theWarningIsTenWorkingDaysBeforeTheAssessmentIsDue() {
            var due = timescales.dueDate("ASSESSMENT", d("2026-04-02"));
            var warning = timescales.warningDate("ASSESSMENT", d("2026-04-02"));
            assertThat(timescales.calendar().workingDaysAfter(warning, due)).isEqualTo(10);
        }

        @Test
        void theWarningIsNeverBeforeTheTrigger() throws IOException {
            // a catalogue (not an override) whose reminder would fall before the trigger:
            // 2 days after Thu 2 Apr 2026 = Sat 4 Apr; 5 WD before that is Fri 27 Mar, so it is held at 2 Apr
            var yaml = """
                    - key: SHORT
                      description: Short
                      source: Test
                      unit: DAYS
                      amount: 2
                      warningWorkingDays: 5
                    """;
            var catalogue = TimescaleCatalogue.read(
                    new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Map.of());
            var short_ = new Timescales(catalogue, WorkingDayCalendarTest.shipped(), LONDON, LocalTime.of(9, 0));
            assertThat(short_.dueDate("SHORT", d("2026-04-02"))).isEqualTo(d("2026-04-04"));
            assertThat(short_.warningDate("SHORT", d("2026-04-02"))).isEqualTo(d("2026-04-02"));
        }

        @Test
        void theDateACourtSetIsTheDeadline() {
            // Friday 17 April 2026, reminded 3 working days before: Tuesday 14 April
            assertThat(timescales.dueDate("COURT_DIRECTION", d("2026-04-17"))).isEqualTo(d("2026-04-17"));
            assertThat(timescales.warningDate("COURT_DIRECTION", d("2026-04-17"))).isEqualTo(d("2026-04-14"));
            // an extension moves a date by the timescale's unit, counted from the deadline, not beginning with it
            assertThat(timescales.extend("CARE_PROCEEDINGS", d("2026-08-30"), 8)).isEqualTo(d("2026-10-25"));
        }

        @Test
        void everyShippedTimescaleIsDueAfterItsTriggerAndWarnsNoLaterThanItIsDue() {
            for (var timescale : timescales.catalogue()) {
                if (timescale.counting() == Counting.DUE_ON_TRIGGER) {
                    continue; // due on the date itself: see theDateACourtSetIsTheDeadline
                }
                for (var trigger = d("2026-03-20"); trigger.isBefore(d("2027-01-10")); trigger = trigger.plusDays(1)) {
                    var due = timescales.dueDate(timescale.key(), trigger);
                    var warning = timescales.warningDate(timescale.key(), trigger);
                    assertThat(due).as("%s from %s", timescale.key(), trigger).isAfter(trigger);
                    assertThat(warning).as("%s warning from %s", timescale.key(), trigger)
                            .isAfterOrEqualTo(trigger).isBeforeOrEqualTo(due);
                }
            }
        }
    }

    @Nested
    class Instants {

        @ParameterizedTest(name = "due({0}, {1}) = {2}")
        @CsvSource({
                // due day in summer time: 23:59:59 BST is 22:59:59Z
                "ASSESSMENT, 2026-04-02, 2026-06-10T22:59:59Z",
                "REFERRAL_DECISION, 2026-04-02, 2026-04-07T22:59:59Z",
                // due day in winter: 23:59:59 GMT
                "REFERRAL_DECISION, 2026-12-24, 2026-12-29T23:59:59Z",
                "REFERRAL_DECISION, 2026-12-31, 2027-01-04T23:59:59Z",
                "CARE_PROCEEDINGS, 2026-03-02, 2026-08-30T22:59:59Z",
                // day 12 beginning with Wed 18 Mar 2026 is Sun 29 Mar, the day the clocks go forward (BST by 23:59)
                "CASE_MANAGEMENT_HEARING, 2026-03-18, 2026-03-29T22:59:59Z",
                // day 12 beginning with Wed 14 Oct 2026 is Sun 25 Oct, the day the clocks go back (GMT by 23:59)
                "CASE_MANAGEMENT_HEARING, 2026-10-14, 2026-10-25T23:59:59Z",
        })
        void dueIsTheEndOfTheDueDayInLondon(String key, String trigger, String instant) {
            assertThat(timescales.due(key, d(trigger))).isEqualTo(Date.from(Instant.parse(instant)));
        }

        @ParameterizedTest(name = "warning({0}, {1}) = {2}")
        @CsvSource({
                // Wed 27 May 2026 09:00 BST
                "ASSESSMENT, 2026-04-02, 2026-05-27T08:00:00Z",
                // Tue 29 Dec 2026 09:00 GMT
                "REFERRAL_DECISION, 2026-12-24, 2026-12-29T09:00:00Z",
                // Wed 30 Dec 2026 09:00 GMT
                "FIRST_CORE_GROUP, 2026-12-17, 2026-12-30T09:00:00Z",
                // Mon 20 Jul 2026 09:00 BST
                "CARE_PROCEEDINGS, 2026-03-02, 2026-07-20T08:00:00Z",
                // Mon 16 Mar 2026 09:00 GMT (before the clocks change)
                "INITIAL_CONFERENCE, 2026-03-02, 2026-03-16T09:00:00Z",
        })
        void warningIsNineOClockLondonTimeOnTheWarningDay(String key, String trigger, String instant) {
            assertThat(timescales.warning(key, d(trigger))).isEqualTo(Date.from(Instant.parse(instant)));
        }

        @Test
        void dueAcceptsTheSameTriggerTypesAsDateOf() {
            var expected = Date.from(Instant.parse("2026-04-07T22:59:59Z"));
            assertThat(timescales.due("REFERRAL_DECISION", "2026-04-02")).isEqualTo(expected);
            assertThat(timescales.due("REFERRAL_DECISION", "2026-04-02T23:30:00+01:00")).isEqualTo(expected);
            // 23:30Z on 1 April is 00:30 on 2 April in London: a referral on the 2nd, not the 1st
            assertThat(timescales.due("REFERRAL_DECISION", "2026-04-01T23:30:00Z")).isEqualTo(expected);
            assertThat(timescales.due("REFERRAL_DECISION", Date.from(Instant.parse("2026-04-01T23:30:00Z"))))
                    .isEqualTo(expected);
            assertThat(timescales.warning("REFERRAL_DECISION", "2026-04-01T23:30:00Z"))
                    .isEqualTo(Date.from(Instant.parse("2026-04-07T08:00:00Z")));
        }

        @Test
        void endOfAndReminderAt() {
            assertThat(timescales.endOf(d("2026-06-10"))).isEqualTo(Instant.parse("2026-06-10T22:59:59Z"));
            assertThat(timescales.endOf(d("2026-12-29"))).isEqualTo(Instant.parse("2026-12-29T23:59:59Z"));
            assertThat(timescales.reminderAt(d("2026-06-10"))).isEqualTo(Instant.parse("2026-06-10T08:00:00Z"));
            assertThat(timescales.reminderAt(d("2026-12-29"))).isEqualTo(Instant.parse("2026-12-29T09:00:00Z"));
        }

        @Test
        void aMissingTriggerNamesTheTimescale() {
            assertThatThrownBy(() -> timescales.due("ASSESSMENT", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ASSESSMENT");
            assertThatThrownBy(() -> timescales.warning("ASSESSMENT", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ASSESSMENT");
        }

        @Test
        void anUnknownKeyIsRejected() {
            assertThatThrownBy(() -> timescales.due("NO_SUCH_TIMESCALE", d("2026-04-02")))
                    .isInstanceOf(UnknownTimescaleException.class)
                    .hasMessageContaining("NO_SUCH_TIMESCALE");
            assertThatThrownBy(() -> timescales.dueDate("NO_SUCH_TIMESCALE", d("2026-04-02")))
                    .isInstanceOf(UnknownTimescaleException.class);
            assertThatThrownBy(() -> timescales.timescale("assessment"))
                    .isInstanceOf(UnknownTimescaleException.class);
        }
    }

    @Nested
    class DateOf {

        @Test
        void javaUtilDateIsReadInLondon() {
            // 23:30Z on 1 April 2026 is 00:30 BST on 2 April
            assertThat(timescales.dateOf((Object) Date.from(Instant.parse("2026-04-01T23:30:00Z")))).isEqualTo(d("2026-04-02"));
            // 23:30Z on 31 December 2026 is 23:30 GMT, still 31 December
            assertThat(timescales.dateOf((Object) Date.from(Instant.parse("2026-12-31T23:30:00Z")))).isEqualTo(d("2026-12-31"));
        }

        @Test
        void javaTimeValues() {
            assertThat(timescales.dateOf((Object) d("2026-04-02"))).isEqualTo(d("2026-04-02"));
            assertThat(timescales.dateOf((Object) OffsetDateTime.parse("2026-04-02T23:30:00+01:00"))).isEqualTo(d("2026-04-02"));
            assertThat(timescales.dateOf((Object) OffsetDateTime.parse("2026-04-01T23:30:00Z"))).isEqualTo(d("2026-04-02"));
            assertThat(timescales.dateOf(Instant.parse("2026-04-01T23:30:00Z"))).isEqualTo(d("2026-04-02"));
            assertThat(timescales.dateOf((Object) Instant.parse("2026-04-01T23:30:00Z"))).isEqualTo(d("2026-04-02"));
            // 23:30 in New York on 2 April is 04:30 on 3 April in London
            assertThat(timescales.dateOf((Object) ZonedDateTime.of(2026, 4, 2, 23, 30, 0, 0, ZoneId.of("America/New_York"))))
                    .isEqualTo(d("2026-04-03"));
            // a local date-time is taken as already in the council's zone
            assertThat(timescales.dateOf((Object) LocalDateTime.parse("2026-04-02T23:30:00"))).isEqualTo(d("2026-04-02"));
        }

        @ParameterizedTest(name = "\"{0}\" -> {1}")
        @CsvSource({
                "2026-04-02, 2026-04-02",
                "' 2026-04-02 ', 2026-04-02",
                // a late-evening event in summer time is still that London date
                "2026-04-02T23:30:00+01:00, 2026-04-02",
                "2026-04-02T23:30:00.000+0100, 2026-04-02",
                "2026-04-02T23:30+01:00, 2026-04-02",
                // 23:30Z on 1 April is 00:30 on 2 April in London
                "2026-04-01T23:30:00Z, 2026-04-02",
                "2026-04-01T23:30:00.000Z, 2026-04-02",
                // 22:30Z on 1 April is 23:30 on 1 April in London
                "2026-04-01T22:30:00Z, 2026-04-01",
                // in winter London is on UTC
                "2026-12-31T23:30:00Z, 2026-12-31",
                // 00:30 on 1 Jan 2027 at +01:00 is 23:30 GMT on 31 December
                "2027-01-01T00:30:00+01:00, 2026-12-31",
                // 23:30 on 2 April at -05:00 is 04:30 BST on 3 April
                "2026-04-02T23:30:00-05:00, 2026-04-03",
                // no offset: already local
                "2026-04-02T23:30:00, 2026-04-02",
        })
        void isoStrings(String text, String expected) {
            assertThat(timescales.dateOf((Object) text)).isEqualTo(d(expected));
        }

        @Test
        void nullIsRejected() {
            assertThatThrownBy(() -> timescales.dateOf((Object) null)).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"garbage", "", "   ", "2026-02-30", "2026-13-01", "02/04/2026", "yesterday",
                "2026-04-02T25:00:00Z", "2026-04-02T23:30:00+01:00[Europe/London]x", "1775168400000"})
        void garbageIsRejected(String text) {
            assertThatThrownBy(() -> timescales.dateOf((Object) text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a date");
        }

        @Test
        void otherObjectsAreRejected() {
            assertThatThrownBy(() -> timescales.dateOf((Object) 42)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> timescales.dateOf((Object) Boolean.TRUE)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aJavaTimeValueWithoutADateIsRejectedAsAnIllegalArgument() {
            // a time of day, or a month, is not a trigger date; the caller should get the same
            // IllegalArgumentException as for any other value that is not a date
            assertThatThrownBy(() -> timescales.dateOf((Object) LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> timescales.dateOf((Object) java.time.YearMonth.of(2026, 4)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class WorkingDaysLate {

        @ParameterizedTest(name = "due {0}, done {1}: {2} WD late")
        @CsvSource({
                "2026-06-10, 2026-06-10, 0",   // on the day
                "2026-06-10, 2026-06-05, 0",   // early
                "2026-06-10, 2026-06-11, 1",
                "2026-06-10, 2026-06-12, 2",
                "2026-06-10, 2026-06-14, 2",   // done at the weekend: still two working days
                "2026-06-10, 2026-06-15, 3",
                "2026-05-22, 2026-05-26, 1",   // Mon 25 May spring bank holiday
                "2026-04-02, 2026-04-07, 1",   // Easter
                "2026-12-24, 2027-01-04, 4",   // 29, 30, 31 Dec, 4 Jan
                "2026-08-30, 2026-09-01, 1",   // due Sunday; Mon 31 Aug bank holiday; Tue 1 Sep
        })
        void workingDaysLate(String due, String done, int expected) {
            assertThat(timescales.workingDaysLate(d(due), d(done))).isEqualTo(expected);
        }
    }

    @Nested
    class WithOverrides {

        @Test
        void aTighterAssessmentTimescaleMovesTheDueDate() throws IOException {
            var tighter = timescales(Map.of("ASSESSMENT", new TimescaleOverrides.Override(35, null)));
            // 35 WD from Thu 2 Apr 2026: ... May 18-22 (33), (Mon 25 May) Tue 26 (34), Wed 27 (35);
            // 10 WD before: 26, 22, 21, 20, 19, 18, 15, 14, 13, 12 May
            assertThat(tighter.dueDate("ASSESSMENT", d("2026-04-02"))).isEqualTo(d("2026-05-27"));
            assertThat(tighter.warningDate("ASSESSMENT", d("2026-04-02"))).isEqualTo(d("2026-05-12"));
            assertThat(tighter.due("ASSESSMENT", "2026-04-02")).isEqualTo(Date.from(Instant.parse("2026-05-27T22:59:59Z")));
        }

        @Test
        void overridingOnlyTheWarning() throws IOException {
            var earlier = timescales(Map.of("ASSESSMENT", new TimescaleOverrides.Override(null, 5)));
            // still due Wed 10 Jun 2026; 5 WD before: 9, 8, 5, 4, 3 Jun
            assertThat(earlier.dueDate("ASSESSMENT", d("2026-04-02"))).isEqualTo(d("2026-06-10"));
            assertThat(earlier.warningDate("ASSESSMENT", d("2026-04-02"))).isEqualTo(d("2026-06-03"));
        }

        @Test
        void aLocalStrategyDiscussionStandardOfTwoWorkingDays() throws IOException {
            var two = timescales(Map.of("STRATEGY_DISCUSSION", new TimescaleOverrides.Override(2, null)));
            // Thu 2 Apr 2026 + 2 WD: (Easter) Tue 7, Wed 8
            assertThat(two.dueDate("STRATEGY_DISCUSSION", d("2026-04-02"))).isEqualTo(d("2026-04-08"));
        }
    }
}
