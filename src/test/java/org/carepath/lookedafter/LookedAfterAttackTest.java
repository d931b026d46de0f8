package org.carepath.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
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

/**
 * The looked-after API attacked as an insider would: two requests at once, the URL spelt differently,
 * another team's ids, long and odd input, and roles that should not record what they can see.
 * Never a 500, never another child's data, nothing half-written.
 */
@CarePathTest
class LookedAfterAttackTest extends ProcessTestSupport {

    static final Map<String, Object> CONSENT = Map.of("givenBy", "Kerry Smith (mother)", "givenOn", "2026-09-07");
    static final Map<String, Object> SECTION_20 = Map.of("legalBasis", "SECTION_20", "startedOn", "2026-09-07", "parentalConsent", CONSENT);
    static final int ROUNDS = 6;

    @Autowired
    TestRestTemplate http;
    @Autowired
    Children children;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    // ----------------------------------------------------------------- two at once

    @Test
    void twoSection20sAtOnceOpenOnePeriodAndTheOtherIsAConflict() throws Exception {
        int raced = 0;
        for (int round = 0; round < ROUNDS; round++) {
            var child = newChild();
            var answers = together(() -> call("practitioner", HttpMethod.POST, child, "/periods-in-care", SECTION_20),
                    () -> call("team-manager", HttpMethod.POST, child, "/periods-in-care", SECTION_20));
            assertThat(answers).extracting(ResponseEntity::getStatusCode).as("%s", answers)
                    .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
            var conflict = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
            assertProblem(conflict);
            raced += String.valueOf(conflict.getBody().get("detail")).contains("at the same time") ? 1 : 0;
            assertThat(periods(child)).isOne();
            assertThat(journeys(child)).as("one looked-after journey").isOne();
            assertThat(children.get(child).legalStatus()).isEqualTo(LegalStatus.SECTION_20);
        }
        System.out.println("LookedAfterAttackTest: two section 20s raced past the check in " + raced + " of " + ROUNDS + " rounds");
    }

    @Test
    void twoPlacementsAtOnceRecordOneAndTheOtherIsAConflict() throws Exception {
        int raced = 0;
        for (int round = 0; round < ROUNDS; round++) {
            var child = lookedAfterSince("2026-09-07");
            var answers = together(() -> call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-10", null)),
                    () -> call("team-manager", HttpMethod.POST, child, "/placements", placement("2026-09-10", null)));
            assertThat(answers).extracting(ResponseEntity::getStatusCode).as("%s", answers).contains(HttpStatus.CREATED)
                    .doesNotHaveDuplicates();
            var other = answers.stream().filter(a -> a.getStatusCode() != HttpStatus.CREATED).findFirst().orElseThrow();
            if (other.getStatusCode() == HttpStatus.BAD_REQUEST) {
                assertThat(refused(other)).as("one after the other, the second is a move that says not why").containsOnlyKeys("reasonForMove");
            } else {
                assertThat(other.getStatusCode()).as("%s", other.getBody()).isEqualTo(HttpStatus.CONFLICT);
            }
            assertProblem(other);
            raced += String.valueOf(other.getBody().get("detail")).contains("at the same time") ? 1 : 0;
            assertThat(placements(child)).isOne();
        }
        System.out.println("LookedAfterAttackTest: two placements raced past the check in " + raced + " of " + ROUNDS + " rounds");
    }

    @Test
    void twoEndsAtOnceEndThePeriodOrThePlacementOnce() throws Exception {
        for (int round = 0; round < ROUNDS / 2; round++) {
            var child = newChild();
            assertThat(call("practitioner", HttpMethod.POST, child, "/periods-in-care", SECTION_20).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            var placementId = placementId(call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-10", null)));
            var ended = Map.<String, Object>of("endedOn", "2026-09-20", "reason", "Hospital");
            var placementEnds = together(() -> call("practitioner", HttpMethod.POST, child, "/placements/" + placementId + "/end", ended),
                    () -> call("team-manager", HttpMethod.POST, child, "/placements/" + placementId + "/end",
                            Map.of("endedOn", "2026-09-21", "reason", "Missing")));
            assertThat(placementEnds).extracting(ResponseEntity::getStatusCode).as("%s", placementEnds).containsOnlyOnce(HttpStatus.OK)
                    .allSatisfy(status -> assertThat(status).isIn(HttpStatus.OK, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT));
            placementEnds.stream().filter(a -> a.getStatusCode() != HttpStatus.OK).forEach(LookedAfterAttackTest::assertProblem);
            assertThat(jdbc.queryForObject("select reason_for_move from placement where id = ?", String.class, placementId))
                    .as("the end that was answered 200 is the one kept").isEqualTo(placementEnds.get(0).getStatusCode() == HttpStatus.OK
                            ? "Hospital" : "Missing");
            var leftBefore = leftCare(child);
            var home = Map.<String, Object>of("endedOn", "2026-10-01", "reason", "RETURNED_HOME");
            var periodEnds = together(() -> call("practitioner", HttpMethod.POST, child, "/periods-in-care/current/end", home),
                    () -> call("team-manager", HttpMethod.POST, child, "/periods-in-care/current/end", home));
            assertThat(periodEnds).extracting(ResponseEntity::getStatusCode).as("%s", periodEnds)
                    .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
            periodEnds.stream().filter(a -> a.getStatusCode() != HttpStatus.OK).forEach(LookedAfterAttackTest::assertProblem);
            assertThat(leftCare(child)).as("left care once").isEqualTo(leftBefore + 1);
        }
    }

    private long leftCare(String child) {
        return jdbc.queryForObject("select count(*) from legal_status_change l join child c on c.id = l.child_id"
                + " where c.reference = ? and l.legal_status = 'NOT_LOOKED_AFTER'", Long.class, child);
    }

    /**
     * The race made certain: another transaction holds an open period, not yet committed, so the request's
     * check sees none and its insert waits on the unique index; the other commits, and the insert fails.
     */
    @Test
    void aPeriodOpenedByAnotherTransactionWhileTheRequestWaitsIsAConflictNotA500() throws Exception {
        var child = newChild();
        try (var other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            update(other, "insert into period_in_care (child_reference, started_on, legal_basis, current_legal_basis, recorded_at)"
                    + " values ('" + child + "', date '2026-09-07', 'SECTION_20', 'SECTION_20', now())");
            var answer = whileWaitingOnALock("period_in_care", other,
                    () -> call("practitioner", HttpMethod.POST, child, "/periods-in-care", SECTION_20));
            assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertProblem(answer);
            assertThat(answer.getBody().get("detail").toString()).contains("looked after already");
        }
        assertThat(periods(child)).as("only the other transaction's").isOne();
        assertThat(journeys(child)).isZero();
        assertThat(children.get(child).legalStatus()).isEqualTo(LegalStatus.NOT_LOOKED_AFTER);
    }

    @Test
    void aPlacementRecordedByAnotherTransactionWhileTheRequestWaitsIsAConflictNotA500() throws Exception {
        var child = lookedAfterSince("2026-09-07");
        long period = jdbc.queryForObject("select id from period_in_care where child_reference = ? and ended_on is null", Long.class, child);
        try (var other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            update(other, "insert into placement (period_id, type, provider, postcode, long_term, temporary_approval, started_on,"
                    + " recorded_at) values (" + period + ", 'FOSTER_CARE_OWN_CARERS', 'Other', 'LS1 4AP', false, false,"
                    + " date '2026-09-08', now())");
            var answer = whileWaitingOnALock("", other,
                    () -> call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-10", null)));
            assertProblem(answer);
            if (answer.getStatusCode() == HttpStatus.BAD_REQUEST) {
                assertThat(refused(answer)).as("waited for the period, then saw the other placement: a move")
                        .containsOnlyKeys("reasonForMove");
            } else {
                assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(answer.getBody().get("detail").toString()).contains("placement");
            }
        }
        assertThat(placements(child)).as("only the other transaction's").isOne();
    }

    // ----------------------------------------------------------------- the URL spelt differently

    @Test
    void theUrlSpeltDifferentlyIsNeverA500NorAnotherChild() {
        var child = lookedAfterSince("2026-09-07");
        var placementId = placementId(call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-10", null)));
        var other = lookedAfterSince("2026-09-07");
        call("practitioner", HttpMethod.POST, other, "/placements", placement("2026-09-11", null));
        var digits = child.substring(2);
        var ended = Map.of("endedOn", "2026-09-20", "reason", "Hospital");

        assertThat(raw("practitioner", HttpMethod.POST, "/api/children/" + child + "/placements/", placement("2026-09-12", "Move"))
                .getStatusCode()).as("trailing slash").isIn(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
        var encoded = raw("practitioner", HttpMethod.GET, "/api/children/%43-" + digits + "/periods-in-care", null);
        assertThat(encoded.getStatusCode()).as("%%43 is C").isEqualTo(HttpStatus.OK);
        assertThat(encoded.getBody()).contains(child).doesNotContain(other);
        assertThat(raw("practitioner-south", HttpMethod.GET, "/api/children/%43-" + digits + "/periods-in-care", null)
                .getStatusCode()).as("the scope rule applies to every spelling").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(raw("practitioner", HttpMethod.GET, "/api/children/" + child.toLowerCase() + "/periods-in-care", null)
                .getStatusCode()).as("lower case").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(raw("practitioner", HttpMethod.GET, "//api/children/" + child + "/periods-in-care", null)
                .getStatusCode()).as("double slash").isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
        assertThat(raw("practitioner", HttpMethod.GET, "/api/children/" + child + "/./periods-in-care", null)
                .getStatusCode()).as("dot segment").isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
        assertThat(raw("practitioner", HttpMethod.GET, "/api/children/" + other + "/../" + child + "/periods-in-care", null)
                .getStatusCode()).as("dot-dot segment").isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
        assertThat(raw("practitioner", HttpMethod.GET, "/api/children/" + child + ";x=1/periods-in-care", null)
                .getStatusCode()).as("matrix parameter").isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
        assertThat(raw("practitioner", HttpMethod.GET, "/api/children/" + "C".repeat(5000) + "/periods-in-care", null)
                .getStatusCode()).as("a long reference").isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.URI_TOO_LONG);

        for (var id : List.of("1.0", "abc", "99999999999999999999", "0x1", "1e3", "%2B" + placementId + "0", "")) {
            var answer = raw("practitioner", HttpMethod.POST, "/api/children/" + child + "/placements/" + id + "/end", ended);
            assertThat(answer.getStatusCode()).as("placementId %s: %s", id, answer.getBody()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
        }
        for (var id : List.of("-1", "0", String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE))) {
            var answer = raw("practitioner", HttpMethod.POST, "/api/children/" + child + "/placements/" + id + "/end", ended);
            assertThat(answer.getStatusCode()).as("placementId %s: %s", id, answer.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(currentPlacements(child)).isOne();
        assertThat(currentPlacements(other)).isOne();
    }

    // ----------------------------------------------------------------- another team's ids

    @Test
    void anotherTeamsPlacementIdOrAnotherChildsIsNotFoundAndChangesNothing() {
        var north = lookedAfterSince("2026-09-07");
        var placementId = placementId(call("practitioner", HttpMethod.POST, north, "/placements", placement("2026-09-10", null)));
        var ended = Map.of("endedOn", "2026-09-20", "reason", "Hospital");

        for (var user : List.of("practitioner-south", "team-manager-south")) {
            var answer = call(user, HttpMethod.POST, north, "/placements/" + placementId + "/end", ended);
            assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
            assertProblem(answer);
            assertThat(String.valueOf(answer.getBody())).doesNotContain("Jo and Sam Carter");
        }
        var south = lookedAfterSince("2026-09-07");
        children.allocate(south, "practitioner-south", "Sam Reid", "south-assessment-team", "South assessment team",
                "team-manager-south", "Moved south");
        call("practitioner-south", HttpMethod.POST, south, "/placements", placement("2026-09-11", null));
        var answer = call("practitioner-south", HttpMethod.POST, south, "/placements/" + placementId + "/end", ended);
        assertThat(answer.getStatusCode()).as("north's placement id under south's child").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("practitioner", HttpMethod.POST, north, "/placements/" + placementId(
                call("practitioner-south", HttpMethod.GET, south, "/periods-in-care", null)) + "/end", ended).getStatusCode())
                .as("south's placement id under north's child").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(currentPlacements(north)).isOne();
        assertThat(currentPlacements(south)).isOne();
    }

    // ----------------------------------------------------------------- long and odd input

    @Test
    void longAndOddInputIsRefusedNamingTheFieldAndNothingIsStored() {
        var child = lookedAfterSince("2026-09-07");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-10", null),
                "provider", "x".repeat(10_000))))).containsOnlyKeys("provider");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-10", null),
                "provider", "Jo\u0000Sam")))).containsOnlyKeys("provider");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-10", null),
                "postcode", "LS1\u00004AP")))).containsOnlyKeys("postcode");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-10", null),
                "postcode", "LS1 4AP LS1 4AP")))).containsOnlyKeys("postcode");
        for (var date : List.of("+10000-01-01", "2026-02-30", "2026-9-10", "10/09/2026", "2026-09-10T00:00", "-2026-09-10", " 2026-09-10")) {
            assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", with(placement(date, null)))))
                    .as(date).containsOnlyKeys("startedOn");
        }
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-10", null),
                "longTerm", "yes")))).containsOnlyKeys("longTerm");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-10", null),
                "provider", Map.of("name", "x"))))).containsOnlyKeys("provider");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-10", null),
                "type", List.of("FOSTER_CARE_OWN_CARERS"))))).containsOnlyKeys("type");
        assertThat(refused(json("practitioner", "/api/children/" + child + "/placements", "{\"type\":\"FOSTER_CARE_OWN_CARERS\","
                + "\"provider\":\"Jo and Sam Carter\",\"postcode\":\"LS6 2AB\",\"startedOn\":\"2026-09-10\",\"provider\":\"Someone else\"}")))
                .as("a duplicate key: which one would be kept depends on who reads it").containsOnlyKeys("provider");
        assertThat(refused(json("team-manager", "/api/children/" + child + "/periods-in-care/current/iro",
                HttpMethod.PUT, "{\"iro\":\"team-manager\",\"iro\":\"iro\"}"))).containsOnlyKeys("iro");

        for (var body : List.of("[" + "{\"type\":\"FOSTER_CARE_OWN_CARERS\"}" + "]", "", "null", "\"text\"", "42", "{", "{\"a\":")) {
            var answer = json("practitioner", "/api/children/" + child + "/placements", body);
            assertThat(answer.getStatusCode()).as("body %s: %s", body, answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertProblem(answer);
        }
        var plain = new HttpHeaders();
        plain.setContentType(MediaType.TEXT_PLAIN);
        plain.setBasicAuth("practitioner", "demo");
        assertThat(http.exchange("/api/children/" + child + "/placements", HttpMethod.POST, new HttpEntity<>("provider=x", plain), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        assertThat(refused(call("team-manager", HttpMethod.PUT, child, "/periods-in-care/current/iro", Map.of("iro", "i\u0000ro"))))
                .containsOnlyKeys("iro");
        assertThat(refused(call("team-manager", HttpMethod.PUT, child, "/periods-in-care/current/iro", Map.of("iro", "nobody-" + "x".repeat(50)))))
                .containsOnlyKeys("iro");
        assertThat(refused(call("team-manager", HttpMethod.PUT, child, "/periods-in-care/current/iro", Map.of("iro", "%")))).containsOnlyKeys("iro");
        assertThat(refused(call("team-manager", HttpMethod.PUT, child, "/periods-in-care/current/iro", Map.of("iro", "ir_")))).containsOnlyKeys("iro");
        assertThat(refused(call("team-manager", HttpMethod.POST, child, "/permanence-plan", Map.of("type", "RETURN_HOME",
                "contingency", "x\u0000", "ratifiedOn", "2026-09-20", "ratifiedBy", "LOOKED_AFTER_REVIEW"))))
                .containsKey("contingency");

        var none = newChild();
        assertThat(refused(call("practitioner", HttpMethod.POST, none, "/periods-in-care", Map.of("legalBasis", "SECTION_20",
                "startedOn", "2026-09-07", "parentalConsent", Map.of("givenBy", "Kerry\u0000", "givenOn", "2026-09-07")))))
                .containsOnlyKeys("parentalConsent.givenBy");
        assertThat(refused(call("practitioner", HttpMethod.POST, none, "/periods-in-care", Map.of("legalBasis", "SECTION_20",
                "startedOn", "2026-09-07", "parentalConsent", "Kerry")))).containsOnlyKeys("parentalConsent");
        assertThat(refused(json("practitioner", "/api/children/" + none + "/periods-in-care", "{\"legalBasis\":\"SECTION_20\","
                + "\"startedOn\":\"2026-09-07\",\"parentalConsent\":{\"givenBy\":\"Kerry Smith\",\"givenBy\":\"Someone\","
                + "\"givenOn\":\"2026-09-07\"}}"))).as("a duplicate key is named by its path").containsOnlyKeys("parentalConsent.givenBy");
        assertThat(refused(call("practitioner", HttpMethod.POST, none, "/periods-in-care", Map.of("legalBasis", "section_20",
                "startedOn", "2026-09-07", "parentalConsent", CONSENT)))).containsOnlyKeys("legalBasis");

        assertThat(placements(child)).isZero();
        assertThat(jdbc.queryForObject("select iro from period_in_care where child_reference = ?", String.class, child)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from permanence_plan p join period_in_care c on c.id = p.period_id"
                + " where c.child_reference = ?", Long.class, child)).isZero();
        assertThat(periods(none)).isZero();
    }

    @Test
    void emojiAndRightToLeftTextAreStoredAsTheyWereSent() {
        var child = lookedAfterSince("2026-09-07");
        var provider = "\u0639\u0627\u0626\u0644\u0629 \u0643\u0627\u0631\u062A\u0631 \uD83C\uDFE1 \u202EevoM\u202C";
        var placed = call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-10", null), "provider", provider));
        assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select provider from placement p join period_in_care c on c.id = p.period_id"
                + " where c.child_reference = ?", String.class, child)).isEqualTo(provider);
        var hundredEmoji = "\uD83C\uDFE1".repeat(100);
        assertThat(call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-12", "\uD83D\uDE9A"),
                "provider", hundredEmoji)).getStatusCode()).as("200 UTF-16 units, 100 characters: fits").isEqualTo(HttpStatus.CREATED);
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", with(placement("2026-09-14", "x"),
                "provider", "\uD83C\uDFE1".repeat(101))))).containsOnlyKeys("provider");
    }

    // ----------------------------------------------------------------- who may record what

    @Test
    void onlyTheTeamAndItsManagersRecordASection20APlacementOrItsEnd() {
        for (var user : List.of("legal", "iro", "panel-administrator", "personal-adviser", "agency-decision-maker", "director", "head-of-service")) {
            var child = newChild();
            assertForbidden(user, call(user, HttpMethod.POST, child, "/periods-in-care", SECTION_20));
            assertThat(periods(child)).isZero();
        }
        var child = lookedAfterSince("2026-09-07");
        var placementId = placementId(call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-10", null)));
        iroReviews(child);
        for (var user : List.of("legal", "iro", "personal-adviser", "director")) {
            assertForbidden(user, call(user, HttpMethod.POST, child, "/placements", placement("2026-09-12", "Move")));
            assertForbidden(user, call(user, HttpMethod.POST, child, "/placements/" + placementId + "/end",
                    Map.of("endedOn", "2026-09-20", "reason", "Hospital")));
            assertForbidden(user, call(user, HttpMethod.POST, child, "/periods-in-care/current/end",
                    Map.of("endedOn", "2026-09-20", "reason", "RETURNED_HOME")));
        }
        for (var spelling : List.of("/placement%73", "/placements%2F", "/%70lacements", "/placements/")) {
            var answer = raw("legal", HttpMethod.POST, "/api/children/" + child + spelling, placement("2026-09-12", "Move"));
            assertThat(answer.getStatusCode()).as("%s: %s", spelling, answer.getBody())
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
        }
        assertThat(raw("iro", HttpMethod.PUT, "/api/children/" + child + "/periods-in-care/current/ir%6F", Map.of("iro", "iro"))
                .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
        assertThat(placements(child)).isOne();
        assertThat(currentPlacements(child)).isOne();
        for (var user : List.of("practitioner", "team-manager", "service-manager", "admin")) {
            var accommodated = newChild();
            assertThat(call(user, HttpMethod.POST, accommodated, "/periods-in-care", SECTION_20).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.CREATED);
            assertThat(call(user, HttpMethod.POST, accommodated, "/placements", placement("2026-09-10", null)).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.CREATED);
        }
    }

    @Test
    void theIroMayNotAllocateTheIroAndOnlyThoseWhoRatifyRecordThePermanencePlan() {
        var child = lookedAfterSince("2026-09-07");
        iroReviews(child);
        assertThat(call("iro", HttpMethod.GET, child, "/periods-in-care", null).getStatusCode()).as("the IRO sees the child")
                .isEqualTo(HttpStatus.OK);
        for (var user : List.of("iro", "practitioner", "legal")) {
            assertForbidden(user, call(user, HttpMethod.PUT, child, "/periods-in-care/current/iro", Map.of("iro", "iro")));
        }
        var plan = Map.of("type", "RETURN_HOME", "contingency", "Long-term fostering", "ratifiedOn", "2026-09-20",
                "ratifiedBy", "LOOKED_AFTER_REVIEW");
        for (var user : List.of("practitioner", "legal", "personal-adviser")) {
            assertForbidden(user, call(user, HttpMethod.POST, child, "/permanence-plan", plan));
        }
        assertThat(jdbc.queryForObject("select count(*) from permanence_plan p join period_in_care c on c.id = p.period_id"
                + " where c.child_reference = ?", Long.class, child)).isZero();
        var ratified = call("iro", HttpMethod.POST, child, "/permanence-plan", plan);
        assertThat(ratified.getStatusCode()).as("the IRO chairs the review that ratifies it: %s", ratified.getBody())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(call("service-manager", HttpMethod.PUT, child, "/periods-in-care/current/iro", Map.of("iro", "iro")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    // ----------------------------------------------------------------- helpers

    private List<ResponseEntity<Map<String, Object>>> together(Supplier<ResponseEntity<Map<String, Object>>> one,
                                                              Supplier<ResponseEntity<Map<String, Object>>> two) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var ready = new CountDownLatch(2);
            var go = new CountDownLatch(1);
            var futures = new ArrayList<Future<ResponseEntity<Map<String, Object>>>>();
            for (var call : List.of(one, two)) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.get();
                }));
            }
            ready.await();
            go.countDown();
            var answers = new ArrayList<ResponseEntity<Map<String, Object>>>();
            for (var future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends the request, waits until it is blocked on a row lock on the table, then commits the other transaction. */
    private ResponseEntity<Map<String, Object>> whileWaitingOnALock(String table, Connection other,
                                                                    Supplier<ResponseEntity<Map<String, Object>>> request) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            var answer = pool.submit(request::get);
            long deadline = System.currentTimeMillis() + 20_000;
            while (jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query ilike ?", Long.class, table.isEmpty() ? "%" : "insert into " + table + "%") == 0) {
                assertThat(answer.isDone()).as("the request finished without waiting: %s", answer.isDone() ? answer.get().getBody() : null)
                        .isFalse();
                assertThat(System.currentTimeMillis()).as("the request waits on the other transaction").isLessThan(deadline);
                Thread.sleep(20);
            }
            other.commit();
            return answer.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void update(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private void iroReviews(String child) {
        assertThat(call("team-manager", HttpMethod.PUT, child, "/periods-in-care/current/iro", Map.of("iro", "iro")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private String newChild() {
        clockAt("2026-10-30T10:00");
        var child = children.register(new NewChild("Ali", "Attack-" + System.nanoTime(), LocalDate.of(2014, 2, 2), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "New case");
        return child;
    }

    private String lookedAfterSince(String date) {
        var child = newChild();
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.parse(date), "Interim care order made on " + date);
        return child;
    }

    private static Map<String, Object> placement(String startedOn, String reasonForMove) {
        var placement = new HashMap<String, Object>(Map.of("type", "FOSTER_CARE_OWN_CARERS", "provider", "Jo and Sam Carter",
                "postcode", "ls6 2ab", "startedOn", startedOn, "longTerm", false));
        if (reasonForMove != null) {
            placement.put("reasonForMove", reasonForMove);
        }
        return placement;
    }

    private static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
        var copy = new HashMap<>(body);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static long placementId(ResponseEntity<?> answer) {
        var body = answer.getBody();
        var period = body instanceof List<?> list ? (Map<String, Object>) list.get(0) : (Map<String, Object>) body;
        var placements = (List<Map<String, Object>>) period.get("placements");
        return ((Number) placements.get(placements.size() - 1).get("id")).longValue();
    }

    private long periods(String child) {
        return jdbc.queryForObject("select count(*) from period_in_care where child_reference = ?", Long.class, child);
    }

    private long journeys(String child) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LookedAfter.PROCESS)
                .processInstanceBusinessKey(child).count();
    }

    private long placements(String child) {
        return jdbc.queryForObject("select count(*) from placement p join period_in_care c on c.id = p.period_id"
                + " where c.child_reference = ?", Long.class, child);
    }

    private long currentPlacements(String child) {
        return jdbc.queryForObject("select count(*) from placement p join period_in_care c on c.id = p.period_id"
                + " where c.child_reference = ? and p.ended_on is null", Long.class, child);
    }

    private HttpHeaders headers(String user) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return headers;
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String child, String path, Object body) {
        if (method == HttpMethod.GET) {
            var answer = http.exchange("/api/children/" + child + path, method, new HttpEntity<>(headers(user)), Object.class);
            var wrapped = answer.getBody() instanceof List<?> list ? Map.<String, Object>of("placements",
                    list.isEmpty() ? List.of() : ((Map<String, Object>) list.get(0)).get("placements")) : (Map<String, Object>) answer.getBody();
            return new ResponseEntity<>(wrapped, answer.getHeaders(), answer.getStatusCode());
        }
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange("/api/children/" + child + path, method,
                new HttpEntity<>(body, headers(user)), Map.class);
    }

    /** The path sent as written: no template expansion, no encoding. */
    private ResponseEntity<String> raw(String user, HttpMethod method, String path, Object body) {
        return http.exchange(URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers(user)), String.class);
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> json(String user, String path, HttpMethod method, String body) {
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange(path, method, new HttpEntity<>(body, headers(user)), Map.class);
    }

    private ResponseEntity<Map<String, Object>> json(String user, String path, String body) {
        return json(user, path, HttpMethod.POST, body);
    }

    private static void assertProblem(ResponseEntity<?> response) {
        assertThat(response.getHeaders().getContentType()).as("%s", response.getBody()).isNotNull()
                .satisfies(type -> assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    }

    private static void assertForbidden(String user, ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s: %s", user, response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(response);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> refused(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(response);
        var result = new HashMap<String, String>();
        var errors = (List<Map<String, String>>) response.getBody().get("errors");
        if (errors != null) {
            errors.forEach(e -> result.put(e.get("field"), e.get("message")));
        }
        return result;
    }
}
