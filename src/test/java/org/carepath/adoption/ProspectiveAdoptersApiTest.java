package org.carepath.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carepath.CarePathTest;
import org.carepath.ApiTestSupport;
import org.carepath.child.Children;
import org.carepath.child.NewChild;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Prospective adopters: their record, their status over time, and links refused when the approval does not cover them. */
@CarePathTest
class ProspectiveAdoptersApiTest extends ApiTestSupport {

    @Autowired
    Children children;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHouseholdIsRecordedWithItsApprovalAndLinkedWithSiblingsItsApprovalCovers() {
        clockAt("2026-09-01T10:00");
        var adopters = add(household(2, 0, 4, true));
        assertThat(adopters).containsEntry("status", "APPROVED").containsEntry("agencyType", "REGIONAL_ADOPTION_AGENCY");
        assertThat(list(adopters.get("household"))).extracting(m -> m.get("name")).containsExactly("Jen Ashworth", "Mo Ashworth");
        var older = child(LocalDate.of(2023, 2, 1));
        var younger = child(LocalDate.of(2025, 7, 1));

        var linked = call("practitioner", HttpMethod.POST, "/api/prospective-adopters/" + id(adopters) + "/links",
                Map.of("children", List.of(older, younger), "linkedOn", "2026-09-01"));
        assertThat(linked.getStatusCode()).as("%s", linked.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(linked.getBody()).containsEntry("status", "LINKED");
        assertThat(list(linked.getBody().get("links"))).extracting(l -> l.get("child")).containsExactly(older, younger);
        assertThat(list(linked.getBody().get("statusHistory"))).extracting(s -> s.get("status")).containsExactly("APPROVED", "LINKED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and subject = 'linked with prospective adopters'",
                Long.class, older)).isOne();
    }

    @Test
    void aLinkTheApprovalDoesNotCoverIsRefusedSayingWhyAndNothingIsStored() {
        clockAt("2026-09-01T10:00");
        var single = add(household(1, 0, 2, false));
        var sixYearOld = child(LocalDate.of(2020, 5, 1));
        var baby = child(LocalDate.of(2026, 1, 1));
        var toddler = child(LocalDate.of(2024, 11, 1));

        assertThat(refused(link(single, List.of(sixYearOld)))).containsOnlyKeys("children[0]")
                .extractingByKey("children[0]").asString().contains("is 6").contains("aged 0 to 2");
        assertThat(refused(link(single, List.of(baby, toddler)))).containsOnlyKeys("children")
                .extractingByKey("children").asString().contains("approved for 1 child");
        assertThat(refused(link(single, List.of(baby, baby)))).containsKey("children[1]");
        assertThat(refused(link(single, List.of("C-999999")))).containsOnlyKeys("children[0]");
        assertThat(refused(call("practitioner", HttpMethod.POST, "/api/prospective-adopters", household(2, 0, 4, false))))
                .as("two children approved means a sibling group").containsOnlyKeys("siblingGroups");
        assertThat(jdbc.queryForObject("select count(*) from adopter_link where adopter_id = ?", Long.class, id(single))).isZero();

        // on hold, or matched to a child already, the household cannot be linked
        var status = call("team-manager", HttpMethod.POST, "/api/prospective-adopters/" + id(single) + "/status",
                Map.of("status", "ON_HOLD", "changedOn", "2026-09-01", "reason", "House move"));
        assertThat(status.getStatusCode()).as("%s", status.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(refused(link(single, List.of(baby)))).containsOnlyKeys("adopter").extractingByKey("adopter").asString().contains("on hold");
        assertThat(refused(call("team-manager", HttpMethod.POST, "/api/prospective-adopters/" + id(single) + "/status",
                Map.of("status", "MATCHED", "changedOn", "2026-09-01", "reason", "x")))).containsOnlyKeys("status");
    }

    @Test
    void aChildLinkedWithOneHouseholdCannotBeLinkedWithAnotherAndAnotherTeamsChildIsUnknown() {
        clockAt("2026-09-01T10:00");
        var first = add(household(1, 0, 4, false));
        var second = add(household(1, 0, 4, false));
        var baby = child(LocalDate.of(2026, 1, 1));
        assertThat(link(first, List.of(baby)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(link(second, List.of(baby)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused(call("practitioner-south", HttpMethod.POST, "/api/prospective-adopters/" + id(second) + "/links",
                Map.of("children", List.of(child(LocalDate.of(2025, 1, 1))), "linkedOn", "2026-09-01")))).containsOnlyKeys("children[0]");
        assertThat(call("iro", HttpMethod.GET, "/api/prospective-adopters", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("practitioner", HttpMethod.GET, "/api/prospective-adopters/987654321", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Map<String, Object> household(int children, int from, int to, boolean siblings) {
        var body = new HashMap<String, Object>();
        body.put("householdName", "Jen and Mo Ashworth");
        body.put("household", List.of(Map.of("name", "Jen Ashworth", "relationship", "prospective adopter", "dateOfBirth", "1988-04-02"),
                Map.of("name", "Mo Ashworth", "relationship", "prospective adopter")));
        body.put("agencyType", "REGIONAL_ADOPTION_AGENCY");
        body.put("agencyName", "Adopt North");
        body.put("approvedOn", "2026-06-01");
        body.put("approvalDecidedBy", "Adoption panel of 12 May 2026; agency decision maker on 20 May 2026");
        body.put("approvedChildren", children);
        body.put("approvedAgeFrom", from);
        body.put("approvedAgeTo", to);
        body.put("siblingGroups", siblings);
        body.put("needsTheyCanMeet", "Global developmental delay; foetal alcohol spectrum disorder; contact with siblings");
        return body;
    }

    private Map<String, Object> add(Map<String, Object> body) {
        var created = call("practitioner", HttpMethod.POST, "/api/prospective-adopters", body);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private ResponseEntity<Map<String, Object>> link(Map<String, Object> adopters, List<String> children) {
        return call("practitioner", HttpMethod.POST, "/api/prospective-adopters/" + id(adopters) + "/links",
                Map.of("children", children, "linkedOn", "2026-09-01"));
    }

    private String child(LocalDate born) {
        var child = children.register(new NewChild("Ava", "Adopt-" + System.nanoTime(), born, null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "Case");
        return child;
    }
}
