package org.carepath.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.TasklistSession;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.LookedAfterFixtures;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The permanence tracker against a small data set whose answers are worked out by hand: a North child whose
 * assessment is 11 working days late with an alert at the team manager, a North child on time, a South child,
 * and a North child looked after whose IRO is appointed. Dates in 2096 (no bank-holiday data then: only
 * weekends, Christmas and Good Friday are not working days, so the working days are counted on a calendar).
 */
@CarePathTest
class TrackerTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures referrals;
    @Autowired
    Tracker tracker;
    @Autowired
    IdentityService identity;
    @Autowired
    Children children;
    @Autowired
    LookedAfterFixtures lookedAfter;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.carepath.access.ChildAccess access;

    ReferralFixtures.Taken late;
    ReferralFixtures.Taken onTime;
    ReferralFixtures.Taken south;
    ReferralFixtures.Taken inCare;

    @BeforeEach
    void seed() {
        // Mon 3 Sep 2096: three referrals, screened for assessment and allocated the same morning
        clockAt("2096-09-03T09:00");
        late = referrals.referralReceivedAt("2096-09-03T08:00:00Z");
        allocate(late, "team-manager", "practitioner");
        south = referrals.referralReceivedAt("2096-09-03T08:00:00Z");
        allocate(south, "team-manager", "practitioner-south");
        inCare = referrals.referralReceivedAt("2096-09-03T08:00:00Z");
        allocate(inCare, "team-manager", "practitioner");
        children.changeLegalStatus(inCare.childReference(), LegalStatus.INTERIM_CARE_ORDER, LocalDate.parse("2096-09-03"), "Interim care order");
        lookedAfter.place(inCare.childReference(), LocalDate.parse("2096-09-03"));
        var appointed = call("team-manager", HttpMethod.PUT, "/api/children/" + inCare.childReference() + "/periods-in-care/current/iro",
                Map.of("iro", "iro"));
        assertThat(appointed.getStatusCode()).as("%s", appointed.getBody()).isEqualTo(HttpStatus.OK);
        // the assessment is due 45 working days on, Mon 5 Nov 2096; the deadline passes: the ladder's first rung
        missDeadline(late.processInstanceId(), "SubProcess_Assessment");
        // Mon 19 Nov 2096: a new referral, on time
        clockAt("2096-11-19T09:00");
        onTime = referrals.referralReceivedAt("2096-11-19T08:00:00Z");
        allocate(onTime, "team-manager", "practitioner");
        // Tue 20 Nov 2096: the morning the tracker is read
        clockAt("2096-11-20T09:00");
    }

    @Test
    void eachChildsRowIsWhatTheJourneysAndTheRecordSay() {
        var rows = tracker.rows(Viewer.of(identity, "team-manager"));
        var lateRow = row(rows, late.childReference());
        assertThat(lateRow.rag()).isEqualTo(Tracker.Rag.RED);
        assertThat(lateRow.next().due()).isEqualTo(LocalDate.parse("2096-11-05"));
        assertThat(lateRow.next().workingDaysOverdue()).as("6 Nov to 20 Nov, weekdays").isEqualTo(11);
        assertThat(lateRow.openAlerts()).isOne();
        assertThat(lateRow.rung()).as("the team manager's rung").isOne();
        assertThat(lateRow.journeys()).singleElement().satisfies(journey -> {
            assertThat(journey.key()).isEqualTo("referral-to-assessment");
            assertThat(journey.stage()).isEqualTo("Child and family assessment");
            assertThat(journey.daysInStage()).as("3 Sep to 20 Nov").isEqualTo(78);
        });
        assertThat(lateRow.worker()).isEqualTo("practitioner");
        assertThat(lateRow.workerName()).isEqualTo("Priya Patel");
        assertThat(lateRow.workersInLast12Months()).isOne();
        assertThat(lateRow.placementMoves()).as("not looked after").isNull();
        assertThat(lateRow.ratifiedBySecondReview()).isNull();
        assertThat(lateRow.proceedingsWeek()).isNull();

        var onTimeRow = row(rows, onTime.childReference());
        assertThat(onTimeRow.rag()).isEqualTo(Tracker.Rag.GREEN);
        assertThat(onTimeRow.openAlerts()).isZero();
        assertThat(onTimeRow.rung()).isNull();
        assertThat(onTimeRow.next().due()).as("45 working days from 19 Nov, Christmas Day and Boxing Day not counted")
                .isEqualTo(LocalDate.parse("2097-01-23"));
        assertThat(onTimeRow.journeys()).singleElement().satisfies(journey -> assertThat(journey.daysInStage()).isOne());

        var inCareRow = row(rows, inCare.childReference());
        assertThat(inCareRow.legalStatus()).isEqualTo("INTERIM_CARE_ORDER");
        assertThat(inCareRow.placementMoves()).as("placed once, never moved").isZero();
        assertThat(inCareRow.permanencePlan()).isNull();
        assertThat(inCareRow.ratifiedBySecondReview()).as("no plan and no second review yet").isEqualTo(Tracker.Ratified.NOT_YET);
        assertThat(inCareRow.journeys()).extracting(Tracker.Journey::key).contains("looked-after-child");

        assertThat(rows.stream().map(Tracker.Row::reference)).as("another team's child").doesNotContain(south.childReference());
        var mine = rows.stream().filter(r -> List.of(late.childReference(), onTime.childReference(), inCare.childReference())
                .contains(r.reference())).sorted(Tracker.Row.BY_RISK).map(Tracker.Row::reference).toList();
        assertThat(mine.get(0)).as("the red row with an alert first").isEqualTo(late.childReference());
        assertThat(mine.get(mine.size() - 1)).as("the green row last").isEqualTo(onTime.childReference());
    }

    @Test
    void eachPageShowsTheRowsTheCsvHasInTheSamePlacesAndTheSameWords() {
        for (int more = 0; more < TrackerPage.PAGE_SIZE; more++) { // more than a page, whichever tests ran before
            referrals.referralReceivedAt("2096-11-20T08:00:00Z");
        }
        var csv = get("service-manager", "/tracker.csv").getBody();
        var lines = csv.lines().skip(1).toList();
        assertThat(lines.size()).as("more than one page").isGreaterThan(TrackerPage.PAGE_SIZE);
        var csvReferences = lines.stream().map(line -> {
            var matcher = java.util.regex.Pattern.compile("C-\\d{6}").matcher(line);
            return matcher.find() ? matcher.group() : line;
        }).toList();
        var pageReferences = new java.util.ArrayList<String>();
        for (int page = 1; page <= 2; page++) {
            var matcher = java.util.regex.Pattern.compile("/tracker/children/(C-\\d{6})")
                    .matcher(get("service-manager", "/tracker?page=" + page).getBody());
            while (matcher.find()) {
                pageReferences.add(matcher.group(1));
            }
        }
        assertThat(pageReferences).as("the first two pages, only the rows of each, in order")
                .containsExactlyElementsOf(csvReferences.subList(0, Math.min(csvReferences.size(), 2 * TrackerPage.PAGE_SIZE)));
        var lateLine = lines.stream().filter(line -> line.contains(late.childReference())).findFirst().orElseThrow();
        assertThat(lateLine).contains("Referral to assessment: Child and family assessment (78 days)", "Red", "Priya Patel");
    }

    @Test
    void theScopeRuleForManyChildrenAtOnceAgreesWithTheRuleForOneChildForEveryUserAndEveryChild() {
        var everyChild = jdbc.queryForList("select reference from child", String.class);
        var users = identity.createUserQuery().list().stream().map(org.camunda.bpm.engine.identity.User::getId).toList();
        assertThat(users).contains("practitioner", "team-manager", "iro", "panel-administrator");
        for (var user : users) {
            var viewer = Viewer.of(identity, user);
            var oneByOne = everyChild.stream().filter(reference -> access.canAccess(viewer, reference)).collect(java.util.stream.Collectors.toSet());
            assertThat(access.accessible(viewer, everyChild)).as(user).containsExactlyInAnyOrderElementsOf(oneByOne);
        }
        assertThat(access.accessible(Viewer.of(identity, "iro"), everyChild)).as("the IRO's child, by their open review task")
                .contains(inCare.childReference()).doesNotContain(late.childReference());
    }

    @Test
    void aPractitionerATeamManagerAndAnIroEachSeeExactlyTheirScopeOnThePageAndInTheCsv() {
        var mine = List.of(late, onTime, south, inCare);
        for (var user : List.of("practitioner", "team-manager", "team-manager-south", "iro", "service-manager")) {
            var expected = switch (user) {
                case "practitioner", "team-manager" -> List.of(late, onTime, inCare);
                case "team-manager-south" -> List.of(south);
                case "iro" -> List.of(inCare);
                default -> mine;
            };
            var page = pages(user, "/tracker?sort=name");
            var csv = get(user, "/tracker.csv?sort=name");
            assertThat(csv.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            for (var child : mine) {
                var shown = expected.contains(child);
                assertThat(page.contains("data-child=\"" + child.childReference() + "\"")).as("%s sees %s on the page", user, child.childReference())
                        .isEqualTo(shown);
                assertThat(csv.getBody().contains("," + child.childReference() + ",")).as("%s sees %s in the CSV", user, child.childReference())
                        .isEqualTo(shown);
            }
        }
    }

    @Test
    void filtersNarrowThePageAndTheCsvAlike() {
        var red = pages("team-manager", "/tracker?rag=red");
        assertThat(red).as("the child in care's assessment is late too").contains(late.childReference()).contains(inCare.childReference())
                .doesNotContain(onTime.childReference());
        var alerts = pages("team-manager", "/tracker?alerts=true");
        assertThat(alerts).contains(late.childReference()).doesNotContain(onTime.childReference());
        var inCareOnly = pages("team-manager", "/tracker?journey=looked-after-child");
        assertThat(inCareOnly).contains(inCare.childReference()).doesNotContain(late.childReference());
        var ico = pages("team-manager", "/tracker?legalStatus=INTERIM_CARE_ORDER");
        assertThat(ico).contains(inCare.childReference()).doesNotContain(onTime.childReference());
        var worker = pages("service-manager", "/tracker?worker=practitioner-south");
        assertThat(worker).contains(south.childReference()).doesNotContain(late.childReference());
        var team = pages("service-manager", "/tracker?team=north-assessment-team");
        assertThat(team).contains(late.childReference()).doesNotContain(south.childReference());

        var csv = get("team-manager", "/tracker.csv?rag=red").getBody();
        var lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", TrackerPage.HEADINGS));
        assertThat(csv).contains(late.childReference()).doesNotContain(onTime.childReference());
        var lateLine = lines.stream().filter(line -> line.contains(late.childReference())).findFirst().orElseThrow();
        assertThat(lateLine).startsWith(late.childName() + "," + late.childReference() + ",North assessment team,Priya Patel,Not looked after,")
                .contains("Child and family assessment (78 days)").contains("Mon 5 Nov 2096,Red,1,Team manager,1,,,,");
        assertThat(get("team-manager", "/tracker.csv?rag=red").getHeaders().getContentType().toString()).startsWith("text/csv");
    }

    @Test
    void eachChildShownIsOneAuditRowPerPageView() {
        long before = audited(late.childReference());
        pages("team-manager", "/tracker");
        assertThat(audited(late.childReference()) - before).isOne();
        pages("team-manager", "/tracker");
        assertThat(audited(late.childReference()) - before).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and username = 'team-manager'"
                + " and subject = 'tracker' and interface = 'MANAGER_VIEW'", Long.class, south.childReference()))
                .as("another team's child is not shown, so not read").isZero();
        pages("team-manager", "/tracker?rag=green");
        assertThat(audited(late.childReference()) - before).as("filtered out: not shown").isEqualTo(2);
        get("team-manager", "/tracker.csv");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and username = 'team-manager'"
                + " and subject = 'tracker export'", Long.class, late.childReference())).isOne();
    }

    @Test
    void theChildsPageShowsTheirTimelineInDateOrderAndEachJourneyWithItsStepsAndClocks() {
        var page = get("team-manager", "/tracker/children/" + late.childReference());
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        var body = page.getBody();
        var opened = body.indexOf("Record opened");
        var allocated = body.indexOf("Allocated to Priya Patel");
        var alert = body.indexOf("Drift alert raised: ");
        assertThat(opened).isPositive();
        assertThat(allocated).as("allocated after the record was opened").isGreaterThan(opened);
        assertThat(alert).as("the alert on 6 Nov after the allocation on 3 Sep").isGreaterThan(allocated);
        assertThat(body).contains("Mon 3 Sep 2096").contains("Done: Screen contact")
                .containsPattern("href=\"/camunda/app/tasklist/default/#/\\?task=[^\"]+\">Open: ");
        // the referral journey: assessment open and overdue, screening done
        assertThat(body).containsPattern("data-current=\"[^\"]*SubProcess_Assessment[^\"]*\"")
                .containsPattern("data-done=\"[^\"]*SubProcess_FrontDoorScreening[^\"]*\"")
                .contains("data-activity=\"SubProcess_Assessment\" data-tone=\"red\" data-words=\"Overdue\"")
                .contains("/webjars/bpmn-js/8.0.0/dist/bpmn-viewer.production.min.js");
        var diagramUrl = body.replaceAll("(?s).*data-diagram=\"([^\"]+)\".*", "$1");
        var diagram = get("team-manager", diagramUrl);
        assertThat(diagram.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(diagram.getBody()).contains("id=\"SubProcess_Assessment\"");
        assertThat(get("team-manager-south", diagramUrl).getStatusCode()).as("another team's manager").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("team-manager-south", "/tracker/children/" + late.childReference()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("iro", "/tracker/children/" + late.childReference()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and username = 'team-manager'"
                + " and subject = 'tracker: the child''s page'", Long.class, late.childReference())).isOne();

        var inCarePage = get("iro", "/tracker/children/" + inCare.childReference()).getBody();
        assertThat(inCarePage).contains("Became looked after").contains("Placed: Foster care own carers").contains("Interim care order")
                .contains("Child looked after");
    }

    @Test
    void theEscalationsBoardShowsOpenAlertsByRungAndAgeAndTheBreachesComing() {
        // received yesterday, not yet screened: the decision is due today, 0 working days left
        clockAt("2096-11-19T09:00");
        var unscreened = referrals.referralReceivedAt("2096-11-19T08:00:00Z");
        clockAt("2096-11-20T09:00");
        var board = get("team-manager", "/tracker/escalations");
        assertThat(board.getStatusCode()).isEqualTo(HttpStatus.OK);
        var body = board.getBody();
        var alerts = body.substring(body.indexOf("id=\"open-alerts\""), body.indexOf("id=\"breaches-five\""));
        var five = body.substring(body.indexOf("id=\"breaches-five\""), body.indexOf("id=\"breaches-ten\""));
        var ten = body.substring(body.indexOf("id=\"breaches-ten\""));
        assertThat(alerts).containsPattern("(?s)data-child=\"" + late.childReference() + "\">.*?Team manager.*?>11</td>")
                .doesNotContain(onTime.childReference());
        assertThat(five).as("Tue 27 Nov 2096 is 5 working days on").contains("by Tue 27 Nov 2096")
                .containsPattern("(?s)data-child=\"" + unscreened.childReference() + "\">.*?Front-door screening.*?>0</td>.*?Not yet picked up")
                .doesNotContain(late.childReference());
        assertThat(ten).contains("by Tue 4 Dec 2096").doesNotContain(unscreened.childReference()).doesNotContain(onTime.childReference());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and username = 'team-manager'"
                + " and subject = 'escalations board'", Long.class, late.childReference())).isOne();
        var south = get("team-manager-south", "/tracker/escalations").getBody();
        assertThat(south).doesNotContain(late.childReference()).doesNotContain(unscreened.childReference());
    }

    @Test
    void csvCellsASpreadsheetWouldRunAreShownAsText() {
        assertThat(TrackerPage.neutralised("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(TrackerPage.neutralised("+44 1632")).isEqualTo("'+44 1632");
        assertThat(TrackerPage.neutralised("-1")).isEqualTo("'-1");
        assertThat(TrackerPage.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TrackerPage.neutralised("\t=1")).isEqualTo("'\t=1");
        assertThat(TrackerPage.neutralised("Jay Smith-1")).isEqualTo("Jay Smith-1");
        assertThat(TrackerPage.neutralised("")).isEmpty();
    }

    @Test
    void withoutASessionToTheSignInWhichComesBack() throws Exception {
        var nobody = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(http.getRootUri() + "/tracker")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(nobody.statusCode()).isEqualTo(HttpStatus.SEE_OTHER.value());
        assertThat(nobody.headers().firstValue("Location")).hasValue("/camunda/app/tasklist/default/?carepath-return=tracker");
        for (var page : List.of("tracker/escalations", "tracker/children/C-000292", "tracker/caseloads", "tracker/figures", "tracker/reviews")) {
            var sent = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(http.getRootUri() + "/" + page)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(page).isEqualTo(HttpStatus.SEE_OTHER.value());
            assertThat(sent.headers().firstValue("Location")).as("back to %s after signing in", page)
                    .hasValue("/camunda/app/tasklist/default/?carepath-return=" + page);
        }
        assertThat(http.getForEntity("/tracker.csv", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private long audited(String child) {
        return jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and username = 'team-manager'"
                + " and subject = 'tracker' and interface = 'MANAGER_VIEW'", Long.class, child);
    }

    private static Tracker.Row row(List<Tracker.Row> rows, String reference) {
        return rows.stream().filter(r -> r.reference().equals(reference)).findFirst().orElseThrow(() -> new AssertionError("no row " + reference));
    }

    /** Every page of the tracker for these filters, one after another (the suite's other children share the database). */
    private String pages(String user, String query) {
        var all = new StringBuilder();
        for (int page = 1; ; page++) {
            var answer = get(user, query + (query.contains("?") ? "&" : "?") + "page=" + page);
            assertThat(answer.getStatusCode()).as("%s %s", user, query).isEqualTo(HttpStatus.OK);
            all.append(answer.getBody());
            if (!answer.getBody().contains("rel=\"next\"")) {
                return all.toString();
            }
        }
    }

    private ResponseEntity<String> get(String user, String path) {
        var session = TasklistSession.signIn(http, user);
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookies());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body), String.class);
    }

    private void allocate(ReferralFixtures.Taken referral, String manager, String worker) {
        completeAs("practitioner", task(referral.processInstanceId(), "Task_ScreenContact"), Map.of("ragRating", "amber",
                "screeningDecision", "assessment", "screeningRationale", "Needs assessment."));
        completeAs(manager, task(referral.processInstanceId(), "Task_AllocateSocialWorker"), Map.of("allocatedWorker", worker));
    }
}
