package org.carepath.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carepath.ApiTestSupport;
import org.carepath.CarePathTest;
import org.carepath.child.Children;
import org.carepath.child.NewChild;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The authority's adoption scorecard against a cohort counted by hand. The cohort's years (2189–2193) are far from
 * every other test's, so the averages count only these children; the waiting figures are compared before and
 * after one more waiting child.
 */
@CarePathTest
class AuthorityScorecardApiTest extends ApiTestSupport {

    @Autowired
    Children children;

    @Autowired
    AdoptionCaseRepository cases;

    @Autowired
    AdoptionFixtures fixtures;

    @Test
    void averagesForAPeriodAndThreeYearsAreComputedFromEachChildsDates() {
        var household = household();
        // A: A1 338, A2 106, A10 338 (the example, two centuries on)
        adopted(household, "2190-03-01", "2190-10-01", "2191-01-15", "2191-02-02", null, "2192-03-01");
        // B: A1 426, A2 191; early permanence with the same household from 1 February 2191: A10 245
        adopted(household, "2190-06-01", "2191-01-10", "2191-07-20", "2191-08-01", "2191-02-01", "2192-06-30");
        // C: adopted two years earlier, in the three years only: A1 273, A2 92, A10 273
        adopted(household, "2189-01-01", "2189-06-01", "2189-09-01", "2189-10-01", null, "2190-05-01");
        // D: adopted after the period: in neither
        adopted(household, "2191-01-01", "2191-03-01", "2191-06-01", "2191-07-01", null, "2193-01-05");

        var card = get("team-manager", "/api/adoption/scorecard?from=2192-01-01&to=2192-12-31");
        var period = map(card.get("period"));
        assertThat(period).containsEntry("from", "2192-01-01").containsEntry("to", "2192-12-31").containsEntry("childrenAdopted", 2);
        assertThat(map(period.get("a1"))).containsEntry("averageDays", 382).containsEntry("threshold", 426).containsEntry("withinThreshold", true);
        assertThat(map(period.get("a2"))).as("(106 + 191) / 2, rounded").containsEntry("averageDays", 149).containsEntry("threshold", 121)
                .containsEntry("withinThreshold", false);
        assertThat(map(period.get("a10"))).as("(338 + 245) / 2, rounded").containsEntry("averageDays", 292);

        var threeYears = map(card.get("threeYears"));
        assertThat(threeYears).containsEntry("from", "2190-01-01").containsEntry("to", "2192-12-31").containsEntry("childrenAdopted", 3);
        assertThat(map(threeYears.get("a1"))).containsEntry("averageDays", 346).containsEntry("children", 3);
        assertThat(map(threeYears.get("a2"))).containsEntry("averageDays", 130);
        assertThat(map(threeYears.get("a10"))).containsEntry("averageDays", 285);

        var empty = map(get("team-manager", "/api/adoption/scorecard?from=2195-01-01&to=2195-12-31").get("period"));
        assertThat(empty).containsEntry("childrenAdopted", 0);
        assertThat(map(empty.get("a1"))).doesNotContainKey("averageDays").containsEntry("children", 0);
    }

    @Test
    void childrenStillWaitingAreCountedWithTheClocksThatPassedTheirThresholds() {
        var before = map(get("service-manager", "/api/adoption/scorecard?from=2192-01-01&to=2192-12-31").get("waiting"));
        var child = child();
        cases.saveAndFlush(new AdoptionCase(child, LocalDate.parse("2190-01-01"), LocalDate.parse("2190-01-20"), LocalDate.parse("2190-02-01"),
                Instant.parse("2190-02-01T12:00:00Z")));
        var after = map(get("service-manager", "/api/adoption/scorecard?from=2192-01-01&to=2192-12-31").get("waiting"));
        assertThat(number(after, "children")).isEqualTo(number(before, "children") + 1);
        assertThat(number(after, "pastA1Threshold")).isEqualTo(number(before, "pastA1Threshold") + 1);
        assertThat(number(after, "pastA2Threshold")).isEqualTo(number(before, "pastA2Threshold") + 1);
    }

    @Test
    void aPeriodThatIsNotOneIsRefusedNamingTheFieldAndOnlyManagersReadTheFigures() {
        assertThat(refused(call("team-manager", HttpMethod.GET, "/api/adoption/scorecard?from=2192-02-30&to=2192-12-31", null)))
                .containsOnlyKeys("from");
        assertThat(refused(call("team-manager", HttpMethod.GET, "/api/adoption/scorecard?from=2192-12-31&to=2192-01-01", null)))
                .containsOnlyKeys("to");
        assertThat(call("team-manager", HttpMethod.GET, "/api/adoption/scorecard?from=2192-01-01", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call("practitioner", HttpMethod.GET, "/api/adoption/scorecard?from=2192-01-01&to=2192-12-31", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void adopted(long household, String enteredCare, String placementOrder, String matched, String movedIn, String earlyPermanence,
                         String adopted) {
        fixtures.adopted(child(), household, enteredCare, placementOrder, matched, movedIn, earlyPermanence, adopted);
    }

    private String child() {
        return children.register(new NewChild("Sky", "Scorecard-" + System.nanoTime(), LocalDate.of(2095, 1, 1), null, null)).reference();
    }

    private long household() {
        var body = new HashMap<String, Object>();
        body.put("householdName", "Lee and Kit Moss");
        body.put("household", List.of(Map.of("name", "Lee Moss", "relationship", "prospective adopter")));
        body.put("agencyType", "REGIONAL_ADOPTION_AGENCY");
        body.put("agencyName", "Adopt North");
        body.put("approvedOn", "2020-01-01");
        body.put("approvalDecidedBy", "Adoption panel; agency decision maker");
        body.put("approvedChildren", 2);
        body.put("approvedAgeFrom", 0);
        body.put("approvedAgeTo", 8);
        body.put("siblingGroups", true);
        body.put("needsTheyCanMeet", "Most needs");
        var created = call("practitioner", HttpMethod.POST, "/api/prospective-adopters", body);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return id(created.getBody());
    }

    private static long number(Map<String, Object> body, String key) {
        return ((Number) body.get(key)).longValue();
    }
}
