package org.carepath.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.TasklistSession;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.carepath.identity.Groups;
import org.carepath.identity.Teams;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.LookedAfterFixtures;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The caseloads page and the IRO's page against a small data set of their own, whose answers are worked out by hand:
 * teams and workers only these tests use (East: Ana, Ben and their manager; West: Cat and hers; a care team with Dee,
 * whose three children are looked after and reviewed by two IROs of their own), so no other test's children count.
 *
 * <p>Wed 20 Nov 2097, the morning the pages are read. No bank-holiday data for 2097: working days are weekdays.
 * <ul>
 *   <li>A1: Cat (West) from 3 Jun 2096, Ana from 1 May 2097: one change. Tasks: T1 Ana's, due Mon 18 Nov (2 working
 *       days late); T2 Ana's, due 12 Jan 2098.</li>
 *   <li>A2: Ben from 3 Jun 2096, Ana 1 Aug 2096 (over a year ago: not counted), Ben 3 Feb 2097, Ana 1 Sep 2097: two
 *       changes. T3 nobody's yet, due Mon 11 Nov (7 working days late).</li>
 *   <li>B1: Ben from 1 Oct 2097, a first allocation: no change. T4 Ben's, due Mon 2 Dec.</li>
 *   <li>B2: Ben from 1 May 2097, Ben again from 2 Jun 2097 (the same worker): no change. T5 the East manager's, due
 *       Tue 19 Nov (1 working day late).</li>
 *   <li>W1: Cat (West) from 1 Sep 2097. T6 Cat's, due Fri 1 Nov: overdue, but not the East team's.</li>
 *   <li>L1, L3: looked after from Mon 7 Oct 2097, first review due 20 working days on, Mon 4 Nov: 12 working days
 *       overdue. L2: looked after from Mon 18 Nov, first review due Mon 16 Dec: on time. L1 and L2 are reviewed by
 *       Isla (cl-iro), L3 by Owen (cl-iro-2). Isla has an open dispute about L1's care plan, Owen about L3's.</li>
 * </ul>
 */
@CarePathTest
class CaseloadsAndReviewsTest extends ProcessTestSupport {

    static final String EAST = "cl-east-team";
    static final String WEST = "cl-west-team";
    static final String CARE = "cl-care-team";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures referrals;
    @Autowired
    Children children;
    @Autowired
    LookedAfterFixtures lookedAfter;
    @Autowired
    IdentityService identity;
    @Autowired
    Caseloads caseloads;
    @Autowired
    IroReviews reviews;
    @Autowired
    JdbcTemplate jdbc;

    /** The data set is made once: its counts are per worker and team, which a second seeding would double. */
    static Seeded seeded;

    record Seeded(String a1, String a2, String b1, String b2, String w1, String l1, String l2, String l3,
                  String t1, String t2, String t3, String t4, String t5, String t6) {
    }

    @BeforeEach
    void seedOnce() {
        if (seeded == null) {
            seeded = seed();
        }
        clockAt("2097-11-20T09:00");
    }

    private Seeded seed() {
        team(EAST, "East caseload team");
        team(WEST, "West caseload team");
        team(CARE, "Care caseload team");
        user("cl-ana", "Ana", "Ashe", Groups.PRACTITIONER, EAST);
        user("cl-ben", "Ben", "Brook", Groups.PRACTITIONER, EAST);
        user("cl-manager", "Meg", "East", Groups.TEAM_MANAGER, EAST);
        user("cl-cat", "Cat", "Cole", Groups.PRACTITIONER, WEST);
        user("cl-manager-west", "Wyn", "West", Groups.TEAM_MANAGER, WEST);
        user("cl-dee", "Dee", "Dale", Groups.PRACTITIONER, CARE);
        user("cl-manager-care", "Cara", "Care", Groups.TEAM_MANAGER, CARE);
        user("cl-iro", "Isla", "Reed", Groups.IRO, null);
        user("cl-iro-2", "Owen", "Reed", Groups.IRO, null);

        clockAt("2096-06-03T09:00");
        var a1 = referrals.referralReceivedAt("2096-06-03T08:00:00Z");
        allocate(a1.childReference(), "cl-cat", WEST);
        var a2 = referrals.referralReceivedAt("2096-06-03T08:00:00Z");
        allocate(a2.childReference(), "cl-ben", EAST);
        clockAt("2096-08-01T09:00");
        allocate(a2.childReference(), "cl-ana", EAST);
        clockAt("2097-02-03T09:00");
        allocate(a2.childReference(), "cl-ben", EAST);
        clockAt("2097-05-01T09:00");
        allocate(a1.childReference(), "cl-ana", EAST);
        var b2 = referrals.referralReceivedAt("2097-05-01T08:00:00Z");
        allocate(b2.childReference(), "cl-ben", EAST);
        clockAt("2097-06-02T09:00");
        allocate(b2.childReference(), "cl-ben", EAST);
        clockAt("2097-09-01T09:00");
        allocate(a2.childReference(), "cl-ana", EAST);
        var w1 = referrals.referralReceivedAt("2097-09-01T08:00:00Z");
        allocate(w1.childReference(), "cl-cat", WEST);
        clockAt("2097-10-01T09:00");
        var b1 = referrals.referralReceivedAt("2097-10-01T08:00:00Z");
        allocate(b1.childReference(), "cl-ben", EAST);
        clockAt("2097-11-19T09:00");
        var a1Again = referrals.referralAbout(a1, "2097-11-19T08:00:00Z");

        var t1 = task(a1.processInstanceId(), "cl-ana", "2097-11-18");
        var t2 = task(a1Again.processInstanceId(), "cl-ana", "2098-01-12");
        var t3 = task(a2.processInstanceId(), null, "2097-11-11");
        var t4 = task(b1.processInstanceId(), "cl-ben", "2097-12-02");
        var t5 = task(b2.processInstanceId(), "cl-manager", "2097-11-19");
        var t6 = task(w1.processInstanceId(), "cl-cat", "2097-11-01");

        var l1 = lookedAfterFrom("2097-10-07", "cl-iro");
        var l3 = lookedAfterFrom("2097-10-07", "cl-iro-2");
        var l2 = lookedAfterFrom("2097-11-18", "cl-iro");
        clockAt("2097-11-19T09:00");
        assertThat(basic("cl-iro", HttpMethod.POST, "/api/children/" + l1 + "/disputes",
                Map.of("concern", "The care plan says nothing of contact with her brother.")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(basic("cl-iro-2", HttpMethod.POST, "/api/children/" + l3 + "/disputes",
                Map.of("concern", "No school place for a term.")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new Seeded(a1.childReference(), a2.childReference(), b1.childReference(), b2.childReference(), w1.childReference(),
                l1, l2, l3, t1, t2, t3, t4, t5, t6);
    }

    // ------------------------------------------------------------------ caseloads

    @Test
    void aTeamManagerSeesTheirTeamsChildrenTasksOverdueTasksAndChangesOfWorker() {
        var view = caseloads.of(Viewer.of(identity, "cl-manager"), null);
        assertThat(view.ownCaseload()).isFalse();
        assertThat(view.teams()).filteredOn(t -> t.team().equals(EAST)).singleElement()
                .isEqualTo(new Caseloads.TeamLoad(EAST, "East caseload team", 2, 4, 5, 1, 3));
        assertThat(view.teams()).as("another team's").noneMatch(t -> t.team().equals(WEST) || t.team().equals(CARE));
        assertThat(view.workers()).filteredOn(w -> w.worker().startsWith("cl-")).containsExactly(
                new Caseloads.WorkerLoad("cl-ana", "Ana Ashe", "East caseload team", 2, 2, 1),
                new Caseloads.WorkerLoad("cl-ben", "Ben Brook", "East caseload team", 2, 1, 0),
                new Caseloads.WorkerLoad("cl-manager", "Meg East", null, 0, 1, 1));

        var mine = List.of(seeded.t1(), seeded.t3(), seeded.t5(), seeded.t6());
        assertThat(view.overdue()).filteredOn(o -> mine.contains(o.taskId())).as("longest overdue first; not the West team's").containsExactly(
                new Caseloads.OverdueTask(seeded.a2(), name(seeded.a2()), seeded.t3(), "Screen contact", LocalDate.parse("2097-11-11"), 7, null),
                new Caseloads.OverdueTask(seeded.a1(), name(seeded.a1()), seeded.t1(), "Screen contact", LocalDate.parse("2097-11-18"), 2, "Ana Ashe"),
                new Caseloads.OverdueTask(seeded.b2(), name(seeded.b2()), seeded.t5(), "Screen contact", LocalDate.parse("2097-11-19"), 1, "Meg East"));

        var ours = List.of(seeded.a1(), seeded.a2(), seeded.b1(), seeded.b2(), seeded.w1());
        assertThat(view.changes()).filteredOn(c -> ours.contains(c.reference())).as("most changes first; none for B1 or B2").containsExactly(
                new Caseloads.ChildChanges(seeded.a2(), name(seeded.a2()), "Ana Ashe", "East caseload team", List.of(
                        new Caseloads.Change(LocalDate.parse("2097-02-03"), "Ana Ashe", "Ben Brook"),
                        new Caseloads.Change(LocalDate.parse("2097-09-01"), "Ben Brook", "Ana Ashe"))),
                new Caseloads.ChildChanges(seeded.a1(), name(seeded.a1()), "Ana Ashe", "East caseload team", List.of(
                        new Caseloads.Change(LocalDate.parse("2097-05-01"), "Cat Cole", "Ana Ashe"))));
        assertThat(view.changesSince()).isEqualTo(LocalDate.parse("2096-11-21"));
    }

    @Test
    void aServiceManagerSeesEveryTeamAndMayNarrowToOne() {
        var all = caseloads.of(Viewer.of(identity, "service-manager"), null);
        assertThat(all.teams()).filteredOn(t -> t.team().equals(EAST) || t.team().equals(WEST)).as("in the order of their names").containsExactly(
                new Caseloads.TeamLoad(EAST, "East caseload team", 2, 4, 5, 1, 3),
                new Caseloads.TeamLoad(WEST, "West caseload team", 1, 1, 1, 0, 1));
        assertThat(all.teamOptions()).containsEntry(EAST, "East caseload team").containsEntry(WEST, "West caseload team");
        var east = caseloads.of(Viewer.of(identity, "service-manager"), EAST);
        assertThat(east.teams()).extracting(Caseloads.TeamLoad::team).containsExactly(EAST);
        assertThat(east.overdue()).extracting(Caseloads.OverdueTask::taskId).contains(seeded.t1()).doesNotContain(seeded.t6());
        assertThat(east.workers()).extracting(Caseloads.WorkerLoad::worker).doesNotContain("cl-cat");
    }

    @Test
    void aSocialWorkerSeesTheirOwnCaseloadOnly() {
        var view = caseloads.of(Viewer.of(identity, "cl-ana"), null);
        assertThat(view.ownCaseload()).isTrue();
        assertThat(view.teams()).isEmpty();
        assertThat(view.workers()).containsExactly(new Caseloads.WorkerLoad("cl-ana", "Ana Ashe", "East caseload team", 2, 2, 1));
        assertThat(view.overdue()).extracting(Caseloads.OverdueTask::taskId).as("not the unassigned T3, nor the manager's T5")
                .containsExactly(seeded.t1());
        assertThat(view.changes()).extracting(Caseloads.ChildChanges::reference).containsExactly(seeded.a2(), seeded.a1());
    }

    @Test
    void onThePageEachSeesExactlyTheirScopeAndEachChildShownIsOneAuditRow() {
        var manager = page("cl-manager", "/tracker/caseloads");
        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.OK);
        var body = manager.getBody();
        assertThat(body).contains("<h1 class=\"govuk-heading-xl\">Caseloads</h1>")
                .containsPattern("(?s)data-team=\"" + EAST + "\">.*?data-count=\"children\">4<.*?data-count=\"open\">5<.*?data-count=\"waiting\">1<"
                        + ".*?data-count=\"overdue\">3<")
                .containsPattern("(?s)data-worker=\"cl-ana\">.*?href=\"/tracker\\?worker=cl-ana\".*?data-count=\"children\">2<.*?data-count=\"open\">2<")
                .contains("data-child=\"" + seeded.a1() + "\"").contains("data-task=\"" + seeded.t3() + "\"")
                .contains("href=\"/tracker/children/" + seeded.a2() + "\"")
                .contains("href=\"/camunda/app/tasklist/default/#/?task=" + seeded.t1() + "\"")
                .doesNotContain(seeded.w1()).doesNotContain(seeded.t6()).doesNotContain("data-worker=\"cl-cat\"")
                .contains("href=\"/tracker/caseloads\"");
        var west = page("cl-manager-west", "/tracker/caseloads").getBody();
        assertThat(west).contains("data-task=\"" + seeded.t6() + "\"").doesNotContain(seeded.a1()).doesNotContain(seeded.t1());
        var ana = page("cl-ana", "/tracker/caseloads").getBody();
        assertThat(ana).contains("My caseload").contains("data-task=\"" + seeded.t1() + "\"").doesNotContain(seeded.t3())
                .doesNotContain("data-worker=\"cl-ben\"").doesNotContain("id=\"teams\"");
        assertThat(page("cl-iro", "/tracker/caseloads").getStatusCode()).as("not the social work line").isEqualTo(HttpStatus.FORBIDDEN);

        long before = audited("cl-manager", seeded.a1(), "caseloads");
        page("cl-manager", "/tracker/caseloads");
        assertThat(audited("cl-manager", seeded.a1(), "caseloads") - before).as("shown twice on the page, one row").isOne();
        assertThat(audited("cl-manager", seeded.b1(), "caseloads")).as("counted, never named").isZero();
        assertThat(audited("cl-manager", seeded.w1(), "caseloads")).as("another team's").isZero();
    }

    // ------------------------------------------------------------------ the IRO's page

    @Test
    void theIroSeesExactlyTheChildrenTheyReviewTheirNextReviewsAndTheirOpenDispute() {
        var view = reviews.of(Viewer.of(identity, "cl-iro"), null);
        assertThat(view.ownReviews()).isTrue();
        assertThat(view.children()).extracting(IroReviews.Reviewed::reference).containsExactly(seeded.l1(), seeded.l2());
        assertThat(view.children().get(0)).satisfies(l1 -> {
            assertThat(l1.nextReview()).isEqualTo("First review");
            assertThat(l1.due()).as("20 working days from Mon 7 Oct").isEqualTo(LocalDate.parse("2097-11-04"));
            assertThat(l1.tone()).isEqualTo("red");
            assertThat(l1.workingDaysOverdue()).as("5 Nov to 20 Nov, weekdays").isEqualTo(12);
            assertThat(l1.workerName()).isEqualTo("Dee Dale");
            assertThat(l1.taskId()).isNotNull();
        });
        assertThat(view.children().get(1)).satisfies(l2 -> {
            assertThat(l2.due()).as("20 working days from Mon 18 Nov").isEqualTo(LocalDate.parse("2097-12-16"));
            assertThat(l2.tone()).isEqualTo("green");
            assertThat(l2.words()).isEqualTo("On time");
        });
        assertThat(view.overdue()).extracting(IroReviews.Reviewed::reference).containsExactly(seeded.l1());
        assertThat(view.disputes()).singleElement().satisfies(dispute -> {
            assertThat(dispute.reference()).isEqualTo(seeded.l1());
            assertThat(dispute.stage()).isEqualTo("Team manager");
            assertThat(dispute.step()).isEqualTo("Respond to the IRO's concern as team manager");
            assertThat(dispute.raisedOn()).isEqualTo(LocalDate.parse("2097-11-19"));
            assertThat(dispute.daysOpen()).isOne();
            assertThat(dispute.heldBy()).startsWith("Waiting for ");
            assertThat(dispute.viewerMayOpen()).as("the team manager's step, not the IRO's to open").isFalse();
        });
    }

    @Test
    void aTeamManagerSeesTheirTeamsChildrenWithEachIroAndMayNarrowToOne() {
        var view = reviews.of(Viewer.of(identity, "cl-manager-care"), null);
        assertThat(view.ownReviews()).isFalse();
        assertThat(view.children()).extracting(IroReviews.Reviewed::reference).containsExactlyInAnyOrder(seeded.l1(), seeded.l2(), seeded.l3());
        assertThat(view.iros()).containsEntry("cl-iro", "Isla Reed").containsEntry("cl-iro-2", "Owen Reed");
        assertThat(view.disputes()).extracting(IroReviews.OpenDispute::reference).containsExactlyInAnyOrder(seeded.l1(), seeded.l3());
        assertThat(view.disputes()).as("the team manager may pick the response up").allMatch(IroReviews.OpenDispute::viewerMayOpen);
        var owen = reviews.of(Viewer.of(identity, "cl-manager-care"), "cl-iro-2");
        assertThat(owen.children()).extracting(IroReviews.Reviewed::reference).containsExactly(seeded.l3());
        assertThat(owen.disputes()).extracting(IroReviews.OpenDispute::reference).containsExactly(seeded.l3());
        assertThat(reviews.of(Viewer.of(identity, "cl-manager"), null).children()).extracting(IroReviews.Reviewed::reference)
                .as("another team's children").doesNotContain(seeded.l1(), seeded.l2(), seeded.l3());
    }

    @Test
    void onTheIrosPageEachSeesExactlyTheirScopeAndASocialWorkerIsRefused() {
        var isla = page("cl-iro", "/tracker/reviews");
        assertThat(isla.getStatusCode()).isEqualTo(HttpStatus.OK);
        var body = isla.getBody();
        assertThat(body).contains("<h1 class=\"govuk-heading-xl\">My reviews</h1>")
                .contains("data-child=\"" + seeded.l1() + "\"").contains("data-child=\"" + seeded.l2() + "\"").doesNotContain(seeded.l3())
                .containsPattern("(?s)id=\"overdue-reviews\".*?data-child=\"" + seeded.l1() + "\".*?>12</td>.*?id=\"open-disputes\"")
                .containsPattern("(?s)id=\"open-disputes\".*?data-child=\"" + seeded.l1() + "\".*?Team manager.*?Respond to the IRO&#39;s concern as team manager")
                .contains("href=\"/tracker/reviews\"").contains(">My reviews</strong>");
        var care = page("cl-manager-care", "/tracker/reviews").getBody();
        assertThat(care).contains("IRO reviews").contains(seeded.l1()).contains(seeded.l3()).contains("Owen Reed");
        assertThat(page("cl-manager", "/tracker/reviews").getBody()).doesNotContain(seeded.l1()).doesNotContain(seeded.l3());
        var ana = page("cl-ana", "/tracker/reviews");
        assertThat(ana.getStatusCode()).as("a social worker who is not an IRO").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ana.getBody()).contains("Not for your role").doesNotContain(seeded.l1());
        assertThat(page("cl-ana", "/tracker").getBody()).as("no link to a page they do not have").doesNotContain("href=\"/tracker/reviews\"")
                .contains("href=\"/tracker/caseloads\"");

        long before = audited("cl-iro", seeded.l1(), "IRO's reviews");
        page("cl-iro", "/tracker/reviews");
        assertThat(audited("cl-iro", seeded.l1(), "IRO's reviews") - before).as("in three tables, one row").isOne();
        assertThat(audited("cl-iro", seeded.l3(), "IRO's reviews")).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private String lookedAfterFrom(String date, String iro) {
        clockAt(date + "T09:00");
        var child = children.register(new NewChild("Ava", "Care-" + System.nanoTime(), null, null, null)).reference();
        allocate(child, "cl-dee", CARE);
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.parse(date), "Interim care order");
        lookedAfter.place(child, LocalDate.parse(date));
        var appointed = basic("service-manager", HttpMethod.PUT, "/api/children/" + child + "/periods-in-care/current/iro", Map.of("iro", iro));
        assertThat(appointed.getStatusCode()).as("%s", appointed.getBody()).isEqualTo(HttpStatus.OK);
        return child;
    }

    private void allocate(String child, String worker, String team) {
        var person = identity.createUserQuery().userId(worker).singleResult();
        var group = identity.createGroupQuery().groupId(team).singleResult();
        children.allocate(child, worker, person.getFirstName() + " " + person.getLastName(), team, group.getName(), "cl-manager", "caseload test");
    }

    /** The journey's screening task, held by {@code assignee} (or nobody), due at the end of {@code due}. */
    private String task(String processInstanceId, String assignee, String due) {
        var tasks = engine.getTaskService();
        var task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_ScreenContact").singleResult();
        task.setAssignee(assignee);
        task.setDueDate(Date.from(LocalDate.parse(due).atTime(17, 0).atZone(LONDON).toInstant()));
        tasks.saveTask(task);
        return task.getId();
    }

    private void team(String id, String name) {
        group(id, name, Teams.TEAM_TYPE);
        for (var role : Teams.TEAM_SCOPED_ROLES) {
            group(Teams.roleInTeam(id, role), name + ": " + role, Teams.TEAM_ROLE_TYPE);
        }
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void user(String id, String first, String last, String role, String team) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        var user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, role);
        if (team != null) {
            identity.createMembership(id, team);
            identity.createMembership(id, Teams.roleInTeam(team, role));
        }
    }

    private String name(String reference) {
        return children.get(reference).name();
    }

    private long audited(String user, String child, String subject) {
        return jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and username = ? and subject = ?"
                + " and interface = 'MANAGER_VIEW'", Long.class, child, user, subject);
    }

    private ResponseEntity<String> page(String user, String path) {
        var session = TasklistSession.signIn(http, user);
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookies());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> basic(String user, HttpMethod method, String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body), String.class);
    }
}
