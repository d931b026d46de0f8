package org.carepath.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.carepath.ApiTestSupport;
import org.carepath.CarePathTest;
import org.carepath.TasklistSession;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * What an operations team watches (issue 17, parts 6, 7 and 9): health open to all, metrics for administrators
 * only and counting what is there, a failing step retried with back-off and then an incident, and the engine's
 * history kept for its configured time.
 */
@CarePathTest
class OperationsTest extends ApiTestSupport {

    static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

    @Autowired
    ReferralFixtures referrals;
    @Autowired
    OperationsProperties operations;

    @Test
    void healthIsOpenToAnyoneWithTheDatabaseEngineAndJobExecutorAndProbeGroups() {
        var health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).as("%s", health.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().get("status")).isEqualTo("UP");
        assertThat(map(health.getBody().get("components"))).containsKeys("db", "processEngine", "jobExecutor", "livenessState", "readinessState");
        assertThat(health.getBody().toString()).doesNotContain("details").doesNotContain("PostgreSQL"); // details: administrators only

        for (var probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            var answer = http.getForEntity(probe, Map.class);
            assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody().get("status")).as(probe).isEqualTo("UP");
        }
        assertThat(map(http.getForEntity("/actuator/health/readiness", Map.class).getBody().get("components")))
                .containsOnlyKeys("readinessState", "db", "processEngine", "jobExecutor");

        var asAdmin = get("admin", "/actuator/health");
        var database = map(map(map(map(asAdmin.get("components")).get("db")).get("components")).get("dataSource"));
        assertThat(map(database.get("details"))).containsEntry("database", "PostgreSQL");
        // this test context runs without a job executor on purpose: UP, and says so
        assertThat(map(map(map(asAdmin.get("components")).get("jobExecutor")).get("details"))).containsEntry("enabled", false);
    }

    @Test
    void metricsAndTheRestOfActuatorAreForAdministratorsOnly() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (var user : new String[] {"practitioner", "team-manager", "service-manager"}) {
            for (var path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator"}) {
                assertThat(call(user, HttpMethod.GET, path, null).getStatusCode()).as("%s %s", user, path).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(call("admin", HttpMethod.GET, "/actuator/metrics", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        // not exposed at all, whoever asks
        assertThat(call("admin", HttpMethod.GET, "/actuator/env", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void prometheusCountsDriftAlertsOverdueTasksDueJobsAndIncidents() {
        http.getForEntity("/actuator/health", Map.class); // a request timed, at least
        var before = prometheus();
        for (var name : new String[] {"carepath_drift_alerts_open", "carepath_tasks_overdue", "carepath_jobs_due_unacquired",
                "carepath_jobs_oldest_due_lateness_seconds", "carepath_incidents_open", "http_server_requests_seconds_count"}) {
            assertThat(before.keySet()).as(name).anyMatch(sample -> sample.startsWith(name));
        }
        // a missed deadline: one more open drift alert at the team manager's rung
        clockAt("2096-03-02T11:00");
        var referral = referrals.referralReceivedAt("2096-03-02T10:00:00Z");
        missDeadline(referral.processInstanceId(), "SubProcess_FrontDoorScreening");
        ClockUtil.reset();

        var now = new Date();
        ClockUtil.setCurrentTime(now);
        var beforeSeeding = prometheus();
        // one task past its due date
        var task = engine.getTaskService().newTask();
        task.setName("Ring the school back");
        task.setDueDate(new Date(now.getTime() - Duration.ofHours(1).toMillis()));
        engine.getTaskService().saveTask(task);
        // a deadline's clock whose deadline passed in 1990, on a deadline whose record is missing: its timer is due
        // (the oldest due job of all), and fails each time it runs
        var clock = brokenClock();
        var after = prometheus();
        try {
            assertThat(after.get("carepath_drift_alerts_open{application=\"carepath\",rung=\"team-manager\"}")
                    - before.get("carepath_drift_alerts_open{application=\"carepath\",rung=\"team-manager\"}")).isEqualTo(1);
            assertThat(after.get("carepath_tasks_overdue{application=\"carepath\"}")
                    - beforeSeeding.get("carepath_tasks_overdue{application=\"carepath\"}")).isEqualTo(1);
            assertThat(after.get("carepath_jobs_due_unacquired{application=\"carepath\"}")
                    - beforeSeeding.get("carepath_jobs_due_unacquired{application=\"carepath\"}")).isEqualTo(1);
            var due = engine.getManagementService().createJobQuery().processInstanceId(clock).timers().activityId("Event_DeadlinePassed")
                    .singleResult().getDuedate();
            assertThat(after.get("carepath_jobs_oldest_due_lateness_seconds{application=\"carepath\"}"))
                    .isEqualTo((now.getTime() - due.getTime()) / 1000.0);

            failUntilIncident(clock);
            ClockUtil.setCurrentTime(now);
            var withIncident = prometheus();
            assertThat(withIncident.get("carepath_incidents_open{application=\"carepath\"}")
                    - after.get("carepath_incidents_open{application=\"carepath\"}")).isEqualTo(1);
            assertThat(withIncident.get("carepath_jobs_due_unacquired{application=\"carepath\"}")
                    - after.get("carepath_jobs_due_unacquired{application=\"carepath\"}")).as("a job out of retries is not due").isEqualTo(-1);
        } finally {
            engine.getTaskService().deleteTask(task.getId(), true);
            engine.getRuntimeService().deleteProcessInstance(clock, "test over");
        }
    }

    @Test
    void aFailingStepIsTriedAgainWithBackOffThenBecomesAnIncidentWithoutHoldingUpOtherWork() {
        ClockUtil.setCurrentTime(new Date());
        var clock = brokenClock();
        try {
            var backOff = Duration.parse(operations.failedStepRetries().substring(operations.failedStepRetries().indexOf('/') + 1));
            int attempts = 0;
            for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
                var job = deadlinePassed(clock);
                attempts++;
                var failedAt = ClockUtil.getCurrentTime();
                assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("No deadline -1");
                var failed = deadlinePassed(clock);
                assertThat(failed.getRetries()).as("retries left after attempt %d", attempts).isEqualTo(retriesLeft);
                assertThat(failed.getExceptionMessage()).contains("No deadline -1");
                if (retriesLeft > 0) {
                    // not tried again before its back-off: the job executor takes other work meanwhile
                    assertThat(failed.getDuedate()).isEqualTo(new Date(failedAt.getTime() + backOff.toMillis()));
                    assertThat(engine.getManagementService().createJobQuery().jobId(failed.getId()).executable().count()).isZero();
                    assertThat(incidents(clock)).isZero();
                    someoneElsesDeadlinePasses();
                    ClockUtil.setCurrentTime(new Date(failed.getDuedate().getTime() + 1000));
                    assertThat(engine.getManagementService().createJobQuery().jobId(failed.getId()).executable().count()).isOne();
                }
            }
            assertThat(attempts).isEqualTo(3);
            var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(clock).singleResult();
            assertThat(incident.getIncidentType()).isEqualTo("failedJob");
            assertThat(incident.getActivityId()).isEqualTo("Event_DeadlinePassed");
            assertThat(incident.getIncidentMessage()).contains("No deadline -1");
            someoneElsesDeadlinePasses();

            // Cockpit lists it for an administrator (its REST API, as Cockpit reads it)
            var cockpit = http.exchange("/engine-rest/incident?processInstanceId=" + clock, HttpMethod.GET, signedIn("admin", null), String.class);
            assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(cockpit.getBody()).contains("\"activityId\":\"Event_DeadlinePassed\"").contains("No deadline -1");
            var incidentsSeen = http.exchange("/engine-rest/incident/count?processInstanceId=" + clock, HttpMethod.GET, signedIn("admin", null), Map.class);
            assertThat(incidentsSeen.getBody()).containsEntry("count", 1);

            // the service manager sees that steps failed on the manager view
            var session = TasklistSession.signIn(http, "service-manager");
            var headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, session.cookies());
            var page = http.exchange("/manager", HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
            var tile = page.substring(page.lastIndexOf("<div class=\"carepath-tile", page.indexOf("Steps failed")));
            assertThat(tile).startsWith("<div class=\"carepath-tile carepath-tile--red\">");
            assertThat(Long.parseLong(tile.replaceAll("(?s).*?<span class=\"carepath-tile__count\">(\\d+)</span>.*", "$1"))).isPositive();
        } finally {
            engine.getRuntimeService().deleteProcessInstance(clock, "test over");
        }
    }

    @Test
    void everyDeployedProcessKeepsItsHistoryForTheConfiguredTimeAndIsCleanedUpNightly() {
        var definitions = engine.getRepositoryService().createProcessDefinitionQuery().list();
        assertThat(definitions).isNotEmpty();
        assertThat(definitions).allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey())
                .isEqualTo(operations.historyTimeToLiveOf(definition.getKey())));
        assertThat(operations.historyTimeToLiveOf("statutory-deadline")).isLessThan(operations.historyTimeToLiveOf("referral-to-assessment"));

        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistory()).isEqualTo("full");
        assertThat(configuration.getFailedJobRetryTimeCycle()).isEqualTo(operations.failedStepRetries());
        // the engine schedules its cleanup job in the window
        var cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        assertThat(cleanup).isNotEmpty();
        assertThat(cleanup).allSatisfy(job -> assertThat(LocalDateTime.ofInstant(job.getDuedate().toInstant(), java.time.ZoneId.systemDefault())
                .getHour()).isBetween(1, 4));
    }

    /** A deadline's clock (processes/statutory-deadline.bpmn) whose deadline passed long ago, naming no deadline on record. */
    private String brokenClock() {
        var variables = new HashMap<String, Object>();
        variables.put("deadlineId", -1L);
        variables.put("childName", "Nobody Known");
        variables.put("deadlineWarningAt", Date.from(java.time.Instant.parse("2199-01-01T09:00:00Z")));
        variables.put("deadlineDueAt", Date.from(java.time.Instant.parse("1990-01-02T00:00:00Z")));
        return engine.getRuntimeService().startProcessInstanceByKey("statutory-deadline", "TEST-BROKEN-CLOCK", variables).getId();
    }

    private Job deadlinePassed(String clock) {
        return engine.getManagementService().createJobQuery().processInstanceId(clock).activityId("Event_DeadlinePassed").singleResult();
    }

    private long incidents(String clock) {
        return engine.getRuntimeService().createIncidentQuery().processInstanceId(clock).count();
    }

    private void failUntilIncident(String clock) {
        while (incidents(clock) == 0) {
            var job = deadlinePassed(clock);
            ClockUtil.setCurrentTime(new Date(Math.max(ClockUtil.getCurrentTime().getTime(), job.getDuedate().getTime() + 1000)));
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the step fails each time
            }
        }
    }

    /** Other work goes on while the broken step waits: another child's missed deadline raises its alert. */
    private void someoneElsesDeadlinePasses() {
        var now = ClockUtil.getCurrentTime();
        var referral = referrals.referralReceivedAt(now.toInstant().minus(Duration.ofHours(1)).toString());
        var ladder = missDeadline(referral.processInstanceId(), "SubProcess_FrontDoorScreening");
        assertThat(task(ladder.getId(), "Task_ActOnMissedDeadline")).isNotNull();
        ClockUtil.setCurrentTime(now);
    }

    /** The samples of /actuator/prometheus as the admin reads it: series (name and labels) to value. */
    private Map<String, Double> prometheus() {
        var answer = http.exchange("/actuator/prometheus", HttpMethod.GET, signedIn("admin", null), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        var samples = new HashMap<String, Double>();
        var matcher = SAMPLE.matcher(answer.getBody());
        while (matcher.find()) {
            samples.put(matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2)), Double.parseDouble(matcher.group(3)));
        }
        return samples;
    }
}
