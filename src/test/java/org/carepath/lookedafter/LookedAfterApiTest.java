package org.carepath.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

/** Periods in care, placements, the permanence plan and the IRO through the API: what is refused, and to whom. */
@CarePathTest
class LookedAfterApiTest extends ProcessTestSupport {

    static final Map<String, Object> CONSENT = Map.of("givenBy", "Kerry Smith (mother)", "givenOn", "2026-09-07");

    @Autowired
    TestRestTemplate http;
    @Autowired
    Children children;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSection20AccommodationStartsThePeriodAndItsJourneyAndReturningHomeEndsThem() {
        var child = newChild();
        var started = call("practitioner", HttpMethod.POST, child, "/periods-in-care",
                Map.of("legalBasis", "SECTION_20", "startedOn", "2026-09-07", "parentalConsent", CONSENT));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody()).containsEntry("legalBasis", "SECTION_20").containsEntry("startedOn", "2026-09-07")
                .containsEntry("parentalConsent", CONSENT);
        assertThat(children.get(child).legalStatus()).isEqualTo(LegalStatus.SECTION_20);
        var journey = (String) started.getBody().get("processInstanceId");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey).count()).isOne();

        var placed = call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-07", null));
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(list(placed.getBody().get("placements"))).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("type", "FOSTER_CARE_OWN_CARERS").containsEntry("postcode", "LS6 2AB"));

        var home = call("practitioner", HttpMethod.POST, child, "/periods-in-care/current/end",
                Map.of("endedOn", "2026-10-09", "reason", "RETURNED_HOME", "detail", "Home to mother with support"));
        assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(home.getBody()).containsEntry("endedOn", "2026-10-09").containsEntry("reasonForLeaving", "RETURNED_HOME");
        assertThat(list(home.getBody().get("placements")).get(0)).containsEntry("endedOn", "2026-10-09");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey).count()).isZero();
        assertThat(children.get(child).legalStatus()).isEqualTo(LegalStatus.NOT_LOOKED_AFTER);

        var periods = http.exchange("/api/children/" + child + "/periods-in-care", HttpMethod.GET, signedIn("practitioner", null), List.class);
        assertThat(periods.getBody()).hasSize(1);
    }

    @Test
    void section20WithoutConsentAnOrderOfTheCourtOrAFutureDateIsRefusedNamingTheFieldAndNothingIsStored() {
        var child = newChild();
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/periods-in-care",
                Map.of("legalBasis", "SECTION_20", "startedOn", "2026-09-07")))).containsOnlyKeys("parentalConsent");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/periods-in-care",
                Map.of("legalBasis", "CARE_ORDER", "startedOn", "2026-09-07")))).containsOnlyKeys("legalBasis");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/periods-in-care",
                Map.of("legalBasis", "SECTION_20", "startedOn", "2027-01-01", "parentalConsent", CONSENT)))).containsKey("startedOn");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/periods-in-care",
                Map.of("legalBasis", "SECTION_20", "startedOn", "2026-09-01", "parentalConsent", CONSENT))))
                .as("consent given after the accommodation began").containsOnlyKeys("parentalConsent.givenOn");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/periods-in-care",
                Map.of("legalBasis", "SECTION_20", "startedOn", "2026-09-07",
                        "parentalConsent", Map.of("givenBy", " ", "givenOn", "2026-09-07"))))).containsOnlyKeys("parentalConsent.givenBy");
        assertThat(periods(child)).isZero();
        assertThat(children.get(child).legalStatus()).isEqualTo(LegalStatus.NOT_LOOKED_AFTER);
    }

    @Test
    void overlappingPlacementsAPlacementBeforeThePeriodAndEndsBeforeStartsAreRefused() {
        var child = lookedAfterSince("2026-09-07");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-01", null))))
                .as("before the period in care began").containsOnlyKeys("startedOn");
        assertThat(call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-10", null)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-08", "Carer ill"))))
                .as("overlaps the current placement").containsOnlyKeys("startedOn");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-20", null))))
                .as("a move says why").containsOnlyKeys("reasonForMove");
        var bad = new HashMap<>(placement("2026-09-20", "Carer ill"));
        bad.put("postcode", "not a postcode");
        bad.put("type", "CASTLE");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", bad))).containsOnlyKeys("postcode", "type");

        var placementId = ((Number) list(call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-20", "Carer ill"))
                .getBody().get("placements")).get(1).get("id")).longValue();
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements/" + placementId + "/end",
                Map.of("endedOn", "2026-09-19", "reason", "Hospital")))).containsOnlyKeys("endedOn");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/placements", placement("2026-09-15", "Back"))))
                .as("overlaps an earlier placement").containsOnlyKeys("startedOn");
        assertThat(refused(call("practitioner", HttpMethod.POST, child, "/periods-in-care/current/end",
                Map.of("endedOn", "2026-09-01", "reason", "RETURNED_HOME")))).containsOnlyKeys("endedOn");
        assertThat(jdbc.queryForObject("select count(*) from placement p join period_in_care c on c.id = p.period_id"
                + " where c.child_reference = ?", Long.class, child)).isEqualTo(2);
        assertThat(call("practitioner", HttpMethod.POST, child, "/placements/999999/end", Map.of("endedOn", "2026-09-21", "reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void whatCannotBeDoneToThisChildIsAConflict() {
        var home = newChild();
        assertThat(call("practitioner", HttpMethod.POST, home, "/placements", placement("2026-09-07", null)).getStatusCode())
                .as("not looked after").isEqualTo(HttpStatus.CONFLICT);
        var onOrder = newChild();
        children.changeLegalStatus(onOrder, LegalStatus.CARE_ORDER, LocalDate.of(2026, 9, 7), "Care order made on 2026-09-07");
        assertThat(call("practitioner", HttpMethod.POST, onOrder, "/periods-in-care/current/end",
                Map.of("endedOn", "2026-10-01", "reason", "RETURNED_HOME")).getStatusCode())
                .as("only the court ends a care order").isEqualTo(HttpStatus.CONFLICT);
        assertThat(call("practitioner", HttpMethod.POST, onOrder, "/periods-in-care",
                Map.of("legalBasis", "SECTION_20", "startedOn", "2026-09-07", "parentalConsent", CONSENT)).getStatusCode())
                .as("looked after already").isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused(call("team-manager", HttpMethod.PUT, onOrder, "/periods-in-care/current/iro", Map.of("iro", "practitioner"))))
                .containsOnlyKeys("iro");
    }

    @Test
    void anotherTeamsChildOrAnUnknownOneIsNotFound() {
        var child = lookedAfterSince("2026-09-07");
        assertThat(call("practitioner-south", HttpMethod.POST, child, "/placements", placement("2026-09-07", null)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/children/" + child + "/periods-in-care", HttpMethod.GET, signedIn("practitioner-south", null),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("practitioner", HttpMethod.POST, "C-999999", "/placements", placement("2026-09-07", null)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from placement p join period_in_care c on c.id = p.period_id"
                + " where c.child_reference = ?", Long.class, child)).isZero();
    }

    @Test
    void theIroSeesTheChildrenTheyReview() {
        var child = lookedAfterSince("2026-09-07");
        assertThat(call("team-manager", HttpMethod.PUT, child, "/periods-in-care/current/iro", Map.of("iro", "iro")).getBody())
                .containsEntry("iro", "iro");
        assertThat(http.exchange("/api/children/" + child + "/periods-in-care", HttpMethod.GET, signedIn("iro", null), List.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // ----------------------------------------------------------------- helpers

    private String newChild() {
        clockAt("2026-10-30T10:00");
        var child = children.register(new NewChild("Mia", "Api-" + System.nanoTime(), LocalDate.of(2014, 2, 2), null, null)).reference();
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

    private long periods(String child) {
        return jdbc.queryForObject("select count(*) from period_in_care where child_reference = ?", Long.class, child);
    }

    private HttpEntity<Object> signedIn(String user, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String child, String path, Object body) {
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange("/api/children/" + child + path, method,
                signedIn(user, body), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> refused(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        var result = new HashMap<String, String>();
        ((List<Map<String, String>>) response.getBody().get("errors")).forEach(e -> result.put(e.get("field"), e.get("message")));
        return result;
    }
}
