package org.carepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.runtime.Job;
import org.carepath.proceedings.ProceedingsFixtures;
import org.carepath.referral.ReferralFixtures;
import org.carepath.web.ConflictRetry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Races (issue 17, part 4): a timer firing never fails a person's work, and of two people doing the same task at the
 * same moment one succeeds and the other is told, 409, in words, that it was done.
 */
@CarePathTest
class ConcurrentWorkTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProceedingsFixtures proceedings;
    @Autowired
    ReferralFixtures referrals;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * The tester's case, made certain: the case management hearing's overdue timer fires in a transaction that has
     * written and not yet committed when the solicitor records the hearing, so the request's first attempt meets the
     * engine's optimistic locking. CarePath tries it again, and it is recorded: 201, not 500, not 409.
     */
    @Test
    void aHearingRecordedWhileTheCasesOverdueTimerFiresIsRecorded() throws Exception {
        var c = issuedOnMondayTwoMarch();
        clockAt("2026-03-16T10:00"); // the hearing was due by day 12 (13 March): its clock's deadline timer is due
        var clock = clockOf(c.processInstanceId(), "SubProcess_CaseManagementHearing");
        var due = dueJobs(List.of(clock.getId()));
        assertThat(due).as("the clock's timers are due").isNotEmpty();
        var retriedBefore = ConflictRetry.retried();

        var written = new CountDownLatch(1);
        var jobFailure = new AtomicReference<Throwable>();
        var timer = new Thread(() -> {
            try {
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
                    written.countDown();
                    // written, not committed: the request arrives meanwhile and waits on the rows; commit once it does
                    waitForARequestWaitingOnALock();
                });
            } catch (RuntimeException e) {
                jobFailure.set(e);
            } finally {
                written.countDown();
            }
        }, "timer");
        timer.start();
        assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();

        var hearing = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings", Map.of(
                "type", "CASE_MANAGEMENT", "heldOn", "2026-03-16", "outcome", "Interim care order renewed; timetable set.",
                "nextHearingOn", "2026-07-10", "nextHearingType", "ISSUES_RESOLUTION"));
        timer.join(60_000);

        System.out.printf("ConcurrentWorkTest hearing while its timer fires: answered %d, attempts made again %d, timer %s%n",
                hearing.getStatusCode().value(), ConflictRetry.retried() - retriedBefore,
                jobFailure.get() == null ? "committed" : "failed: " + jobFailure.get());
        assertThat(hearing.getStatusCode().value()).as(String.valueOf(hearing.getBody())).isEqualTo(201);
        assertThat(ConflictRetry.retried() - retriedBefore).as("the first attempt met the timer's change and was tried again")
                .isPositive();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey("Task_RecordIssuesResolutionHearing").count()).as("the journey moved on").isOne();
    }

    /**
     * Timers fire in a loop (as the job executor would) on several cases while their hearings are recorded: not one
     * request is answered 5xx, and each hearing is recorded.
     */
    @Test
    void timersFiringWhileRequestsArriveFailNoRequest() throws Exception {
        var cases = new ArrayList<ProceedingsFixtures.Case>();
        for (int i = 0; i < 8; i++) {
            cases.add(issuedOnMondayTwoMarch());
        }
        clockAt("2026-03-16T10:00");
        var instances = new ArrayList<String>();
        for (var c : cases) {
            instances.add(c.processInstanceId());
            instances.add(clockOf(c.processInstanceId(), "SubProcess_CaseManagementHearing").getId());
        }
        var retriedBefore = ConflictRetry.retried();
        var firing = new AtomicBoolean(true);
        var fired = new AtomicInteger();
        var jobConflicts = new AtomicInteger();
        var executor = new Thread(() -> {
            while (firing.get()) {
                var jobs = dueJobs(instances);
                for (var job : jobs) {
                    try {
                        engine.getManagementService().executeJob(job.getId());
                        fired.incrementAndGet();
                    } catch (RuntimeException e) {
                        jobConflicts.incrementAndGet(); // the engine tries a job again; a person's request is not tried by anyone
                    }
                }
                if (jobs.isEmpty()) {
                    sleep(5);
                }
            }
        }, "job-executor");
        executor.start();
        var answers = Collections.synchronizedList(new ArrayList<Integer>());
        try {
            var start = new CyclicBarrier(cases.size());
            var requests = new ArrayList<Thread>();
            for (var c : cases) {
                var request = new Thread(() -> {
                    await(start);
                    var response = post("legal", "/api/proceedings/" + c.proceedingsId() + "/hearings", Map.of(
                            "type", "CASE_MANAGEMENT", "heldOn", "2026-03-16", "outcome", "Timetable set.",
                            "nextHearingOn", "2026-07-10", "nextHearingType", "ISSUES_RESOLUTION"));
                    answers.add(response.getStatusCode().value());
                    if (response.getStatusCode().value() != 201) {
                        System.out.println("ConcurrentWorkTest answered " + response.getStatusCode().value() + ": " + response.getBody());
                    }
                }, "request-" + c.proceedingsId());
                request.start();
                requests.add(request);
            }
            for (var request : requests) {
                request.join(120_000);
            }
        } finally {
            firing.set(false);
            executor.join(60_000);
        }
        long serverErrors = answers.stream().filter(status -> status >= 500).count();
        System.out.printf("ConcurrentWorkTest timers firing while requests arrive: requests %d, answers %s, 5xx %d,"
                        + " jobs fired %d, jobs that lost a race %d, attempts made again %d%n",
                cases.size(), answers, serverErrors, fired.get(), jobConflicts.get(), ConflictRetry.retried() - retriedBefore);
        assertThat(serverErrors).isZero();
        assertThat(answers).hasSize(cases.size()).containsOnly(201);
    }

    /** Two people complete the same task at the same moment: one 204, the other 409 saying it was done already. */
    @Test
    void ofTwoPeopleCompletingOneTaskAtOnceOneSucceedsAndTheOtherIsToldItIsDone() throws Exception {
        var tallies = new ArrayList<List<Integer>>();
        for (int trial = 0; trial < 3; trial++) {
            var referral = referrals.referralReceivedAt(londonNowIso());
            var task = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                    .taskDefinitionKey("Task_ScreenContact").singleResult();
            var variables = new LinkedHashMap<String, Object>();
            Map.of("ragRating", "amber", "screeningDecision", "assessment", "screeningRationale", "Repeat incidents; needs a full assessment.")
                    .forEach((name, value) -> variables.put(name, Map.of("value", value)));
            var answers = race(List.of("practitioner", "admin"), user -> post(user, "/engine-rest/task/" + task.getId() + "/complete",
                    Map.of("variables", variables)));
            tallies.add(answers.stream().map(a -> a.getStatusCode().value()).sorted().toList());
            assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(204, 409);
            var refused = answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow();
            assertThat(String.valueOf(refused.getBody())).contains("already completed by");
            assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(referral.processInstanceId())
                    .taskDefinitionKey("Task_ScreenContact").count()).as("done once").isOne();
        }
        System.out.println("ConcurrentWorkTest two completing one task, answers per trial: " + tallies);
    }

    /**
     * Four at once, as a team at a morning meeting might: one's is recorded, and each of the others is told it was
     * done, never that what they sent was wrong (400) or that CarePath failed (500). Before the task's row was locked
     * first, about one trial in forty read the task from before the winner's commit and its journey from after it.
     */
    @Test
    void ofFourPeopleCompletingOneTaskAtOnceOneIsRecordedAndTheOthersAreToldItIsDone() throws Exception {
        var tallies = new ArrayList<List<Integer>>();
        for (int trial = 0; trial < 8; trial++) {
            var referral = referrals.referralReceivedAt(londonNowIso());
            var task = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                    .taskDefinitionKey("Task_ScreenContact").singleResult();
            var answers = race(List.of("practitioner", "admin", "practitioner", "admin"),
                    user -> post(user, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", screening())));
            tallies.add(answers.stream().map(a -> a.getStatusCode().value()).sorted().toList());
            assertThat(answers).as("%s", answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(204, 409, 409, 409);
        }
        System.out.println("ConcurrentWorkTest four completing one task, answers per trial: " + tallies);
    }

    /**
     * A completion arrives while another's is written and not yet committed: it waits for that commit on the task's
     * row before it reads anything of the task, then finds it done (409).
     */
    @Test
    void aCompletionWaitsOnTheTaskForAnotherBeingCommittedThenIsToldItIsDone() throws Exception {
        var referral = referrals.referralReceivedAt(londonNowIso());
        var task = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey("Task_ScreenContact").singleResult();
        var late = new AtomicReference<ResponseEntity<Map<String, Object>>>();
        var waitingOn = new AtomicReference<String>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            var typed = new LinkedHashMap<String, Object>();
            screening().forEach((name, value) -> typed.put(name, ((Map<?, ?>) value).get("value")));
            engine.getTaskService().complete(task.getId(), typed);
            var request = new Thread(() -> late.set(post("practitioner", "/engine-rest/task/" + task.getId() + "/complete",
                    Map.of("variables", screening()))), "late");
            request.start();
            waitingOn.set(waitForARequestWaitingOnALock());
        });
        await(() -> late.get() != null);
        assertThat(waitingOn.get()).as("the statement that waited").containsIgnoringCase("ACT_RU_TASK").containsIgnoringCase("for update");
        assertThat(late.get().getStatusCode().value()).as("%s", late.get().getBody()).isEqualTo(409);
        assertThat(String.valueOf(late.get().getBody())).contains("already completed by");
    }

    /**
     * Two at the front door refer the same new child at the same moment (a school and the police, say): one record is
     * made, and the other is told the child is already recorded under it (409), never two records of one child.
     */
    @Test
    void twoReferralsOfOneNewChildAtOnceMakeOneRecord() throws Exception {
        var tallies = new ArrayList<List<Integer>>();
        for (int trial = 0; trial < 3; trial++) {
            var family = "Race-" + System.nanoTime();
            var answers = race(List.of("practitioner", "practitioner"), user -> post(user, "/api/referrals", Map.of(
                    "child", Map.of("givenName", "Remi", "familyName", family, "dateOfBirth", "2019-03-04", "gender", "MALE"),
                    "receivedAt", londonNowIso(), "source", "SCHOOL", "concerns", "Arrives hungry most days.",
                    "referrer", Map.of("name", "Ann Jones", "organisation", "St Mary's Primary School"))));
            tallies.add(answers.stream().map(a -> a.getStatusCode().value()).sorted().toList());
            assertThat(answers).as("%s", answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(201, 409);
            var recorded = String.valueOf(answers.stream().filter(a -> a.getStatusCode().value() == 201).findFirst().orElseThrow()
                    .getBody().get("childReference"));
            assertThat(String.valueOf(answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow().getBody()))
                    .contains("already recorded as " + recorded);
            try (var connection = dataSource.getConnection();
                 var statement = connection.prepareStatement("select count(*) from child where family_name = ?")) {
                statement.setString(1, family);
                try (var result = statement.executeQuery()) {
                    result.next();
                    assertThat(result.getInt(1)).as("records of the child").isOne();
                }
            }
        }
        System.out.println("ConcurrentWorkTest two referring one new child, answers per trial: " + tallies);
    }

    private static Map<String, Object> screening() {
        var variables = new LinkedHashMap<String, Object>();
        Map.of("ragRating", "amber", "screeningDecision", "assessment", "screeningRationale", "Repeat incidents; needs a full assessment.")
                .forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    /**
     * The one who loses the race may see the child no longer once the task is done (the work has gone to another
     * team): the task was offered to them, so they are still told it is done, not that it never existed.
     */
    @Test
    void whoeverATaskWasOfferedToIsToldItIsDoneEvenWhenTheChildHasMovedOnFromThem() throws Exception {
        var referral = referrals.referralReceivedAt(londonNowIso());
        var task = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey("Task_ScreenContact").singleResult();
        var variables = new LinkedHashMap<String, Object>();
        Map.of("ragRating", "amber", "screeningDecision", "assessment", "screeningRationale", "Needs a full assessment.")
                .forEach((name, value) -> variables.put(name, Map.of("value", value)));
        assertThat(post("admin", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables))
                .getStatusCode().value()).isEqualTo(204);
        var late = post("practitioner", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
        assertThat(late.getStatusCode().value()).as("%s", late.getBody()).isEqualTo(409);
        assertThat(String.valueOf(late.getBody())).contains("already completed by admin");
        assertThat(post("practitioner-south", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables))
                .getStatusCode().value()).as("another team learns nothing").isEqualTo(404);
    }

    /** Two people claim the same task at the same moment: one has it, the other is told who does. */
    @Test
    void ofTwoPeopleClaimingOneTaskAtOnceOneHasItAndTheOtherIsToldWho() throws Exception {
        var tallies = new ArrayList<List<Integer>>();
        for (int trial = 0; trial < 3; trial++) {
            var referral = referrals.referralReceivedAt(londonNowIso());
            var task = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                    .taskDefinitionKey("Task_ScreenContact").singleResult();
            var answers = race(List.of("practitioner", "admin"), user -> post(user, "/engine-rest/task/" + task.getId() + "/claim",
                    Map.of("userId", user)));
            tallies.add(answers.stream().map(a -> a.getStatusCode().value()).sorted().toList());
            assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(204, 409);
            var assignee = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
            var refused = answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow();
            assertThat(String.valueOf(refused.getBody())).contains("already claimed by " + assignee);
        }
        System.out.println("ConcurrentWorkTest two claiming one task, answers per trial: " + tallies);
    }

    // ----------------------------------------------------------------- helpers

    private List<ResponseEntity<Map<String, Object>>> race(List<String> users,
            java.util.function.Function<String, ResponseEntity<Map<String, Object>>> request) throws InterruptedException {
        var start = new CyclicBarrier(users.size());
        var answers = Collections.synchronizedList(new ArrayList<ResponseEntity<Map<String, Object>>>());
        var threads = new ArrayList<Thread>();
        for (var user : users) {
            var thread = new Thread(() -> {
                await(start);
                answers.add(request.apply(user));
            }, "race-" + user);
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join(60_000);
        }
        return answers;
    }

    /** Until another session waits on a row lock (at most 30 s), on a connection of its own (autocommit): its statement. */
    private String waitForARequestWaitingOnALock() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                 var result = statement.executeQuery("select query from pg_stat_activity where wait_event_type = 'Lock'")) {
                if (result.next()) {
                    var query = result.getString(1);
                    sleep(100);
                    return query;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            sleep(20);
        }
        return null;
    }

    private static void await(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(20);
        }
    }

    private ProceedingsFixtures.Case issuedOnMondayTwoMarch() {
        clockAt("2026-02-26T10:00");
        var c = proceedings.requested();
        proceedings.legalPlanningMeeting(c, "2026-02-26", "issue-proceedings");
        clockAt("2026-03-02T16:00");
        proceedings.issued(c, "2026-03-02");
        return c;
    }

    private List<Job> dueJobs(List<String> processInstanceIds) {
        var jobs = new ArrayList<Job>();
        for (var id : processInstanceIds) {
            jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(id).executable().list());
        }
        return jobs;
    }

    private String londonNowIso() {
        return now().minusSeconds(3600).toString();
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return (ResponseEntity<Map<String, Object>>) (Object) http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
