package org.carepath.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
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

/** The IRO's disputes through the API: who may raise one, about which children, and what is refused. */
@CarePathTest
class IroDisputeApiTest extends ProcessTestSupport {

    static final String CONCERN = "The care plan has no plan for the child's contact with her brother.";

    @Autowired
    TestRestTemplate http;
    @Autowired
    Children children;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LookedAfter lookedAfter;

    @Test
    void theChildsIroRaisesAConcernAndItStartsAtTheTeamManager() {
        var child = lookedAfterChildTheIroReviews();
        var raised = post("iro", child, Map.of("concern", CONCERN));

        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(raised.getBody()).containsEntry("childReference", child).containsEntry("concern", CONCERN)
                .containsEntry("raisedBy", "iro").containsEntry("currentStage", "TEAM_MANAGER").containsEntry("status", "OPEN");
        var instance = (String) raised.getBody().get("processInstanceId");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("Task_RespondToIroConcernAsTeamManager").count()).isOne();

        var listed = get("iro", child);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).singleElement().satisfies(d -> assertThat(map(d)).containsEntry("processInstanceId", instance));
        assertThat(get("director", child).getBody()).as("senior managers see every child").hasSize(1);
    }

    @Test
    void onlyAnIroRaisesAConcern() {
        var child = lookedAfterChildTheIroReviews();
        for (var user : List.of("practitioner", "team-manager", "service-manager", "director", "admin")) {
            var refused = post(user, child, Map.of("concern", CONCERN));
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).as(user).isNotNull()
                    .satisfies(type -> assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        }
        assertThat(stored(child)).isZero();
    }

    @Test
    void anUnknownChildOrOneOutsideTheIrosScopeIsNotFound() {
        assertThat(post("iro", "C-999999", Map.of("concern", CONCERN)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        var notTheirs = lookedAfterChild();
        reviewedBy(notTheirs, "iro-elsewhere");
        assertThat(post("iro", notTheirs, Map.of("concern", CONCERN)).getStatusCode()).as("a child the IRO does not review")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("iro", notTheirs)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stored(notTheirs)).isZero();
    }

    @Test
    void aChildWhoIsNotLookedAfterCannotHaveADispute() {
        clockAt("2026-09-07T10:00");
        var child = children.register(new NewChild("Noor", "Home-" + System.nanoTime(), null, null, null)).reference();
        theIroReviews(child);
        var refused = post("iro", child, Map.of("concern", CONCERN));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).hasEntrySatisfying("detail", detail -> assertThat((String) detail).contains("not looked after"));
        assertThat(stored(child)).isZero();
    }

    @Test
    void aBlankOrOverLongConcernIsRefusedNamingTheFieldAndNothingIsStored() {
        var child = lookedAfterChildTheIroReviews();
        var journeys = journeys(child);
        assertThat(refused(post("iro", child, Map.of("concern", "  ")))).containsOnlyKeys("concern");
        assertThat(refused(post("iro", child, Map.of()))).containsOnlyKeys("concern");
        assertThat(refused(post("iro", child, Map.of("concern", "x".repeat(Disputes.CONCERN_MAX_LENGTH + 1))))).containsOnlyKeys("concern");
        assertThat(stored(child)).isZero();
        assertThat(journeys(child)).as("no journey started").isEqualTo(journeys);

        var longest = "x".repeat(Disputes.CONCERN_MAX_LENGTH - 9) + "[the end]";
        var kept = post("iro", child, Map.of("concern", longest));
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(kept.getBody()).containsEntry("concern", longest);
    }

    // ----------------------------------------------------------------- helpers

    private String lookedAfterChild() {
        clockAt("2026-09-07T10:00");
        var child = children.register(new NewChild("Ava", "Care-" + System.nanoTime(), null, null, null)).reference();
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2026, 3, 2), "Care order made on 2026-03-02");
        return child;
    }

    private String lookedAfterChildTheIroReviews() {
        var child = lookedAfterChild();
        reviewedBy(child, "iro");
        return child;
    }

    /** The child's IRO, whose review tasks make the child theirs (and no other IRO's). */
    private void reviewedBy(String child, String iro) {
        if (engine.getIdentityService().createUserQuery().userId(iro).count() == 0) {
            var user = engine.getIdentityService().newUser(iro);
            user.setFirstName("Ruth");
            user.setLastName("Other");
            engine.getIdentityService().saveUser(user);
            engine.getIdentityService().createMembership(iro, "iro");
        }
        lookedAfter.allocateIro(child, new LookedAfterInput.Iro(iro));
    }

    /**
     * Work about the child offered to the IROs (a conference to chair), so the child is in the IRO's scope, as the
     * looked-after reviews they chair will make them.
     */
    private void theIroReviews(String child) {
        track(engine.getRuntimeService().createProcessInstanceByKey("referral-to-assessment").businessKey(child)
                .setVariables(Map.of("childRef", child, "childName", children.get(child).name(),
                        "conferenceClockStartedOn", Date.from(now())))
                .startBeforeActivity("SubProcess_InitialConference").execute());
    }

    private long stored(String child) {
        return jdbc.queryForObject("select count(*) from iro_dispute where child_reference = ?", Long.class, child);
    }

    private long journeys(String child) {
        return jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ?", Long.class, child);
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> post(String user, String child, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange("/api/children/" + child + "/disputes", HttpMethod.POST,
                new HttpEntity<>(body, headers), Map.class);
    }

    private ResponseEntity<List> get(String user, String child) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return http.exchange("/api/children/" + child + "/disputes", HttpMethod.GET, new HttpEntity<>(headers), List.class);
    }

    private HttpStatus status(String user, String child) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return HttpStatus.valueOf(http.exchange("/api/children/" + child + "/disputes", HttpMethod.GET, new HttpEntity<>(headers),
                String.class).getStatusCode().value());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** A 400 with problem details: the fields it names and what is wrong with each. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> refused(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).as("content type").isNotNull()
                .satisfies(type -> assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        var result = new java.util.HashMap<String, String>();
        ((List<Map<String, String>>) response.getBody().get("errors")).forEach(e -> result.put(e.get("field"), e.get("message")));
        return result;
    }
}
