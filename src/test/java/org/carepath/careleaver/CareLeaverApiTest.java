package org.carepath.careleaver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.carepath.ApiTestSupport;
import org.carepath.CarePathTest;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** A care leaver's record through the API: what is refused (naming the field), to whom, and what conflicts. */
@CarePathTest
class CareLeaverApiTest extends ApiTestSupport {

    @Autowired
    Children children;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CareLeaverSettings settings;

    @Test
    void theRecordShowsTheEligibleYoungPersonAndRefusesBadInputNamingTheField() {
        var child = eligibleWithAdviser(LocalDate.of(2082, 3, 10));
        var path = "/api/children/" + child + "/care-leaver";

        var record = get("practitioner", path);
        assertThat(record).containsEntry("status", "ELIGIBLE").containsEntry("eligibleOn", "2098-03-10")
                .containsEntry("personalAdviser", "personal-adviser");
        assertThat(map(map(get("practitioner", "/api/children/" + child).get("parts")).get("careLeaver"))).containsEntry("eligibleOn", "2098-03-10");
        // the allocated adviser sees the young person, between tasks too
        assertThat(get("personal-adviser", path)).containsEntry("status", "ELIGIBLE");

        assertThat(refused(call("personal-adviser", HttpMethod.POST, path + "/review-requests",
                Map.of("requestedBy", "the-cat", "requestedOn", "2098-04-01")))).containsKeys("requestedBy", "reason");
        assertThat(refused(call("personal-adviser", HttpMethod.POST, path + "/circumstances", Map.of("from", "2098-04-01",
                "accommodationType", "castle", "accommodationSuitable", true, "activity", "employment")))).containsKey("accommodationType");
        assertThat(refused(call("personal-adviser", HttpMethod.POST, path + "/support-declined",
                Map.of("declinedOn", "2098-04-01", "rightToReturnExplained", "Told")))).containsKey("declinedOn");
        // still in care: no adviser contact is due yet
        assertThat(conflict(call("personal-adviser", HttpMethod.POST, path + "/contacts",
                Map.of("contactedOn", "2098-04-01", "method", "phone", "note", "Fine")))).contains("no personal adviser contact due");
        assertThat(conflict(call("personal-adviser", HttpMethod.POST, path + "/support-asked-for-again",
                Map.of("askedOn", "2098-04-01")))).contains("has not declined");

        var requested = call("personal-adviser", HttpMethod.POST, path + "/review-requests",
                Map.of("requestedBy", "young-person", "requestedOn", "2098-04-01", "reason", "Wants to move"));
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call("iro", HttpMethod.POST, path + "/review-requests",
                Map.of("requestedBy", "young-person", "requestedOn", "2098-04-01", "reason", "Again")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aChildWhoIsNotACareLeaverIsNotFoundAndTheFiguresAreForManagers() {
        clockAt("2098-04-01T10:00");
        var child = children.register(new NewChild("Ruby", "NotLeaver-" + System.nanoTime(), LocalDate.of(2090, 1, 1), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "New case");
        assertThat(call("practitioner", HttpMethod.GET, "/api/children/" + child + "/care-leaver", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        var figures = "/api/care-leavers/figures?from=2098-03-01&to=2098-03-31";
        assertThat(call("practitioner", HttpMethod.GET, figures, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(list(get("team-manager", figures).get("bands"))).extracting(band -> band.get("ages"))
                .containsExactly("17-18", "19-21", "22-25");
        assertThat(refused(call("team-manager", HttpMethod.GET, "/api/care-leavers/figures?from=2098-04-01&to=2098-03-31", null)))
                .containsKey("from");
    }

    @Test
    void whereTheCouncilHasTheStayingCloseDutyAYoungPersonInAChildrensHomeHasItConsideredAtTheFirstReview() {
        settings.setStayingClose(true);
        try {
            var dateOfBirth = LocalDate.of(2083, 6, 1);
            clockAt(dateOfBirth.plusYears(15) + "T10:00");
            var child = children.register(new NewChild("Kai", "Close-" + System.nanoTime(), dateOfBirth, null, null)).reference();
            children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "New case");
            transaction.executeWithoutResult(tx -> children.changeLegalStatus(child, LegalStatus.SECTION_20, dateOfBirth.plusYears(15), "Accommodated"));
            assertThat(call("practitioner", HttpMethod.POST, "/api/children/" + child + "/placements", Map.of("type", "CHILDRENS_HOME",
                    "provider", "Oak House", "postcode", "LS6 2AB", "startedOn", dateOfBirth.plusYears(15).toString())).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
            var pathway = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CareLeavers.PROCESS)
                    .processInstanceBusinessKey(child).singleResult();
            fire(pathway.getId(), "Event_SixteenthBirthday");
            var planOn = dateOfBirth.plusYears(16).plusDays(5).toString();
            clockAt(planOn + "T10:00");
            completeAs("practitioner", task(pathway.getId(), "Task_AssessNeedsAndPreparePathwayPlan"),
                    CareLeaverPathwayProcessTest.plan("pathwayPlanOn", planOn));
            completeAs("team-manager", task(pathway.getId(), "Task_AllocatePersonalAdviser"), Map.of("personalAdviser", "personal-adviser"));
            assertThat(engine.getRuntimeService().getVariable(pathway.getId(), "stayingCloseToConsider")).isEqualTo(true);

            var reviewOn = dateOfBirth.plusYears(16).plusMonths(4).toString();
            clockAt(reviewOn + "T10:00");
            var review = task(pathway.getId(), "Task_ReviewPathwayPlan");
            var answers = CareLeaverPathwayProcessTest.review(reviewOn, "not-in-foster-care");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeAs("personal-adviser", review, answers))
                    .hasMessageContaining("stayingCloseDecision");
            answers.put("stayingCloseDecision", "chosen");
            completeAs("personal-adviser", review, answers);
            assertThat(map(get("practitioner", "/api/children/" + child + "/care-leaver").get("stayingClose")))
                    .containsEntry("decision", "chosen");
            assertThat(engine.getRuntimeService().getVariable(pathway.getId(), "stayingCloseToConsider")).isEqualTo(false);
        } finally {
            settings.setStayingClose(false);
        }
    }

    /** In care from 15, eligible on the 16th birthday, with a plan and a personal adviser. */
    private String eligibleWithAdviser(LocalDate dateOfBirth) {
        clockAt(dateOfBirth.plusYears(15) + "T10:00");
        var child = children.register(new NewChild("Jade", "ApiLeaver-" + System.nanoTime(), dateOfBirth, null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "New case");
        transaction.executeWithoutResult(tx -> children.changeLegalStatus(child, LegalStatus.SECTION_20, dateOfBirth.plusYears(15), "Accommodated"));
        var pathway = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CareLeavers.PROCESS)
                .processInstanceBusinessKey(child).singleResult();
        fire(pathway.getId(), "Event_SixteenthBirthday");
        var planOn = dateOfBirth.plusYears(16).plusDays(5).toString();
        clockAt(planOn + "T10:00");
        completeAs("practitioner", task(pathway.getId(), "Task_AssessNeedsAndPreparePathwayPlan"),
                CareLeaverPathwayProcessTest.plan("pathwayPlanOn", planOn));
        completeAs("team-manager", task(pathway.getId(), "Task_AllocatePersonalAdviser"), Map.of("personalAdviser", "personal-adviser"));
        clockAt(dateOfBirth.plusYears(16).plusDays(22) + "T10:00");
        return child;
    }
}
