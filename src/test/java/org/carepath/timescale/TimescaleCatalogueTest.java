package org.carepath.timescale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped catalogue against the tables in timescales.md, and the rules for a council's overrides.
 */
class TimescaleCatalogueTest {

    static TimescaleCatalogue shipped(Map<String, TimescaleOverrides.Override> overrides) throws IOException {
        try (InputStream in = TimescaleCatalogueTest.class.getResourceAsStream("/carepath/timescales.yml")) {
            assertThat(in).as("shipped catalogue on the classpath").isNotNull();
            return TimescaleCatalogue.read(in, overrides);
        }
    }

    static TimescaleCatalogue fromYaml(String yaml) throws IOException {
        return TimescaleCatalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    static TimescaleOverrides.Override amount(int amount) {
        return new TimescaleOverrides.Override(amount, null);
    }

    @ParameterizedTest(name = "{0}: {2} {1}, ceiling {3}, {4}")
    @CsvSource(nullValues = "local", value = {
            // Working Together to Safeguard Children 2023
            "REFERRAL_DECISION,            WORKING_DAYS, 1,   1,     AFTER_TRIGGER",
            "ASSESSMENT,                   WORKING_DAYS, 45,  45,    AFTER_TRIGGER",
            "STRATEGY_DISCUSSION,          WORKING_DAYS, 1,   local, AFTER_TRIGGER",
            "INITIAL_CONFERENCE,           WORKING_DAYS, 15,  15,    AFTER_TRIGGER",
            "FIRST_CORE_GROUP,             WORKING_DAYS, 10,  10,    AFTER_TRIGGER",
            "FIRST_REVIEW_CONFERENCE,      MONTHS,       3,   3,     AFTER_TRIGGER",
            "REVIEW_CONFERENCE,            MONTHS,       6,   6,     AFTER_TRIGGER",
            "CHILD_PROTECTION_VISIT,       WORKING_DAYS, 10,  local, AFTER_TRIGGER",
            // care proceedings
            "CARE_PROCEEDINGS,             WEEKS,        26,  26,    BEGINNING_WITH_TRIGGER",
            "PROCEEDINGS_EXTENSION,        WEEKS,        8,   8,     AFTER_TRIGGER",
            "CASE_MANAGEMENT_HEARING,      DAYS,         12,  18,    BEGINNING_WITH_TRIGGER",
            "ISSUES_RESOLUTION_HEARING,    WEEKS,        20,  local, BEGINNING_WITH_TRIGGER",
            "PRE_PROCEEDINGS_MEETING,      WORKING_DAYS, 10,  local, AFTER_TRIGGER",
            "PRE_PROCEEDINGS_FIRST_REVIEW, WEEKS,        6,   local, AFTER_TRIGGER",
            "PRE_PROCEEDINGS_SECOND_REVIEW, WEEKS,       12,  local, AFTER_TRIGGER",
            "PRE_PROCEEDINGS_DECISION,     WEEKS,        16,  local, AFTER_TRIGGER",
            // children looked after
            "CARE_PLAN,                    WORKING_DAYS, 10,  10,    AFTER_TRIGGER",
            "FIRST_LOOKED_AFTER_REVIEW,    WORKING_DAYS, 20,  20,    AFTER_TRIGGER",
            "SECOND_LOOKED_AFTER_REVIEW,   MONTHS,       3,   3,     AFTER_TRIGGER",
            "LOOKED_AFTER_REVIEW,          MONTHS,       6,   6,     AFTER_TRIGGER",
            "FIRST_PLACEMENT_VISIT,        WEEKS,        1,   1,     AFTER_TRIGGER",
            "PLACEMENT_VISIT_FIRST_YEAR,   WEEKS,        6,   6,     AFTER_TRIGGER",
            "PLACEMENT_VISIT_LONG_TERM,    MONTHS,       3,   3,     AFTER_TRIGGER",
            "PLACED_WITH_PARENTS_VISIT,    WEEKS,        1,   1,     AFTER_TRIGGER",
            "IRO_DISPUTE_STAGE,            WORKING_DAYS, 10,  local, AFTER_TRIGGER",
            "IRO_DISPUTE_RESPONSE_CONSIDERED, WORKING_DAYS, 5, local, AFTER_TRIGGER",
            // adoption
            "AGENCY_DECISION,              WORKING_DAYS, 7,   local, AFTER_TRIGGER",
            "ADOPTION_REGISTER_REFERRAL,   MONTHS,       3,   3,     AFTER_TRIGGER",
            "ADOPTION_REGISTER_REFERRAL_MADE, WORKING_DAYS, 5, local, AFTER_TRIGGER",
            "ADOPTION_FAMILY_FINDING,      MONTHS,       3,   local, AFTER_TRIGGER",
            "MATCHING_ASSESSMENT,          WORKING_DAYS, 20,  local, AFTER_TRIGGER",
            "ADOPTION_INTRODUCTIONS,       WEEKS,        4,   local, AFTER_TRIGGER",
            "ADOPTION_ORDER_APPLICATION_POSSIBLE, WEEKS, 10,  10,    AFTER_TRIGGER",
            "ADOPTION_ORDER,               MONTHS,       6,   local, AFTER_TRIGGER",
            "LATER_LIFE_LETTER,            WORKING_DAYS, 10,  local, AFTER_TRIGGER",
            "DISRUPTION_MEETING,           WEEKS,        6,   local, AFTER_TRIGGER",
            "LONG_TERM_FOSTERING_MATCH,    MONTHS,       3,   local, AFTER_TRIGGER",
            "ADOPTION_REVIEW_FIRST,        MONTHS,       3,   3,     AFTER_TRIGGER",
            "ADOPTION_REVIEW,              MONTHS,       6,   6,     AFTER_TRIGGER",
            "ADOPTIVE_PLACEMENT_FIRST_REVIEW, WEEKS,     4,   4,     AFTER_TRIGGER",
            "ADOPTIVE_PLACEMENT_SECOND_REVIEW, MONTHS,   3,   3,     AFTER_TRIGGER",
            "ADOPTIVE_PLACEMENT_REVIEW,    MONTHS,       6,   6,     AFTER_TRIGGER",
            "ADOPTIVE_PLACEMENT_VISIT,     WEEKS,        1,   1,     AFTER_TRIGGER",
            "ADOPTION_SCORECARD_A1,        DAYS,         426, 426,   AFTER_TRIGGER",
            "ADOPTION_SCORECARD_A2,        DAYS,         121, 121,   AFTER_TRIGGER",
            "ADOPTION_SCORECARD_A10,       DAYS,         426, 426,   AFTER_TRIGGER",
            // care leavers
            "PATHWAY_PLAN,                 MONTHS,       3,   3,     AFTER_TRIGGER",
            "PATHWAY_PLAN_REVIEW,          MONTHS,       6,   6,     AFTER_TRIGGER",
            "PERSONAL_ADVISER_FIRST_VISIT, DAYS,         7,   7,     AFTER_TRIGGER",
            "PERSONAL_ADVISER_VISIT,       MONTHS,       2,   2,     AFTER_TRIGGER",
            "FOURTEENTH_BIRTHDAY,          YEARS,        14,  14,    AFTER_TRIGGER",
            "SIXTEENTH_BIRTHDAY,           YEARS,        16,  16,    AFTER_TRIGGER",
            "EIGHTEENTH_BIRTHDAY,          YEARS,        18,  18,    AFTER_TRIGGER",
            "TWENTY_FIRST_BIRTHDAY,        YEARS,        21,  21,    AFTER_TRIGGER",
            "TWENTY_FIFTH_BIRTHDAY,        YEARS,        25,  25,    AFTER_TRIGGER",
            "CARE_LEAVER_TIME_IN_CARE,     WEEKS,        13,  13,    AFTER_TRIGGER",
            "CARE_LEAVER_ELIGIBILITY_DATE, DAYS,         0,   0,     DUE_ON_TRIGGER",
            "PATHWAY_PLAN_ACTION,          DAYS,         0,   0,     DUE_ON_TRIGGER",
            "PERSONAL_ADVISER_ALLOCATION,  WORKING_DAYS, 10,  local, AFTER_TRIGGER",
            "PATHWAY_PLAN_REVIEW_ON_REQUEST, WORKING_DAYS, 20, local, AFTER_TRIGGER",
            "STAYING_PUT_DECISION,         WORKING_DAYS, 20,  local, AFTER_TRIGGER",
            "STAYING_CLOSE_DECISION,       WORKING_DAYS, 20,  local, AFTER_TRIGGER",
            // panels
            "PANEL_PAPERS,                 WORKING_DAYS, 10,  local, AFTER_TRIGGER",
            "PANEL_BOOKING,                WORKING_DAYS, 5,   local, AFTER_TRIGGER",
            "PANEL_HEARING,                DAYS,         0,   0,     DUE_ON_TRIGGER",
            "PANEL_PAPERS_RECEIVED,        DAYS,         0,   0,     DUE_ON_TRIGGER",
            // CarePath's own
            "DRIFT_ESCALATION,             WORKING_DAYS, 5,   local, AFTER_TRIGGER",
    })
    void theShippedCatalogueHasTheTimescalesInTimescalesMd(
            String key, TimescaleUnit unit, int amount, Integer ceiling, Counting counting) throws IOException {
        var timescale = shipped(Map.of()).get(key);
        assertThat(timescale.key()).isEqualTo(key);
        assertThat(timescale.unit()).isEqualTo(unit);
        assertThat(timescale.amount()).isEqualTo(amount);
        assertThat(timescale.ceiling()).isEqualTo(ceiling);
        assertThat(timescale.local()).isEqualTo(ceiling == null);
        assertThat(timescale.counting()).isEqualTo(counting);
        assertThat(timescale.description()).isNotBlank();
        assertThat(timescale.source()).isNotBlank();
    }

    @Test
    void theShippedCatalogueIsWithinItsOwnRules() throws IOException {
        var all = shipped(Map.of()).all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(41);
        assertThat(all).allSatisfy(timescale -> {
            if (timescale.counting() == Counting.DUE_ON_TRIGGER) {
                // a court sets the date itself: there is no amount to count
                assertThat(timescale.amount()).as(timescale.key()).isZero();
                return;
            }
            assertThat(timescale.amount()).as(timescale.key()).isPositive();
            if (timescale.ceiling() != null) {
                assertThat(timescale.amount()).as(timescale.key()).isLessThanOrEqualTo(timescale.ceiling());
            }
            assertThat(timescale.warningWorkingDays()).as(timescale.key()).isNotNegative();
            if (timescale.unit() == TimescaleUnit.WORKING_DAYS) {
                // the reminder comes after the trigger
                assertThat(timescale.warningWorkingDays()).as(timescale.key()).isLessThan(timescale.amount());
            }
        });
    }

    @Test
    void shippedWarnings() throws IOException {
        var catalogue = shipped(Map.of());
        assertThat(catalogue.get("ASSESSMENT").warningWorkingDays()).isEqualTo(10);
        assertThat(catalogue.get("REFERRAL_DECISION").warningWorkingDays()).isZero();
        assertThat(catalogue.get("INITIAL_CONFERENCE").warningWorkingDays()).isEqualTo(5);
        assertThat(catalogue.get("CARE_PROCEEDINGS").warningWorkingDays()).isEqualTo(30);
    }

    @Test
    void anUnknownKeyLookupThrows() throws IOException {
        var catalogue = shipped(Map.of());
        assertThatThrownBy(() -> catalogue.get("NO_SUCH_TIMESCALE"))
                .isInstanceOf(UnknownTimescaleException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO_SUCH_TIMESCALE");
        assertThatThrownBy(() -> catalogue.get(null)).isInstanceOf(UnknownTimescaleException.class);
    }

    @Test
    void aTighterStatutoryTimescaleIsApplied() throws IOException {
        var catalogue = shipped(Map.of("ASSESSMENT", amount(35)));
        var assessment = catalogue.get("ASSESSMENT");
        assertThat(assessment.amount()).isEqualTo(35);
        assertThat(assessment.ceiling()).isEqualTo(45);
        assertThat(assessment.warningWorkingDays()).isEqualTo(10);
        assertThat(assessment.unit()).isEqualTo(TimescaleUnit.WORKING_DAYS);
        var timescales = new Timescales(catalogue, WorkingDayCalendarTest.shipped(), TimescalesTest.LONDON,
                java.time.LocalTime.of(9, 0));
        // 35 WD from Thu 2 Apr 2026 is Wed 27 May (45 WD would be Wed 10 Jun)
        assertThat(timescales.dueDate("ASSESSMENT", LocalDate.of(2026, 4, 2))).isEqualTo(LocalDate.of(2026, 5, 27));
        // other timescales are untouched
        assertThat(catalogue.get("INITIAL_CONFERENCE").amount()).isEqualTo(15);
    }

    @Test
    void theStatutoryValueItselfIsAllowed() throws IOException {
        assertThat(shipped(Map.of("ASSESSMENT", amount(45))).get("ASSESSMENT").amount()).isEqualTo(45);
    }

    @Test
    void aLongerStatutoryTimescaleIsRefusedAtLoad() {
        assertThatThrownBy(() -> shipped(Map.of("ASSESSMENT", amount(50))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carepath.timescales.ASSESSMENT.amount")
                .hasMessageContaining("50")
                .hasMessageContaining("45 working days");
    }

    @Test
    void aLongerCaseManagementHearingThanDay18IsRefused() throws IOException {
        assertThat(shipped(Map.of("CASE_MANAGEMENT_HEARING", amount(18))).get("CASE_MANAGEMENT_HEARING").amount())
                .isEqualTo(18);
        assertThatThrownBy(() -> shipped(Map.of("CASE_MANAGEMENT_HEARING", amount(19))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carepath.timescales.CASE_MANAGEMENT_HEARING.amount")
                .hasMessageContaining("18 days");
    }

    @Test
    void aLocalTimescaleMayBeSetAsTheCouncilSeesFit() throws IOException {
        var catalogue = shipped(Map.of("STRATEGY_DISCUSSION", amount(2), "AGENCY_DECISION", amount(20)));
        assertThat(catalogue.get("STRATEGY_DISCUSSION").amount()).isEqualTo(2);
        assertThat(catalogue.get("STRATEGY_DISCUSSION").local()).isTrue();
        assertThat(catalogue.get("AGENCY_DECISION").amount()).isEqualTo(20);
    }

    @Test
    void anUnknownOverrideKeyIsRefusedNamingIt() {
        assertThatThrownBy(() -> shipped(Map.of("ASSESMENT", amount(35))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carepath.timescales.ASSESMENT")
                .hasMessageContaining("no such timescale");
    }

    @Test
    void overridingOnlyTheWarningKeepsTheAmount() throws IOException {
        var assessment = shipped(Map.of("ASSESSMENT", new TimescaleOverrides.Override(null, 5))).get("ASSESSMENT");
        assertThat(assessment.amount()).isEqualTo(45);
        assertThat(assessment.warningWorkingDays()).isEqualTo(5);
        assertThat(assessment.ceiling()).isEqualTo(45);
    }

    @Test
    void aZeroAmountOrNegativeWarningIsRefused() {
        assertThatThrownBy(() -> shipped(Map.of("STRATEGY_DISCUSSION", amount(0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carepath.timescales.STRATEGY_DISCUSSION.amount");
        assertThatThrownBy(() -> shipped(Map.of("ASSESSMENT", new TimescaleOverrides.Override(null, -1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carepath.timescales.ASSESSMENT.warning-working-days");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> shipped(Map.of("ASSESSMENT", amount(50), "NOPE", amount(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carepath.timescales.ASSESSMENT.amount")
                .hasMessageContaining("carepath.timescales.NOPE");
    }

    @Test
    void anOverrideThatPutsTheReminderAtOrBeforeTheTriggerIsRefused() {
        // TimescaleCatalogue's Javadoc: "Refuses to start on an override that ... puts the reminder at or
        // before the trigger". ASSESSMENT at 10 WD with the shipped 10 WD warning puts the reminder on the
        // referral day itself; at 5 WD it would be before the referral.
        assertThatThrownBy(() -> shipped(Map.of("ASSESSMENT", amount(10))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carepath.timescales.ASSESSMENT");
        assertThatThrownBy(() -> shipped(Map.of("REFERRAL_DECISION", new TimescaleOverrides.Override(null, 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carepath.timescales.REFERRAL_DECISION");
    }

    @Test
    void workingDaysCannotBeCountedBeginningWithTheTrigger() {
        var yaml = """
                - key: ODD
                  description: Odd
                  source: Test
                  unit: WORKING_DAYS
                  amount: 3
                  counting: BEGINNING_WITH_TRIGGER
                """;
        assertThatThrownBy(() -> fromYaml(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ODD");
    }

    @Test
    void aKeyListedTwiceIsRefused() {
        var yaml = """
                - {key: TWICE, description: One, source: Test, unit: DAYS, amount: 3}
                - {key: TWICE, description: Two, source: Test, unit: DAYS, amount: 4}
                """;
        assertThatThrownBy(() -> fromYaml(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TWICE")
                .hasMessageContaining("twice");
    }

    @Test
    void anEntryWithoutADescriptionIsRefused() {
        assertThatThrownBy(() -> fromYaml("- {key: BARE, source: Test, unit: DAYS, amount: 3}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BARE")
                .hasMessageContaining("description");
    }

    @Test
    void defaultsForCountingAndWarning() throws IOException {
        var plain = fromYaml("- {key: PLAIN, description: Plain, source: Test, unit: WEEKS, amount: 2}").get("PLAIN");
        assertThat(plain.counting()).isEqualTo(Counting.AFTER_TRIGGER);
        assertThat(plain.warningWorkingDays()).isZero();
        assertThat(plain.ceiling()).isNull();
        assertThat(plain.local()).isTrue();
    }
}
