package org.carepath.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.TasklistSession;
import org.carepath.proceedings.ProceedingsFixtures;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The manager view: late work, care proceedings and caseloads, for managers, within their scope, on the audit trail. */
@CarePathTest
class ManagerViewTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures referrals;
    @Autowired
    ProceedingsFixtures proceedings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.carepath.child.Children children;
    @Autowired
    org.carepath.lookedafter.LookedAfterFixtures lookedAfter;

    @Test
    void aTeamManagerSeesTheirTeamsLateWorkProceedingsAndCaseloadsAndNothingOfAnotherTeam() {
        var received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0).toString();
        var north = referrals.referralReceivedAt(received);
        var south = referrals.referralReceivedAt(received);
        allocate(north, "team-manager", "practitioner");
        allocate(south, "team-manager", "practitioner-south"); // the front door allocates to a team
        var legal = proceedings.requested();
        clockAt("2027-12-01T10:00");
        missDeadline(north.processInstanceId(), "SubProcess_Assessment");
        missDeadline(south.processInstanceId(), "SubProcess_Assessment");

        var page = manager("team-manager");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody())
                .contains("Late statutory work").contains(north.childName()).contains(north.childReference())
                .contains("Child and family assessment completed").contains("Team manager")
                .contains("Care proceedings").contains(legal.childReference()).contains("Legal planning")
                .contains("Caseloads").contains("Priya Patel")
                .doesNotContain(south.childName()).doesNotContain(south.childReference()).doesNotContain("Sam Reid");
        assertThat(page.getBody()).as("the worker's open and overdue tasks count, though the manager could not open them")
                .containsPattern("(?s)>Priya Patel</td>\\s*<td[^>]*>North assessment team</td>.*?data-count=\"open\">[1-9]\\d*</td>"
                        + "\\s*<td[^>]*carepath-late[^>]*data-count=\"overdue\">[1-9]");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and username = 'team-manager'"
                + " and subject = 'manager view' and interface = 'MANAGER_VIEW'", Long.class, north.childReference()))
                .as("showing the child is on their audit trail, once").isOne();

        assertThat(manager("service-manager").getBody()).contains(north.childName()).contains(south.childName()).contains("Sam Reid");
        assertThat(manager("team-manager-south").getBody()).contains(south.childName()).doesNotContain(north.childName());
    }

    @Test
    void aChildsLinkShowsAllTheirOpenWorkWhoeverHoldsItToTheManagersOfTheirTeamOnly() {
        var referral = referrals.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0).toString());
        var page = get("team-manager", "/manager/children/" + referral.childReference());
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(referral.childName()).contains("id=\"open-work\"")
                .as("the social worker's task, which the manager cannot open in the Tasklist").contains("Screen contact")
                .contains("Waiting for").contains("This child's tasks in the Tasklist");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and username = 'team-manager'"
                + " and subject = 'manager view: the child''s open work'", Long.class, referral.childReference())).isOne();
        assertThat(get("team-manager-south", "/manager/children/" + referral.childReference()).getStatusCode())
                .as("another team's manager learns nothing").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("practitioner", "/manager/children/" + referral.childReference()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyManagersWhoHaveSignedInSeeIt() throws Exception {
        var practitioner = manager("practitioner");
        assertThat(practitioner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(practitioner.getBody()).contains("for team managers, service managers and administrators");

        assertThat(get("practitioner", "/manager/access").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("team-manager", "/manager/access").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity("/manager/access", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // without a session: to the sign-in, which brings them back (a bookmark works)
        var nobody = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(http.getRootUri() + "/manager")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(nobody.statusCode()).isEqualTo(HttpStatus.SEE_OTHER.value());
        assertThat(nobody.headers().firstValue("Location")).hasValue("/camunda/app/tasklist/default/?carepath-return=manager");
        assertThat(java.net.URI.create(http.getRootUri() + "/manager").resolve(nobody.headers().firstValue("Location").orElseThrow()).getPath())
                .isEqualTo("/camunda/app/tasklist/default/");
        assertThat(nobody.body()).contains("Sign in to CarePath first");
    }

    @Test
    void thePermanenceTrackerShowsEachChildInCareTheirPlacementNextReviewAndPermanencePlan() {
        var today = java.time.LocalDate.now(LONDON);
        var north = referrals.referralReceivedAt(java.time.OffsetDateTime.now().minusDays(40).withNano(0).toString());
        allocate(north, "team-manager", "practitioner");
        var child = north.childReference();
        children.changeLegalStatus(child, org.carepath.child.LegalStatus.INTERIM_CARE_ORDER, today.minusDays(30), "Interim care order");
        lookedAfter.place(child, today.minusDays(30));

        var page = manager("team-manager").getBody();
        var row = page.substring(page.indexOf("id=\"permanence\""));
        assertThat(row).contains(north.childName()).contains("Interim care order").contains("Foster care own carers")
                .contains("none yet: due after the first review");
        // the first review, 20 working days from becoming looked after, is already past: red
        assertThat(row).containsPattern("data-tone=\"red\">[^<]+</strong>");
        assertThat(page).contains("Children looked after");
        assertThat(row).as("not yet booked onto a panel").contains("not booked");
        assertThat(manager("team-manager-south").getBody()).doesNotContain(north.childName());

        // booked onto a permanence panel, then deferred to a later sitting: the tracker says when, the papers and the deferral
        var administrator = http.withBasicAuth("panel-administrator", "demo");
        var first = today.plusWeeks(5).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.TUESDAY));
        var second = first.plusWeeks(4);
        long[] sittings = new long[2];
        for (int i = 0; i < 2; i++) {
            var created = administrator.postForEntity("/api/panel-sittings", Map.of("type", "PERMANENCE", "date",
                    (i == 0 ? first : second).toString(), "time", "10:00", "place", "County Hall"), Map.class);
            assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
            sittings[i] = ((Number) created.getBody().get("id")).longValue();
        }
        var booked = administrator.postForEntity("/api/panel-sittings/" + sittings[0] + "/bookings",
                Map.of("child", child, "reason", "Long-term fostering plan"), Map.class);
        assertThat(booked.getStatusCode()).as("%s", booked.getBody()).isEqualTo(HttpStatus.CREATED);
        var day = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy");
        var bookedRow = tracked(manager("team-manager").getBody(), north.childName());
        assertThat(bookedRow).contains(first.format(day)).contains("papers due by");
        var deferred = administrator.postForEntity("/api/panel-sittings/" + sittings[0] + "/bookings/" + booked.getBody().get("id")
                + "/deferral", Map.of("toSitting", sittings[1], "reason", "Assessment of the aunt not finished"), Map.class);
        assertThat(deferred.getStatusCode()).as("%s", deferred.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(tracked(manager("team-manager").getBody(), north.childName())).contains(second.format(day)).contains("deferred 1 time");
    }

    /** The child's row in the permanence tracker. */
    private static String tracked(String page, String childName) {
        var section = page.substring(page.indexOf("id=\"permanence\""));
        var at = section.indexOf(childName);
        return section.substring(at, section.indexOf("</tr>", at));
    }

    @Test
    void whatPeopleTypedIsShownAsTextNeverAsMarkup() {
        var child = children.register(new org.carepath.child.NewChild("<script>alert('x')</script>", "& \"Jo\"", null,
                org.carepath.child.Gender.FEMALE, null));
        var page = get("service-manager", "/manager/children/" + child.reference()).getBody();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Jo&quot;").doesNotContain("<script>alert");
    }

    private ResponseEntity<String> manager(String user) {
        return get(user, "/manager");
    }

    private ResponseEntity<String> get(String user, String path) {
        var session = TasklistSession.signIn(http, user);
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookies());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private void allocate(ReferralFixtures.Taken referral, String manager, String worker) {
        completeAs("practitioner", task(referral.processInstanceId(), "Task_ScreenContact"), Map.of("ragRating", "amber",
                "screeningDecision", "assessment", "screeningRationale", "Needs assessment."));
        completeAs(manager, task(referral.processInstanceId(), "Task_AllocateSocialWorker"), Map.of("allocatedWorker", worker));
    }
}
