package org.carepath.proceedings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The care proceedings API: the 26 weeks and their extensions, hearings and what is refused. */
@CarePathTest
class ProceedingsApiTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProceedingsFixtures fixtures;
    @Autowired
    Children children;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentySixWeeksFromMondayTwoMarchEndOnSundayThirtyAugustAndExtensionsMoveThemOnlyWhenRecorded() {
        var c = issuedOnMondayTwoMarch();

        var view = get("legal", "/api/proceedings/" + c.proceedingsId());
        assertThat(view).containsEntry("issuedOn", "2026-03-02").containsEntry("originalDeadline", "2026-08-30")
                .containsEntry("currentDeadline", "2026-08-30").containsEntry("week", 1);

        clockAt("2026-08-20T15:00");
        var first = post("legal", "/api/proceedings/" + c.proceedingsId() + "/extensions",
                Map.of("weeks", 8, "reason", "Expert assessment of the father delayed by his illness.", "grantedOn", "2026-08-20"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("originalDeadline", "2026-08-30").containsEntry("currentDeadline", "2026-10-25");
        // the 26-week clock's own timer and the child's deadline move with it
        assertThat(timer(clockOf(c.processInstanceId(), "SubProcess_CareProceedings").getId(), "Event_DeadlinePassed").getDuedate()).isEqualTo(endOfDay("2026-10-25"));
        assertThat(get("legal", "/api/children/" + c.childReference() + "/deadlines", List.class)).anySatisfy(d -> assertThat(map(d))
                .containsEntry("timescale", "CARE_PROCEEDINGS").containsEntry("dueDate", "2026-10-25")
                .containsEntry("originalDueDate", "2026-08-30"));

        clockAt("2026-10-16T15:00");
        var second = post("legal", "/api/proceedings/" + c.proceedingsId() + "/extensions",
                Map.of("weeks", 4, "reason", "Final hearing relisted by the court.", "grantedOn", "2026-10-16"));
        assertThat(second.getBody()).containsEntry("originalDeadline", "2026-08-30").containsEntry("currentDeadline", "2026-11-22");
        assertThat((List<?>) second.getBody().get("extensions")).extracting(e -> map(e).get("weeks") + " to " + map(e).get("newDeadline"))
                .containsExactly("8 to 2026-10-25", "4 to 2026-11-22");
        assertThat(second.getBody()).containsEntry("week", 33);
    }

    @Test
    void badHearingsAndExtensionsAreRefusedNamingTheFieldAndNothingChanges() {
        var c = issuedOnMondayTwoMarch();
        clockAt("2026-03-13T17:00");
        var before = counts(c);

        var beforeIssue = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings",
                Map.of("type", "CASE_MANAGEMENT", "heldOn", "2026-02-27", "outcome", "Listed."));
        assertThat(refused(beforeIssue)).containsOnlyKeys("heldOn");

        var unknownOrder = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings",
                Map.of("type", "CASE_MANAGEMENT", "heldOn", "2026-03-13", "outcome", "Order made.",
                        "orders", List.of(Map.of("type", "ADOPTION_BY_MAGIC")),
                        "directions", List.of(Map.of("direction", "File evidence", "owner", "practitioner", "dueOn", "2026-04-10"))));
        assertThat(refused(unknownOrder)).containsOnlyKeys("orders[0].type");

        var tooLong = post("legal", "/api/proceedings/" + c.proceedingsId() + "/extensions",
                Map.of("weeks", 9, "reason", "Complex case."));
        assertThat(refused(tooLong)).containsOnlyKeys("weeks");

        var noReason = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings",
                Map.of("type", "CASE_MANAGEMENT", "heldOn", "2026-03-13", "outcome", "Extended.",
                        "extension", Map.of("weeks", 8)));
        assertThat(refused(noReason)).containsOnlyKeys("extension.reason");

        var everything = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings",
                Map.of("type", "TEA_PARTY", "heldOn", "13/03/2026", "nextHearingOn", "2026-03-01",
                        "directions", List.of(Map.of("owner", "nobody", "dueOn", "2026-03-01"))));
        assertThat(refused(everything)).containsOnlyKeys("type", "heldOn", "outcome", "directions[0].direction",
                "directions[0].owner");

        var unknownDirectionOwner = post("legal", "/api/proceedings/" + c.proceedingsId() + "/directions",
                Map.of("direction", "File the care plan", "owner", "nobody", "dueOn", "2026-04-10"));
        assertThat(refused(unknownDirectionOwner)).containsOnlyKeys("owner");

        var ownerWhoOwnsNoDirections = post("legal", "/api/proceedings/" + c.proceedingsId() + "/directions",
                Map.of("direction", "File the care plan", "owner", "iro", "dueOn", "2026-04-10"));
        assertThat(refused(ownerWhoOwnsNoDirections)).containsOnlyKeys("owner")
                .hasEntrySatisfying("owner", message -> assertThat(message).contains("not a social worker, team manager or local authority solicitor"));

        assertThat(counts(c)).isEqualTo(before);
        assertThat(children.get(c.childReference()).legalStatus()).isEqualTo(LegalStatus.NOT_LOOKED_AFTER);
        assertThat(get("legal", "/api/proceedings/" + c.proceedingsId())).containsEntry("currentDeadline", "2026-08-30");
    }

    @Test
    void aHearingsOutcomeAndAnExtensionsReasonAreKeptWholeAtTheirLimits() {
        var c = issuedOnMondayTwoMarch();
        clockAt("2026-03-13T17:00");
        var outcome = "The court heard the parents and the guardian. ".repeat(500).substring(0, 19_990) + "[the end]";
        var reason = "The expert's report on the father is delayed. ".repeat(120).substring(0, 4_990) + "[the end]";

        var hearing = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings",
                Map.of("type", "CASE_MANAGEMENT", "heldOn", "2026-03-13", "outcome", outcome));
        var extension = post("legal", "/api/proceedings/" + c.proceedingsId() + "/extensions",
                Map.of("weeks", 8, "reason", reason, "grantedOn", "2026-03-13"));
        var tooLong = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings",
                Map.of("type", "CASE_MANAGEMENT", "heldOn", "2026-03-13", "outcome", outcome + "!!"));

        assertThat(hearing.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(extension.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(refused(tooLong)).containsOnlyKeys("outcome");
        var view = get("legal", "/api/proceedings/" + c.proceedingsId());
        assertThat((List<?>) view.get("hearings")).anySatisfy(h -> assertThat(map(h).get("outcome")).isEqualTo(outcome));
        assertThat((List<?>) view.get("extensions")).anySatisfy(e -> assertThat(map(e).get("reason")).isEqualTo(reason));
    }

    @Test
    void anExtensionOfEightAndAHalfWeeksIsRefusedNamingTheFieldNeverRoundedToEight() {
        var c = issuedOnMondayTwoMarch();
        clockAt("2026-03-13T17:00");
        var before = counts(c);

        var alone = post("legal", "/api/proceedings/" + c.proceedingsId() + "/extensions",
                Map.of("weeks", 8.5, "reason", "Expert assessment delayed.", "grantedOn", "2026-03-13"));
        assertThat(refused(alone)).containsOnlyKeys("weeks");

        var atAHearing = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings",
                Map.of("type", "CASE_MANAGEMENT", "heldOn", "2026-03-13", "outcome", "Extended.",
                        "extension", Map.of("weeks", 8.5, "reason", "Expert assessment delayed.")));
        assertThat(refused(atAHearing)).containsOnlyKeys("extension.weeks");

        assertThat(counts(c)).isEqualTo(before);
        assertThat(get("legal", "/api/proceedings/" + c.proceedingsId())).containsEntry("currentDeadline", "2026-08-30");
    }

    @Test
    void aHearingRecordedThroughTheApiMovesTheJourneyOnAndAPlacementOrderLeadsToAdoptionMatching() {
        var c = issuedOnMondayTwoMarch();
        clockAt("2026-03-13T17:00");
        var cmh = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings", Map.of(
                "type", "CASE_MANAGEMENT", "heldOn", "2026-03-13", "outcome", "Interim care order made; timetable set.",
                "nextHearingOn", "2026-07-10", "nextHearingType", "ISSUES_RESOLUTION",
                "orders", List.of(Map.of("type", "INTERIM_CARE_ORDER")),
                "directions", List.of(Map.of("direction", "File the parenting assessment", "owner", "practitioner", "dueOn", "2026-05-15"))));
        assertThat(cmh.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(children.get(c.childReference()).legalStatus()).isEqualTo(LegalStatus.INTERIM_CARE_ORDER);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey("Task_RecordIssuesResolutionHearing").count()).isOne();

        var tooEarly = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings", Map.of("type", "FINAL",
                "heldOn", "2026-03-13", "outcome", "Placement order.", "orders", List.of(Map.of("type", "PLACEMENT_ORDER"))));
        assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        clockAt("2026-07-10T17:00");
        post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings", Map.of("type", "ISSUES_RESOLUTION",
                "heldOn", "2026-07-10", "outcome", "Final hearing listed.", "nextHearingOn", "2026-08-07", "nextHearingType", "FINAL"));
        clockAt("2026-08-07T17:00");
        var fin = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings", Map.of("type", "FINAL",
                "heldOn", "2026-08-07", "outcome", "Care and placement orders: adoption is the only plan that meets the child's needs.",
                "orders", List.of(Map.of("type", "PLACEMENT_ORDER"))));

        assertThat(fin.getBody()).containsEntry("status", "CONCLUDED").containsEntry("finalOrder", "PLACEMENT_ORDER")
                .containsEntry("concludedOn", "2026-08-07").containsEntry("durationWeeks", 22.7); // 159 days, 2 March to 7 August inclusive
        assertThat(children.get(c.childReference()).legalStatus()).isEqualTo(LegalStatus.PLACEMENT_ORDER);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId())
                .activityId("End_PlacementOrderMade").count()).isOne();
        assertThat((List<?>) fin.getBody().get("directions")).singleElement()
                .satisfies(d -> assertThat(map(d)).containsEntry("status", "WITHDRAWN"));
    }

    @Test
    void managersSeeEveryLiveCaseWithItsWeekAndRisk() {
        var c = issuedOnMondayTwoMarch();
        clockAt("2026-07-21T10:00"); // week 21, and no issues resolution hearing listed
        var live = get("service-manager", "/api/proceedings", List.class);
        assertThat(live).anySatisfy(p -> assertThat(map(p)).containsEntry("id", (int) c.proceedingsId())
                .containsEntry("week", 21).containsEntry("risk", "RED"));

        clockAt("2026-03-09T10:00");
        assertThat(get("team-manager", "/api/proceedings", List.class)).anySatisfy(p -> assertThat(map(p))
                .containsEntry("id", (int) c.proceedingsId()).containsEntry("week", 2).containsEntry("risk", "GREEN"));
        assertThat(get("team-manager", "/api/children/" + c.childReference() + "/proceedings", List.class)).hasSize(1);
    }

    @Test
    void anIssuesResolutionHearingNotYetListedTurnsAmberThenRedOnTheCataloguesDatesNotOnWeekNumbers() {
        var c = issuedOnMondayTwoMarch();
        clockAt("2026-03-13T17:00");
        assertThat(post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings", Map.of("type", "CASE_MANAGEMENT",
                "heldOn", "2026-03-13", "outcome", "Interim care order refused; the issues resolution hearing to be listed later."))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // The catalogue's issues resolution hearing is 20 weeks beginning with the day of issue: due Sunday
        // 19 July 2026, warned 10 working days before, on Monday 6 July. Nothing else is due before then.

        clockAt("2026-07-03T10:00");
        assertThat(live(c)).as("week 18, before the warning date").containsEntry("week", 18).containsEntry("risk", "GREEN");

        clockAt("2026-07-06T08:00");
        assertThat(live(c)).as("the warning date, before the stage's own reminder falls due at 09:00")
                .containsEntry("week", 19).containsEntry("risk", "AMBER");

        clockAt("2026-07-17T10:00");
        assertThat(live(c)).as("week 20, not yet past the due date").containsEntry("week", 20).containsEntry("risk", "AMBER");

        clockAt("2026-07-20T10:00");
        assertThat(live(c)).as("past the due date and still not listed").containsEntry("week", 21).containsEntry("risk", "RED");
    }

    @Test
    void aCasePastItsCurrentTwentySixWeekDeadlineIsRedUntilAnExtensionMovesTheDeadline() {
        var c = issuedOnMondayTwoMarch();
        clockAt("2026-03-13T17:00");
        post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings", Map.of("type", "CASE_MANAGEMENT", "heldOn", "2026-03-13",
                "outcome", "Timetable set.", "nextHearingOn", "2026-07-10", "nextHearingType", "ISSUES_RESOLUTION"));
        clockAt("2026-07-10T17:00");
        post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings", Map.of("type", "ISSUES_RESOLUTION", "heldOn", "2026-07-10",
                "outcome", "Final hearing listed.", "nextHearingOn", "2026-08-28", "nextHearingType", "FINAL"));

        clockAt("2026-08-31T10:00"); // the 26 weeks ended on Sunday 30 August
        assertThat(live(c)).containsEntry("currentDeadline", "2026-08-30").containsEntry("week", 27).containsEntry("risk", "RED");

        var extended = post("legal", "/api/proceedings/" + c.proceedingsId() + "/extensions",
                Map.of("weeks", 2, "reason", "Final hearing adjourned for the guardian's report.", "grantedOn", "2026-08-28"));
        assertThat(extended.getBody()).containsEntry("currentDeadline", "2026-09-13");
        assertThat(live(c)).as("within the extension: near the deadline, not past it").containsEntry("risk", "AMBER");

        clockAt("2026-09-14T10:00");
        assertThat(live(c)).as("past the extended deadline").containsEntry("week", 29).containsEntry("risk", "RED");
    }

    @Test
    void onlyTheRightRolesStartAndRecordProceedings() {
        var c = issuedOnMondayTwoMarch();
        assertThat(post("practitioner", "/api/children/" + c.childReference() + "/proceedings", Map.of("reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("team-manager", "/api/proceedings/" + c.proceedingsId() + "/extensions", Map.of("weeks", 2, "reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("practitioner", HttpMethod.GET, "/api/proceedings", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("legal", HttpMethod.GET, "/api/proceedings/999999", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("team-manager", "/api/children/" + c.childReference() + "/proceedings", Map.of("reason", "Again"))
                .getStatusCode()).as("one live case per child").isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("team-manager", "/api/children/" + c.childReference() + "/proceedings", Map.of("reason", " "))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCaseIsStartedThroughTheApiByATeamManager() {
        clockAt("2026-02-25T10:00");
        var child = children.register(new org.carepath.child.NewChild("Zara", "Api-" + System.nanoTime(), null, null, null)).reference();
        var started = post("team-manager", "/api/children/" + child + "/proceedings", Map.of("reason", "Escalating neglect."));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody()).containsEntry("status", "LEGAL_PLANNING").containsEntry("requestedBy", "team-manager");
        assertThat(started.getHeaders().getLocation()).hasToString("/api/proceedings/" + started.getBody().get("id"));
        assertThat(exchange("team-manager", HttpMethod.POST, "/api/children/C-999999/proceedings", Map.of("reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // ----------------------------------------------------------------- helpers

    private ProceedingsFixtures.Case issuedOnMondayTwoMarch() {
        clockAt("2026-02-26T10:00");
        var c = fixtures.requested();
        fixtures.legalPlanningMeeting(c, "2026-02-26", "issue-proceedings");
        clockAt("2026-03-02T16:00");
        fixtures.issued(c, "2026-03-02");
        return c;
    }

    private List<Long> counts(ProceedingsFixtures.Case c) {
        return List.of(
                jdbc.queryForObject("select count(*) from hearing where proceedings_id = ?", Long.class, c.proceedingsId()),
                jdbc.queryForObject("select count(*) from court_order where child_reference = ?", Long.class, c.childReference()),
                jdbc.queryForObject("select count(*) from court_direction where proceedings_id = ?", Long.class, c.proceedingsId()),
                jdbc.queryForObject("select count(*) from proceedings_extension where proceedings_id = ?", Long.class, c.proceedingsId()),
                jdbc.queryForObject("select count(*) from legal_status_change s join child c on c.id = s.child_id where c.reference = ?",
                        Long.class, c.childReference()),
                jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ?", Long.class, c.childReference()));
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return (ResponseEntity<Map<String, Object>>) (Object) exchange(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<Map> exchange(String user, HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private Map<String, Object> get(String user, String path) {
        return map(get(user, path, Map.class));
    }

    private <T> T get(String user, String path, Class<T> type) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        var response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
        assertThat(response.getStatusCode()).as("GET %s", path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** The case as managers see it in {@code GET /api/proceedings}. */
    private Map<String, Object> live(ProceedingsFixtures.Case c) {
        return ((List<?>) get("service-manager", "/api/proceedings", List.class)).stream().map(ProceedingsApiTest::map)
                .filter(p -> ((Number) p.get("id")).longValue() == c.proceedingsId()).findFirst().orElseThrow();
    }

    /** A 400 with problem details: the fields it names and what is wrong with each. */
    private static Map<String, String> refused(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).as("content type").isNotNull()
                .satisfies(type -> assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        return errors(response.getBody());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(Map<String, Object> problem) {
        var result = new java.util.HashMap<String, String>();
        ((List<Map<String, String>>) problem.get("errors")).forEach(e -> result.put(e.get("field"), e.get("message")));
        return result;
    }
}
