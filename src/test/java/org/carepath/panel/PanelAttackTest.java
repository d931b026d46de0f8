package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carepath.CarePathTest;
import org.carepath.child.LegalStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The panel's journey and API as an insider would try to misuse them: another team's child, a second request, odd answers. */
@CarePathTest
class PanelAttackTest extends PanelTestSupport {

    @Test
    void anotherTeamsManagerCannotSendAChildToPanelNorReadTheirPanelRecord() {
        var child = childInCare();
        var asked = call("team-manager-south", HttpMethod.POST, "/api/children/" + child + "/panel-requests", Map.of("reason", "Plan"));
        assertThat(asked.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PermanencePanels.PROCESS)
                .processInstanceBusinessKey(child).count()).isZero();
        assertThat(call("practitioner-south", HttpMethod.GET, "/api/children/" + child, null).getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
    }

    @Test
    void aSecondRequestWhileTheFirstIsOpenIsAConflict() {
        var child = childInCare();
        assertThat(call("team-manager", HttpMethod.POST, "/api/children/" + child + "/panel-requests", Map.of("reason", "Plan"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(conflict(call("team-manager", HttpMethod.POST, "/api/children/" + child + "/panel-requests", Map.of("reason", "Again"))))
                .contains("on their way to panel already");
    }

    @Test
    void onlyPanelAdministratorsCirculateOrDeferAndUnknownSittingsAndBookingsAreNotFound() {
        var sitting = sitting("PERMANENCE", "2097-06-11", null, List.of());
        for (var user : List.of("practitioner", "team-manager", "agency-decision-maker")) {
            assertThat(call(user, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/circulation", null).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(call(user, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/deferral",
                    Map.of("toSitting", id(sitting), "reason", "x")).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/987654321/circulation", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(conflict(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/deferral",
                Map.of("toSitting", id(sitting), "reason", "Nothing to move")))).contains("has no cases to defer");
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/deferral",
                Map.of("reason", " ")))).containsOnlyKeys("toSitting", "reason");
    }

    @Test
    void theRecommendationsActionsNeedARealOwnerOfTheRightRoleAndADateAfterTheSitting() {
        clockAt("2097-03-02T10:00");
        var child = newChild();
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2097, 2, 1), "Care order made");
        var members = List.of(member("Ruth Chair", "CHAIR", "2099-12-31", "PERMANENCE"),
                member("Imran Independent", "INDEPENDENT_MEMBER", "2099-12-31", "PERMANENCE"),
                member("Jo Independent", "INDEPENDENT_MEMBER", "2099-12-31", "PERMANENCE"));
        var sitting = sitting("PERMANENCE", "2097-04-07", null, members);
        var response = call("team-manager", HttpMethod.POST, "/api/children/" + child + "/panel-requests", Map.of("reason", "Plan"));
        var instance = (String) response.getBody().get("processInstanceId");
        STARTED.add(instance);
        completeAs(ADMINISTRATOR, task(instance, "Task_BookTheChildOntoASitting"), Map.of("sittingId", id(sitting)));
        completeAs("practitioner", task(instance, "Task_WriteThePermanenceReport"), Map.of("permanenceReportWrittenOn", "2097-03-02",
                "optionsConsidered", "o", "childsWishesAndFeelings", "w", "identityCultureAndContact", "i", "contingencyPlan", "c"));
        clockAt("2097-04-07T13:00");
        assertThat(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/attendance", Map.of("attended", members))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        var recommendation = task(instance, "Task_RecordThePanelRecommendation");
        for (var bad : List.of(Map.of("action1", "Life-story book", "action1Owner", "nobody-at-all", "action1DueOn", "2097-05-01"),
                Map.of("action1", "Life-story book", "action1Owner", "panel-administrator", "action1DueOn", "2097-05-01"),
                Map.of("action1", "Life-story book", "action1Owner", "practitioner", "action1DueOn", "2097-04-01"),
                Map.of("action1", "Life-story book", "action1Owner", "practitioner"),
                Map.of("action2Owner", "practitioner", "action2DueOn", "2097-05-01"))) {
            var answers = new HashMap<String, Object>(Map.of("panelRecommendation", "recommend", "recommendationRationale", "r",
                    "recommendedPlanType", "ADOPTION", "recommendedContingency", "c"));
            answers.putAll(bad);
            assertThatThrownBy(() -> completeAs(ADMINISTRATOR, recommendation, answers)).as("%s", bad)
                    .hasMessageMatching("(?s).*(not a social worker|must not be before|Say by when|Say what).*");
        }
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
                .as("nothing recorded").isEqualTo("Task_RecordThePanelRecommendation");
        assertThat(map(map(get("practitioner", "/api/children/" + child).get("parts")).get("permanencePanel")).get("outcomes"))
                .asList().isEmpty();
    }

    private String childInCare() {
        clockAt("2097-03-02T10:00");
        var child = newChild();
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.of(2097, 2, 1), "Interim care order made");
        return child;
    }
}
