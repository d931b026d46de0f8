package org.carepath.access;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.identity.Viewer;
import org.carepath.child.NewChild;
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
 * Least privilege over HTTP: a child allocated to the South team is invisible to the North team's social
 * worker and team manager everywhere (record, deadlines, alerts, referrals, search, tasks, engine REST),
 * while each role still sees its own work.
 */
@CarePathTest
class ChildScopeSecurityTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    Children children;
    @Autowired
    ChildAccess access;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ReferralFixtures.Taken north;
    ReferralFixtures.Taken south;
    ReferralFixtures.Taken frontDoor;

    @BeforeEach
    void threeChildren() {
        var received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0).toString();
        north = fixtures.referralReceivedAt(received);
        south = fixtures.referralReceivedAt(received);
        frontDoor = fixtures.referralReceivedAt(received);
        allocate(north, "practitioner", "team-manager", "practitioner");
        allocate(south, "practitioner", "team-manager", "practitioner-south");
    }

    @Test
    void theNorthSocialWorkerSeesNothingOfTheSouthTeamsChild() {
        // a new referral about the South child: screening work offered to social workers, in the child's team only
        var again = fixtures.referralAbout(south, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        var screening = task(again.processInstanceId(), "Task_ScreenContact");
        assertThat(engine.getTaskService().getIdentityLinksForTask(screening.getId())).extracting(link -> link.getGroupId())
                .containsExactly("south-assessment-team--practitioner");
        assertThat(get("practitioner-south", "/engine-rest/task?processInstanceBusinessKey=" + south.childReference()).getBody())
                .contains(screening.getId());
        assertThat(status("practitioner", "/api/children/" + north.childReference())).isEqualTo(HttpStatus.OK);
        assertThat(status("practitioner", "/api/children/" + frontDoor.childReference())).as("front door work").isEqualTo(HttpStatus.OK);
        for (var path : List.of("", "/deadlines", "/alerts", "/referrals", "/proceedings")) {
            var response = get("practitioner", "/api/children/" + south.childReference() + path);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody()).as("no trace of the child's name in %s", path).doesNotContain(south.childName().split(" ")[1]);
        }
        assertThat(get("practitioner", "/api/children?name=Smith-").getBody())
                .contains(north.childReference()).doesNotContain(south.childReference());

        var tasks = get("practitioner", "/engine-rest/task?processInstanceBusinessKey=" + south.childReference());
        assertThat(tasks.getBody()).isEqualTo("[]");
        assertThat(get("practitioner", "/engine-rest/task?candidateGroup=practitioner").getBody()).doesNotContain(screening.getId());
        assertThat(get("practitioner", "/engine-rest/task/count?withCandidateGroups=true&processInstanceBusinessKey=" + south.childReference())
                .getBody()).isEqualTo("{\"count\":0}");
        for (var southTask : List.of(screening, task(south.processInstanceId(), "Task_CompleteAssessment"))) {
            assertThat(status("practitioner", "/engine-rest/task/" + southTask.getId())).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
            assertThat(status("practitioner", "/engine-rest/task/" + southTask.getId() + "/variables")).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
            assertThat(status("practitioner", "/engine-rest/task/" + southTask.getId() + "/form-variables")).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        }
        for (var path : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + south.processInstanceId(),
                "/engine-rest/history/variable-instance?processInstanceId=" + south.processInstanceId(),
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + south.childReference(),
                "/engine-rest/history/activity-instance?processInstanceId=" + south.processInstanceId(),
                "/engine-rest/history/detail?processInstanceId=" + south.processInstanceId(),
                "/engine-rest/execution?businessKey=" + south.childReference(),
                "/engine-rest/job?processInstanceId=" + south.processInstanceId(),
                "/engine-rest/incident?processInstanceId=" + south.processInstanceId())) {
            var response = get("practitioner", path);
            assertThat(response.getStatusCode().value()).as(path).isIn(200, 403);
            if (response.getStatusCode().value() == 200) {
                assertThat(response.getBody()).as(path).isIn("[]", "{\"count\":0}");
            }
        }
        var deletion = new HttpHeaders();
        deletion.setBasicAuth("practitioner", "demo");
        assertThat(http.exchange("/engine-rest/process-instance/" + south.processInstanceId(), HttpMethod.DELETE, new HttpEntity<>(deletion), String.class)
                .getStatusCode().value()).isIn(403, 404);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(south.processInstanceId()).count()).isOne();
        assertThat(status("practitioner", "/engine-rest/process-instance?businessKey=" + south.childReference())).isEqualTo(HttpStatus.OK);
        assertThat(get("practitioner", "/engine-rest/process-instance?businessKey=" + south.childReference()).getBody()).isEqualTo("[]");
        assertThat(get("practitioner", "/engine-rest/history/task?processInstanceBusinessKey=" + south.childReference()).getBody())
                .isIn("[]", null);
    }

    @Test
    void theSouthTeamSeesItsOwnChildAndItsWork() {
        assertThat(status("practitioner-south", "/api/children/" + south.childReference())).isEqualTo(HttpStatus.OK);
        assertThat(status("practitioner-south", "/api/children/" + north.childReference())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("practitioner-south", "/api/children/" + frontDoor.childReference())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("practitioner-south", "/engine-rest/task?processInstanceBusinessKey=" + south.childReference()).getBody())
                .contains("Complete child and family assessment");
        assertThat(status("team-manager-south", "/api/children/" + south.childReference() + "/deadlines")).isEqualTo(HttpStatus.OK);
        assertThat(status("team-manager", "/api/children/" + south.childReference() + "/deadlines")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aReferralAboutAKnownChildIsTakenByTheFrontDoorOrTheChildsOwnTeamOnly() {
        var referrals = "select count(*) from referral where child_reference = ?";
        var before = jdbc.queryForObject(referrals, Long.class, north.childReference());
        var outside = postReferral("practitioner-south", north.childReference());
        assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(outside.getBody()).doesNotContain(north.childName().split(" ")[1]);
        assertThat(jdbc.queryForObject(referrals, Long.class, north.childReference())).as("nothing recorded").isEqualTo(before);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(north.childReference())
                .processDefinitionKey("referral-to-assessment").count()).isOne();

        assertThat(postReferral("practitioner", south.childReference()).getStatusCode()).as("the front door").isEqualTo(HttpStatus.CREATED);

        // registering the North child again as new: the front door is told who it is, the South team only that it is known
        var names = north.childName().split(" ");
        var sameChild = Map.<String, Object>of("givenName", names[0], "familyName", names[1], "dateOfBirth", "2018-05-01");
        var toSouth = postReferral("practitioner-south", sameChild);
        assertThat(toSouth.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(toSouth.getBody()).doesNotContain(north.childReference()).contains("ask the front door");
        var toFrontDoor = postReferral("practitioner", sameChild);
        assertThat(toFrontDoor.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(toFrontDoor.getBody()).contains(north.childReference());
        assertThat(postReferral("practitioner-south", south.childReference()).getStatusCode()).as("the child's team").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void driftAlertsReachOnlyTheManagersOfTheChildsTeam() {
        clockAt("2027-12-01T10:00");
        missDeadline(south.processInstanceId(), "SubProcess_Assessment");

        assertThat(get("team-manager-south", "/api/alerts").getBody()).contains(south.childReference());
        assertThat(get("team-manager", "/api/alerts").getBody()).doesNotContain(south.childReference());
        assertThat(get("service-manager", "/api/alerts").getBody()).contains(south.childReference());
        var escalation = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(south.childReference())
                .taskDefinitionKey("Task_ActOnMissedDeadline").singleResult();
        BpmnAwareTests.assertThat(escalation).hasCandidateGroupAssociated("south-assessment-team--team-manager");
        assertThat(get("team-manager", "/engine-rest/task?processDefinitionKey=drift-escalation").getBody())
                .doesNotContain(escalation.getId());
        assertThat(get("team-manager-south", "/engine-rest/task?processDefinitionKey=drift-escalation").getBody())
                .contains(escalation.getId());
    }

    @Test
    void seniorManagersAndAdministratorsSeeEveryChild() {
        for (var user : List.of("service-manager", "head-of-service", "director", "admin")) {
            for (var child : List.of(north, south, frontDoor)) {
                assertThat(status(user, "/api/children/" + child.childReference())).as("%s: %s", user, child).isEqualTo(HttpStatus.OK);
            }
        }
    }

    @Test
    void anIroSeesTheChildrenWhoseConferenceTheyChairAndNoOthers() {
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId("iro-2").count() == 0) {
            var second = identity.newUser("iro-2");
            second.setFirstName("Irene");
            second.setLastName("Osei");
            second.setPassword("demo");
            identity.saveUser(second);
            identity.createMembership("iro-2", "iro");
        }
        var child = children.register(new NewChild("Ivy", "Conference-" + System.nanoTime(), null, null, null));
        var instance = engine.getRuntimeService().createProcessInstanceByKey("referral-to-assessment").businessKey(child.reference())
                .setVariables(Map.of("childRef", child.reference(), "childName", child.name(),
                        "conferenceClockStartedOn", java.util.Date.from(java.time.Instant.now())))
                .startBeforeActivity("SubProcess_InitialConference").execute();
        var conference = task(instance.getId(), "Task_HoldInitialConference");

        // offered to every independent chair until one of them takes it
        assertThat(status("iro", "/api/children/" + child.reference())).isEqualTo(HttpStatus.OK);
        assertThat(status("iro-2", "/api/children/" + child.reference())).isEqualTo(HttpStatus.OK);
        assertThat(status("iro", "/api/children/" + north.childReference())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("legal", "/api/children/" + child.reference())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("practitioner", "/api/children/" + child.reference())).as("a child not yet allocated is the front door's")
                .isEqualTo(HttpStatus.OK);

        // the chair completes it without claiming it first (the REST API allows that): the child stays theirs alone
        var headers = new HttpHeaders();
        headers.setBasicAuth("iro", "demo");
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var answers = Map.of("variables", Map.of(
                "conferenceHeldOn", Map.of("value", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString()),
                "conferenceDecision", Map.of("value", "no-further-action"), "conferenceRationale", Map.of("value", "No continuing risk."),
                "legalPlanningRequested", Map.of("value", false)));
        var completed = http.exchange("/engine-rest/task/" + conference.getId() + "/complete", HttpMethod.POST, new HttpEntity<>(answers, headers), String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(conference.getId()).singleResult().getAssignee())
                .as("who did the work is on the record").isEqualTo("iro");

        assertThat(status("iro", "/api/children/" + child.reference())).isEqualTo(HttpStatus.OK);
        assertThat(status("iro-2", "/api/children/" + child.reference())).as("another chair's child").isEqualTo(HttpStatus.NOT_FOUND);
    }

    // ----------------------------------------------------------------- helpers

    private void allocate(ReferralFixtures.Taken referral, String screener, String manager, String worker) {
        completeAs(screener, task(referral.processInstanceId(), "Task_ScreenContact"), Map.of("ragRating", "amber",
                "screeningDecision", "assessment", "screeningRationale", "Needs assessment."));
        completeAs(manager, task(referral.processInstanceId(), "Task_AllocateSocialWorker"), Map.of("allocatedWorker", worker));
    }

    private ResponseEntity<String> postReferral(String user, String childReference) {
        return postReferral(user, Map.<String, Object>of("reference", childReference));
    }

    private ResponseEntity<String> postReferral(String user, Map<String, Object> child) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var body = Map.of("child", child, "receivedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0).toString(),
                "source", "POLICE", "concerns", "Police called to the home overnight.", "referrer", Map.of("name", "PC Dan Hill"));
        return http.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(get(user, path).getStatusCode().value());
    }

    private ResponseEntity<String> get(String user, String path) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
