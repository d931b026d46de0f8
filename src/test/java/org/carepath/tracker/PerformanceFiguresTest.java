package org.carepath.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.TasklistSession;
import org.carepath.adoption.AdoptionFixtures;
import org.carepath.careleaver.CareLeaverFixtures;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.LookedAfter;
import org.carepath.proceedings.ProceedingsFixtures;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The performance figures against a small data set worked out by hand, all in 2093 (a year no other test uses; no
 * bank-holiday data then, so working days are weekdays), read on Fri 14 Aug 2093: the twelve months are Sep 2092 to
 * Aug 2093.
 * <ul>
 *   <li>Referrals: A and B received Wed 3 Jun (decision due Thu 4 Jun), A decided that day, B on Fri 5 Jun (late);
 *       C received Wed 1 Jul, decided Thu 2 Jul (on time). June: 2 decisions, 1 on time, 50%; July: 1, 1, 100%.</li>
 *   <li>Assessments, due 45 working days from the referral: A and B on Wed 5 Aug, C on Wed 2 Sep. A signed off Wed
 *       15 Jul (on time), B Mon 10 Aug (late), C Wed 12 Aug (on time). July: 1 of 1, 100%; August: 1 of 2, 50%.</li>
 *   <li>Care proceedings, 26 weeks beginning with the day of issue: P1 issued Mon 2 Feb (due Sun 2 Aug), final order
 *       Fri 17 Jul, 166 days; P2 issued Mon 5 Jan (due Sun 5 Jul), final order Fri 10 Jul, 187 days (over); P3 issued
 *       Mon 2 Mar (due Sun 30 Aug), final order Wed 12 Aug, 164 days. July: 2 concluded, 1 within, 50%, average
 *       176.5 days = 25.2 weeks; August: 1, 1, 100%, 23.4 weeks.</li>
 *   <li>Initial conferences, due 15 working days from the strategy discussion (or from the decision to hold one after an
 *       assessment): D's strategy discussion Tue 3 Feb (due Tue 24 Feb), enquiry done Tue 10 Feb, conference Tue 17 Feb
 *       (on time); E's strategy discussion Tue 3 Feb, enquiry ended in no further action Wed 11 Feb (no conference, not
 *       counted); F's assessment signed off for a conference Mon 2 Mar (due Mon 23 Mar), held Wed 25 Mar (late); G's
 *       strategy discussion Mon 2 Mar (due Mon 23 Mar), enquiry Mon 9 Mar, conference Mon 23 Mar (on the day due, on
 *       time). February: 1 of 1, 100%; March: 1 of 2, 50%.</li>
 *   <li>Looked-after reviews: L1, L2 and L3 in care from Wed 1 Oct 2092, first review due in 20 working days, Wed 29
 *       Oct. L1's first Tue 21 Oct (on time), L3's Wed 29 Oct (on the day due), L2's Wed 5 Nov (late). The second is due
 *       3 months after the first: L1's Wed 21 Jan, held Wed 14 Jan; L3's Thu 29 Jan, held that day; L2's Thu 5 Feb, held
 *       Tue 10 Feb (late). October: 2 of 2, 100%; November: 0 of 1, 0%; December none; January: 2 of 2; February: 0 of 1.</li>
 *   <li>Permanence plans by the second review: L1's plan ratified at its second review (counted), L3's ratified on Mon 16
 *       Feb after its second review (not counted), L2 none. January: 2 second reviews, 1 ratified, 50%; February: 1, 0,
 *       0%.</li>
 *   <li>Adoption scorecard, for the children adopted in the month (days between the dates): Q1 in care 1 Jan 2091,
 *       placement order 1 Jun, matched 1 Sep, moved in 1 Oct 2091, adopted Mon 30 Nov 2092 (the month's last day): A1
 *       273, A2 92, A10 273. Q2 in care 1 Jul 2090, placement order 1 Mar 2091, fostering for adoption with the
 *       adopters from 1 Apr, matched 1 Aug, moved in 1 Sep 2091, adopted 3 Nov 2092: A1 427 (over 426), A2 153 (over
 *       121), A10 274. Q3 in care 1 May 2091, placement order 1 Aug, matched 1 Nov, moved in 1 Dec 2091, adopted Tue 1
 *       Dec 2092: A1 214, A2 92, A10 214. November: 2 adopted, A1 (273 + 427) / 2 = 350, A2 (92 + 153) / 2 = 122.5, shown
 *       123, A10 (273 + 274) / 2 = 273.5, shown 274; December: 1, 214, 92, 214.</li>
 *   <li>Care leavers, as counted on each month's last day: Y1 (born 15 Jan 2074) and Y2 (born 15 Jun 2074), both
 *       eligible at 16 and out of care at 18, so 18 or 19 all year. Y1 in suitable lodgings and employed from 1 Sep 2092,
 *       Y2 in unsuitable accommodation and not in education, employment or training from 1 Sep, both suitable and
 *       in further education from 10 Jan 2093. The adviser was in touch with Y1 on 10 Sep 2092 and 5 Jan 2093, with Y2
 *       on Wed 30 Sep 2092; in touch while the last contact is no more than 2 months before the day. September: 2 young
 *       people, 2 in touch, 1 suitable, 1 in education: 100%, 50%, 50%; October: 2 in touch (Y1 until 10 Nov); November:
 *       1 (Y2 until 30 Nov, the month's last day), 50%; December: none, 0%; January: Y1, 50%, with 2 suitable and 2 in
 *       education, 100%.</li>
 * </ul>
 */
@CarePathTest
class PerformanceFiguresTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures referrals;
    @Autowired
    ProceedingsFixtures proceedings;
    @Autowired
    PerformanceFigures figures;
    @Autowired
    IdentityService identity;
    @Autowired
    Children children;
    @Autowired
    LookedAfter lookedAfter;
    @Autowired
    AdoptionFixtures adoption;
    @Autowired
    CareLeaverFixtures careLeavers;

    /** The data set is seeded once (the database is shared by every test of the run) and only read after. */
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        clockAt("2093-06-03T08:30");
        var a = referrals.referralReceivedAt("2093-06-03T08:00:00+01:00");
        var b = referrals.referralReceivedAt("2093-06-03T08:00:00+01:00");
        screen(a);
        clockAt("2093-06-05T10:00");
        screen(b);
        clockAt("2093-07-01T08:30");
        var c = referrals.referralReceivedAt("2093-07-01T08:00:00+01:00");
        clockAt("2093-07-02T16:00");
        screen(c);
        clockAt("2093-07-15T11:00");
        assessAndSignOff(a, false);
        clockAt("2093-08-10T11:00");
        assessAndSignOff(b, true);
        clockAt("2093-08-12T11:00");
        assessAndSignOff(c, false);

        concluded("2093-02-02", "2093-02-12", "2093-06-19", "2093-07-17");
        concluded("2093-01-05", "2093-01-15", "2093-06-12", "2093-07-10");
        concluded("2093-03-02", "2093-03-12", "2093-07-24", "2093-08-12");

        var l1 = lookedAfterFrom("2092-10-01");
        var l2 = lookedAfterFrom("2092-10-01");
        var l3 = lookedAfterFrom("2092-10-01");
        review(l1, "Task_HoldFirstReview", "2092-10-21", false);
        review(l3, "Task_HoldFirstReview", "2092-10-29", false);
        review(l2, "Task_HoldFirstReview", "2092-11-05", false);
        review(l1, "Task_HoldSecondReview", "2093-01-14", true);
        review(l3, "Task_HoldSecondReview", "2093-01-29", false);
        review(l2, "Task_HoldSecondReview", "2093-02-10", false);
        clockAt("2093-02-16T12:00");
        var plan = http.withBasicAuth("service-manager", "demo").postForEntity("/api/children/" + l3 + "/permanence-plan",
                Map.of("type", "SPECIAL_GUARDIANSHIP", "contingency", "Long-term fostering with the current carers",
                        "ratifiedOn", "2093-02-16", "ratifiedBy", "LOOKED_AFTER_REVIEW", "reference", "Review reconvened"), String.class);
        assertThat(plan.getStatusCode()).as("%s", plan.getBody()).isEqualTo(HttpStatus.CREATED);

        clockAt("2093-02-02T08:30");
        var d = referrals.referralReceivedAt("2093-02-02T08:00:00Z");
        var e = referrals.referralReceivedAt("2093-02-02T08:00:00Z");
        var f = referrals.referralReceivedAt("2093-02-02T08:00:00Z");
        screenFor(d, "strategy-discussion");
        screenFor(e, "strategy-discussion");
        screen(f);
        strategyDiscussion(d, "2093-02-03");
        strategyDiscussion(e, "2093-02-03");
        enquiry(d, "2093-02-10", "initial-conference");
        enquiry(e, "2093-02-11", "no-further-action");
        conference(d, "2093-02-17");
        clockAt("2093-03-02T08:30");
        var g = referrals.referralReceivedAt("2093-03-02T08:00:00Z");
        screenFor(g, "strategy-discussion");
        strategyDiscussion(g, "2093-03-02");
        clockAt("2093-03-02T11:00");
        assess(f);
        completeAs("team-manager", task(f.processInstanceId(), "Task_SignOffAssessment"), Map.of("signOffDecision", "initial-conference",
                "signOffRationale", "Risk of significant harm: conference."));
        enquiry(g, "2093-03-09", "initial-conference");
        conference(g, "2093-03-23");
        conference(f, "2093-03-25");

        clockAt("2093-08-01T10:00");
        var household = household();
        adoption.adopted(child("Q1"), household, "2091-01-01", "2091-06-01", "2091-09-01", "2091-10-01", null, "2092-11-30");
        adoption.adopted(child("Q2"), household, "2090-07-01", "2091-03-01", "2091-08-01", "2091-09-01", "2091-04-01", "2092-11-03");
        adoption.adopted(child("Q3"), household, "2091-05-01", "2091-08-01", "2091-11-01", "2091-12-01", null, "2092-12-01");

        var y1 = careLeavers.supportedAfterEighteen("Figures-" + System.nanoTime(), LocalDate.of(2074, 1, 15));
        var y2 = careLeavers.supportedAfterEighteen("Figures-" + System.nanoTime(), LocalDate.of(2074, 6, 15));
        clockAt("2092-09-01T10:00");
        circumstances(y1, "2092-09-01", "supported-lodgings", true, "employment");
        circumstances(y2, "2092-09-01", "no-fixed-abode", false, "not-in-education-employment-or-training");
        contact(y1, "2092-09-10");
        contact(y2, "2092-09-30");
        contact(y1, "2093-01-05");
        clockAt("2093-01-10T10:00");
        circumstances(y2, "2093-01-10", "semi-independent", true, "further-education");
        clockAt("2093-08-14T09:00");
    }

    @Test
    void referralDecisionsAreCountedInTheMonthDecidedAgainstOneWorkingDay() {
        clockAt("2093-08-14T09:00");
        var figure = figures.one(Viewer.of(identity, "service-manager"), "referral-decisions");
        assertThat(figure.title()).isEqualTo("Referral decisions within 1 working day");
        assertThat(figure.headings()).containsExactly("Month", "Decisions", "On time", "Late", "Percentage on time");
        assertThat(figure.rows()).hasSize(12);
        assertThat(figure.rows().get(0).get(0)).as("twelve months to the clock's month").isEqualTo("Sep 2092");
        assertThat(row(figure, "Jun 2093")).containsExactly("Jun 2093", "2", "1", "1", "50%");
        assertThat(row(figure, "Jul 2093")).containsExactly("Jul 2093", "1", "1", "0", "100%");
        assertThat(row(figure, "Aug 2093")).containsExactly("Aug 2093", "0", "0", "0", "");
        assertThat(row(figure, "May 2093")).containsExactly("May 2093", "0", "0", "0", "");
    }

    @Test
    void assessmentsAreCountedInTheMonthSignedOffAgainstFortyFiveWorkingDays() {
        clockAt("2093-08-14T09:00");
        var figure = figures.one(Viewer.of(identity, "service-manager"), "assessments");
        assertThat(figure.title()).isEqualTo("Assessments completed within 45 working days");
        assertThat(row(figure, "Jun 2093")).containsExactly("Jun 2093", "0", "0", "0", "");
        assertThat(row(figure, "Jul 2093")).containsExactly("Jul 2093", "1", "1", "0", "100%");
        assertThat(row(figure, "Aug 2093")).containsExactly("Aug 2093", "2", "1", "1", "50%");
    }

    @Test
    void proceedingsAreCountedInTheMonthConcludedAgainstTwentySixWeeksWithTheirAverageLength() {
        clockAt("2093-08-14T09:00");
        var figure = figures.one(Viewer.of(identity, "service-manager"), "proceedings");
        assertThat(figure.title()).isEqualTo("Care proceedings concluded within 26 weeks");
        assertThat(figure.headings()).containsExactly("Month", "Concluded", "Within 26 weeks", "Over 26 weeks", "Percentage on time",
                "Average length (weeks)");
        assertThat(row(figure, "Jul 2093")).containsExactly("Jul 2093", "2", "1", "1", "50%", "25.2");
        assertThat(row(figure, "Aug 2093")).containsExactly("Aug 2093", "1", "1", "0", "100%", "23.4");
        assertThat(row(figure, "Jun 2093")).containsExactly("Jun 2093", "0", "0", "0", "", "");
        assertThat(figure.series()).extracting(PerformanceFigures.Series::threshold).as("the 26 weeks, from the catalogue")
                .containsExactly(null, null, 26);
    }

    @Test
    void initialConferencesAreCountedInTheMonthHeldNotTheEnquiriesBeforeThem() {
        clockAt("2093-08-14T09:00");
        var figure = figures.one(Viewer.of(identity, "service-manager"), "initial-conferences");
        assertThat(figure.title()).isEqualTo("Initial child protection conferences within 15 working days");
        assertThat(row(figure, "Jan 2093")).containsExactly("Jan 2093", "0", "0", "0", "");
        assertThat(row(figure, "Feb 2093")).containsExactly("Feb 2093", "1", "1", "0", "100%");
        assertThat(row(figure, "Mar 2093")).containsExactly("Mar 2093", "2", "1", "1", "50%");
        assertThat(csv("initial-conferences")).contains("\r\nFeb 2093,1,1,0,100%\r\nMar 2093,2,1,1,50%\r\nApr 2093,0,0,0,\r\n");
    }

    @Test
    void lookedAfterReviewsAreCountedInTheMonthHeldEachAgainstItsOwnTimescale() {
        clockAt("2093-08-14T09:00");
        var figure = figures.one(Viewer.of(identity, "service-manager"), "looked-after-reviews");
        assertThat(figure.headings()).containsExactly("Month", "Reviews", "On time", "Late", "Percentage on time");
        assertThat(row(figure, "Sep 2092")).containsExactly("Sep 2092", "0", "0", "0", "");
        assertThat(row(figure, "Oct 2092")).containsExactly("Oct 2092", "2", "2", "0", "100%");
        assertThat(row(figure, "Nov 2092")).containsExactly("Nov 2092", "1", "0", "1", "0%");
        assertThat(row(figure, "Dec 2092")).containsExactly("Dec 2092", "0", "0", "0", "");
        assertThat(row(figure, "Jan 2093")).containsExactly("Jan 2093", "2", "2", "0", "100%");
        assertThat(row(figure, "Feb 2093")).containsExactly("Feb 2093", "1", "0", "1", "0%");
        assertThat(csv("looked-after-reviews")).contains("\r\nOct 2092,2,2,0,100%\r\nNov 2092,1,0,1,0%\r\nDec 2092,0,0,0,\r\n"
                + "Jan 2093,2,2,0,100%\r\nFeb 2093,1,0,1,0%\r\n");
    }

    @Test
    void permanencePlansAreCountedAtTheSecondReviewOnlyIfRatifiedByThen() {
        clockAt("2093-08-14T09:00");
        var figure = figures.one(Viewer.of(identity, "service-manager"), "permanence-plans");
        assertThat(figure.headings()).containsExactly("Month", "Second reviews", "Plan ratified", "No plan ratified", "Percentage on time");
        assertThat(row(figure, "Oct 2092")).as("first reviews are not counted").containsExactly("Oct 2092", "0", "0", "0", "");
        assertThat(row(figure, "Jan 2093")).containsExactly("Jan 2093", "2", "1", "1", "50%");
        assertThat(row(figure, "Feb 2093")).containsExactly("Feb 2093", "1", "0", "1", "0%");
        assertThat(csv("permanence-plans")).contains("\r\nJan 2093,2,1,1,50%\r\nFeb 2093,1,0,1,0%\r\nMar 2093,0,0,0,\r\n");
    }

    @Test
    void theAdoptionScorecardAveragesTheChildrenAdoptedInTheMonthAgainstItsThresholds() {
        clockAt("2093-08-14T09:00");
        var figure = figures.one(Viewer.of(identity, "service-manager"), "adoption-scorecard");
        assertThat(figure.headings()).containsExactly("Month", "Children adopted", "A1 average days (threshold 426)",
                "A2 average days (threshold 121)", "A10 average days (threshold 426)");
        assertThat(row(figure, "Oct 2092")).containsExactly("Oct 2092", "0", "", "", "");
        assertThat(row(figure, "Nov 2092")).containsExactly("Nov 2092", "2", "350", "123", "274");
        assertThat(row(figure, "Dec 2092")).containsExactly("Dec 2092", "1", "214", "92", "214");
        assertThat(row(figure, "Jan 2093")).containsExactly("Jan 2093", "0", "", "", "");
        assertThat(figure.series()).extracting(PerformanceFigures.Series::threshold).containsExactly(426, 121, 426);
        assertThat(csv("adoption-scorecard")).contains("\r\nOct 2092,0,,,\r\nNov 2092,2,350,123,274\r\nDec 2092,1,214,92,214\r\n"
                + "Jan 2093,0,,,\r\n");
    }

    @Test
    void careLeaversAreCountedAsOnEachMonthsLastDay() {
        clockAt("2093-08-14T09:00");
        var figure = figures.one(Viewer.of(identity, "service-manager"), "care-leavers");
        assertThat(row(figure, "Sep 2092")).containsExactly("Sep 2092", "2", "2", "1", "1", "100%", "50%", "50%");
        assertThat(row(figure, "Oct 2092")).containsExactly("Oct 2092", "2", "2", "1", "1", "100%", "50%", "50%");
        assertThat(row(figure, "Nov 2092")).containsExactly("Nov 2092", "2", "1", "1", "1", "50%", "50%", "50%");
        assertThat(row(figure, "Dec 2092")).containsExactly("Dec 2092", "2", "0", "1", "1", "0%", "50%", "50%");
        assertThat(row(figure, "Jan 2093")).containsExactly("Jan 2093", "2", "1", "2", "2", "50%", "100%", "100%");
        assertThat(csv("care-leavers")).contains("\r\nSep 2092,2,2,1,1,100%,50%,50%\r\nOct 2092,2,2,1,1,100%,50%,50%\r\n"
                + "Nov 2092,2,1,1,1,50%,50%,50%\r\nDec 2092,2,0,1,1,0%,50%,50%\r\nJan 2093,2,1,2,2,50%,100%,100%\r\n");
    }

    @Test
    void monthsMoveWithTheClock() {
        clockAt("2094-06-01T09:00");
        var figure = figures.one(Viewer.of(identity, "service-manager"), "referral-decisions");
        assertThat(figure.rows().get(0).get(0)).isEqualTo("Jul 2093");
        assertThat(figure.rows().get(0)).containsExactly("Jul 2093", "1", "1", "0", "100%");
        assertThat(figure.rows().stream().map(r -> r.get(0))).doesNotContain("Jun 2093");
    }

    @Test
    void eachCsvHoldsTheFiguresThePageShowsCellForCell() {
        clockAt("2093-08-14T09:00");
        var page = get("service-manager", "/tracker/figures");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        var html = page.getBody();
        assertThat(html).contains("/webjars/echarts/5.3.1/dist/echarts.min.js").contains("class=\"carepath-chart\"")
                .contains("href=\"/tracker/figures\"");
        for (var figure : figures.all(Viewer.of(identity, "service-manager"))) {
            assertThat(html).as(figure.id()).contains("id=\"" + figure.id() + "\"").contains(figure.definition()
                    .replace("'", "&#39;"));
            var csv = get("service-manager", "/tracker/figures/" + figure.id() + ".csv");
            assertThat(csv.getStatusCode()).as(figure.id()).isEqualTo(HttpStatus.OK);
            assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
            var lines = Arrays.asList(csv.getBody().split("\r\n"));
            assertThat(lines.get(0)).isEqualTo(csvLine(figure.headings()));
            assertThat(lines.subList(1, lines.size())).as("%s: the CSV is the table on the page", figure.id())
                    .isEqualTo(tableRows(html, figure.id()));
        }
        var proceedingsCsv = get("service-manager", "/tracker/figures/proceedings.csv").getBody();
        assertThat(proceedingsCsv).contains("\r\nJul 2093,2,1,1,50%,25.2\r\nAug 2093,1,1,0,100%,23.4\r\n");
        assertThat(get("service-manager", "/tracker/figures/nonsense.csv").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTeamManagerCountsTheirTeamsChildrenAndAPractitionerIsRefused() {
        clockAt("2093-08-14T09:00");
        var south = figures.one(Viewer.of(identity, "team-manager-south"), "referral-decisions");
        assertThat(row(south, "Jun 2093")).as("the North team's children are not the South's").containsExactly("Jun 2093", "0", "0", "0", "");
        var north = figures.one(Viewer.of(identity, "team-manager"), "referral-decisions");
        assertThat(row(north, "Jun 2093")).containsExactly("Jun 2093", "2", "1", "1", "50%");
        assertThat(get("team-manager-south", "/tracker/figures/referral-decisions.csv").getBody()).contains("\r\nJun 2093,0,0,0,\r\n");

        assertThat(get("practitioner", "/tracker/figures").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("practitioner", "/tracker/figures/assessments.csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("practitioner", "/tracker").getBody()).as("no link for those the page is not for").doesNotContain("/tracker/figures");
        assertThat(http.getForEntity("/tracker/figures/assessments.csv", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static List<String> row(PerformanceFigures.Figure figure, String month) {
        return figure.rows().stream().filter(r -> r.get(0).equals(month)).findFirst().orElseThrow();
    }

    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>([^<]*)</t[hd]>");

    /** The figure's table rows as the page shows them, cells joined as the CSV joins them. */
    private static List<String> tableRows(String html, String id) {
        var start = html.indexOf("data-figure=\"" + id + "\"");
        var body = html.substring(html.indexOf("<tbody", start), html.indexOf("</tbody>", start));
        var rows = new ArrayList<String>();
        for (var row : body.split("</tr>")) {
            var matcher = CELL.matcher(row);
            var cells = new ArrayList<String>();
            while (matcher.find()) {
                cells.add(matcher.group(1).replace("&#39;", "'").replace("&amp;", "&"));
            }
            if (!cells.isEmpty()) {
                rows.add(csvLine(cells));
            }
        }
        return rows;
    }

    /** Cells joined as a CSV line: a cell with a comma quoted. */
    private static String csvLine(List<String> cells) {
        return String.join(",", cells.stream().map(cell -> cell.contains(",") ? "\"" + cell + "\"" : cell).toList());
    }

    private String child(String name) {
        return children.register(new NewChild(name, "Figures-" + System.nanoTime(), LocalDate.of(2089, 6, 1), null, null)).reference();
    }

    private long household() {
        var body = new java.util.HashMap<String, Object>();
        body.put("householdName", "Lee and Kit Moss");
        body.put("household", List.of(Map.of("name", "Lee Moss", "relationship", "prospective adopter")));
        body.put("agencyType", "REGIONAL_ADOPTION_AGENCY");
        body.put("agencyName", "Adopt North");
        body.put("approvedOn", "2090-01-01");
        body.put("approvalDecidedBy", "Adoption panel; agency decision maker");
        body.put("approvedChildren", 3);
        body.put("approvedAgeFrom", 0);
        body.put("approvedAgeTo", 8);
        body.put("siblingGroups", true);
        body.put("needsTheyCanMeet", "Most needs");
        var created = http.withBasicAuth("practitioner", "demo").postForEntity("/api/prospective-adopters", body, Map.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    private void circumstances(String child, String from, String accommodation, boolean suitable, String activity) {
        var answer = http.withBasicAuth("personal-adviser", "demo").postForEntity("/api/children/" + child + "/care-leaver/circumstances",
                Map.of("from", from, "accommodationType", accommodation, "accommodationSuitable", suitable, "providedByAuthority", false,
                        "activity", activity), String.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private void contact(String child, String on) {
        clockAt(on + "T11:00");
        var answer = http.withBasicAuth("personal-adviser", "demo").postForEntity("/api/children/" + child + "/care-leaver/contacts",
                Map.of("contactedOn", on, "method", "in-person", "note", "Seen at home."), String.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private String csv(String id) {
        var answer = get("service-manager", "/tracker/figures/" + id + ".csv");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private String lookedAfterFrom(String date) {
        clockAt(date + "T10:00");
        var child = children.register(new NewChild("Mia", "Figures-" + System.nanoTime(), LocalDate.of(2085, 4, 1), null, null)).reference();
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.parse(date), "Interim care order made on " + date);
        return child;
    }

    /** The IRO holds the review that day; {@code ratify}: the permanence plan is ratified at it. */
    private void review(String child, String taskKey, String heldOn, boolean ratify) {
        clockAt(heldOn + "T15:00");
        var answers = new java.util.HashMap<String, Object>(Map.of("reviewHeldOn", heldOn, "reviewAttendedBy", "Mia, foster carer, social worker",
                "childViews", "Likes her school.", "childViewsGathered", "in-person", "carePlanStatus", "on-track",
                "permanencePlanInPlace", ratify));
        if (ratify) {
            answers.putAll(Map.of("permanencePlanRatifiedAtReview", true, "permanencePlanType", "special-guardianship",
                    "permanencePlanContingency", "Long-term fostering with the current carers"));
        }
        completeAs("iro", task(lookedAfter.periods(child).get(0).processInstanceId(), taskKey), answers);
    }

    private void screenFor(ReferralFixtures.Taken referral, String decision) {
        completeAs("practitioner", task(referral.processInstanceId(), "Task_ScreenContact"), Map.of("ragRating", "red",
                "screeningDecision", decision, "screeningRationale", "Screened: " + decision));
    }

    private void strategyDiscussion(ReferralFixtures.Taken referral, String heldOn) {
        clockAt(heldOn + "T16:00");
        completeAs("team-manager", task(referral.processInstanceId(), "Task_HoldStrategyDiscussion"), Map.of("strategyDiscussionHeldOn", heldOn,
                "strategyAttendees", List.of("police", "health", "childrens-social-care"), "strategyOutcome", "section-47",
                "strategyRationale", "Threshold met."));
    }

    private void enquiry(ReferralFixtures.Taken referral, String doneOn, String outcome) {
        clockAt(doneOn + "T16:00");
        completeAs("practitioner", task(referral.processInstanceId(), "Task_CompleteSection47Enquiry"), Map.of("enquiryChildSeenOn", doneOn,
                "enquiryFindings", "Child seen alone.", "enquiryOutcome", outcome, "enquiryRationale", "Findings weighed."));
    }

    private void conference(ReferralFixtures.Taken referral, String heldOn) {
        clockAt(heldOn + "T16:00");
        completeAs("iro", task(referral.processInstanceId(), "Task_HoldInitialConference"), Map.of("conferenceHeldOn", heldOn,
                "conferenceDecision", "child-in-need-plan", "conferenceRationale", "Risk reduced by the family's engagement."));
    }

    private void assess(ReferralFixtures.Taken referral) {
        var today = java.time.LocalDate.ofInstant(now(), LONDON).toString();
        completeAs("practitioner", task(referral.processInstanceId(), "Task_CompleteAssessment"), Map.of("childSeenOn", today,
                "childsViews", "Frightened at home.", "assessmentAnalysis", "Continuing risk of significant harm.",
                "assessmentRecommendation", "initial-conference"));
    }

    private void screen(ReferralFixtures.Taken referral) {
        completeAs("practitioner", task(referral.processInstanceId(), "Task_ScreenContact"), Map.of("ragRating", "amber",
                "screeningDecision", "assessment", "screeningRationale", "Needs assessment."));
        completeAs("team-manager", task(referral.processInstanceId(), "Task_AllocateSocialWorker"), Map.of("allocatedWorker", "practitioner"));
    }

    private void assessAndSignOff(ReferralFixtures.Taken referral, boolean late) {
        var today = java.time.LocalDate.ofInstant(now(), LONDON).toString();
        var assessment = new java.util.HashMap<String, Object>(Map.of("childSeenOn", today, "childsViews", "Wants to stay at home.",
                "assessmentAnalysis", "Needs support with routines.", "assessmentRecommendation", "child-in-need"));
        if (late) {
            assessment.put("delayReasons", "Worker off sick for two weeks.");
        }
        completeAs("practitioner", task(referral.processInstanceId(), "Task_CompleteAssessment"), assessment);
        completeAs("team-manager", task(referral.processInstanceId(), "Task_SignOffAssessment"), Map.of("signOffDecision", "child-in-need",
                "signOffRationale", "Agree: child in need plan."));
    }

    /** A case issued, heard at a case management and an issues resolution hearing, and concluded by a care order. */
    private void concluded(String issuedOn, String caseManagementOn, String issuesResolutionOn, String finalOn) {
        clockAt(issuedOn + "T09:00");
        var c = proceedings.requested();
        proceedings.legalPlanningMeeting(c, issuedOn, "issue-proceedings");
        clockAt(issuedOn + "T16:00");
        proceedings.issued(c, issuedOn);
        clockAt(caseManagementOn + "T17:00");
        hearing(c, Map.of("type", "CASE_MANAGEMENT", "heldOn", caseManagementOn, "outcome", "Timetable set.",
                "nextHearingOn", issuesResolutionOn, "nextHearingType", "ISSUES_RESOLUTION"));
        clockAt(issuesResolutionOn + "T17:00");
        hearing(c, Map.of("type", "ISSUES_RESOLUTION", "heldOn", issuesResolutionOn, "outcome", "Final hearing listed.",
                "nextHearingOn", finalOn, "nextHearingType", "FINAL"));
        clockAt(finalOn + "T17:00");
        hearing(c, Map.of("type", "FINAL", "heldOn", finalOn, "outcome", "Care order.", "orders", List.of(Map.of("type", "CARE_ORDER"))));
    }

    private void hearing(ProceedingsFixtures.Case c, Map<String, Object> body) {
        var answer = http.withBasicAuth("legal", "demo").exchange("/api/proceedings/" + c.proceedingsId() + "/hearings", HttpMethod.POST,
                new HttpEntity<>(body), String.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<String> get(String user, String path) {
        var session = TasklistSession.signIn(http, user);
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookies());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
