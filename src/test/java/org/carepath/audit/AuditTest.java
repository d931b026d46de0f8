package org.carepath.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each kind of access to a child's record leaves exactly one audit row, and the rows cannot be changed. */
@CarePathTest
class AuditTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("schemaOwnerDataSource")
    DataSource schemaOwner;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    org.carepath.proceedings.ProceedingsFixtures proceedingsFixtures;

    @Test
    void eachKindOfAccessLeavesExactlyOneRow() {
        var referral = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        var child = referral.childReference();
        assertThat(rows(child)).singleElement().isEqualTo("CHANGE referral SYSTEM null new child record");

        exchange("practitioner", HttpMethod.GET, "/api/children/" + child, null);
        assertThat(last(child)).isEqualTo("READ child record API practitioner null");

        exchange("team-manager", HttpMethod.GET, "/api/children/" + child + "/deadlines", null);
        assertThat(last(child)).isEqualTo("READ deadlines API team-manager null");

        var task = task(referral.processInstanceId(), "Task_ScreenContact");
        var form = exchange("practitioner", HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/form-variables", null);
        assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(last(child)).isEqualTo("READ task form: " + task.getName() + " ENGINE_REST practitioner null");

        exchange("practitioner", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "practitioner"));
        var before = rows(child).size();
        var completed = exchange("practitioner", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", Map.of(
                "ragRating", Map.of("value", "green"), "screeningDecision", Map.of("value", "no-further-action"),
                "screeningRationale", Map.of("value", "Information only."))));
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rows(child)).hasSize(before + 1);
        assertThat(last(child)).isEqualTo("CHANGE decision: Screen contact ENGINE_REST practitioner no-further-action");

        exchange("team-manager", HttpMethod.GET, "/api/children?name=" + referral.childName().split(" ")[1], null);
        assertThat(last(child)).isEqualTo("READ search result API team-manager null");

        assertThat(exchange("practitioner", HttpMethod.GET, "/api/audit?child=" + child, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var trail = exchange("admin", HttpMethod.GET, "/api/audit?child=" + child, null);
        assertThat(trail.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(trail.getBody()).contains("\"subject\":\"decision: Screen contact\"").contains("\"accessInterface\":\"ENGINE_REST\"");
    }

    @Test
    void readingVariablesThroughTheEngineLeavesExactlyOneRow() {
        var referral = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        var child = referral.childReference();
        var task = task(referral.processInstanceId(), "Task_ScreenContact");

        assertThat(oneNewRow(child, () -> exchange("practitioner", HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/variables/referralConcerns", null)))
                .isEqualTo("READ task form: " + task.getName() + " ENGINE_REST practitioner null");
        assertThat(oneNewRow(child, () -> exchange("practitioner", HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/variables", null)))
                .isEqualTo("READ task form: " + task.getName() + " ENGINE_REST practitioner null");
        var encoded = "%" + Integer.toHexString(task.getId().charAt(0)) + task.getId().substring(1);
        for (var spelling : List.of("/engine-rest/task/" + encoded + "/variables", "/engine-rest/task/" + task.getId() + "/variables/",
                "/engine-rest/engine/default/task/" + task.getId() + "/form-variables", "/engine-rest/task/" + task.getId() + "/localVariables")) {
            assertThat(oneNewRow(child, () -> assertThat(exchangeRaw("practitioner", spelling).getStatusCode()).as(spelling).isEqualTo(HttpStatus.OK)))
                    .as(spelling).isEqualTo("READ task form: " + task.getName() + " ENGINE_REST practitioner null");
        }
        assertThat(oneNewRow(child, () -> exchange("practitioner", HttpMethod.GET, "/api/children/" + child + "/alerts", null)))
                .isEqualTo("READ alerts API practitioner null");
        assertThat(oneNewRow(child, () -> exchange("practitioner", HttpMethod.GET, "/api/children/" + child + "/referrals", null)))
                .isEqualTo("READ referrals API practitioner null");

        var before = rows(child).size();
        assertThat(exchange("practitioner-south", HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/variables", null)
                .getStatusCode().value()).isIn(403, 404);
        assertThat(rows(child)).as("a refused read is not a read").hasSize(before);
    }

    @Test
    void eachChangeToCareProceedingsIsOneRowAndEachReadOfThemAnother() {
        var c = proceedingsFixtures.requested();
        proceedingsFixtures.legalPlanningMeeting(c, java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString(), "issue-proceedings");
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        proceedingsFixtures.issued(c, today);
        var child = c.childReference();

        assertThat(oneNewRow(child, () -> exchange("legal", HttpMethod.GET, "/api/proceedings/" + c.proceedingsId(), null)))
                .isEqualTo("READ care proceedings " + c.proceedingsId() + " API legal null");
        assertThat(oneNewRow(child, () -> exchange("legal", HttpMethod.GET, "/api/children/" + child + "/proceedings", null)))
                .isEqualTo("READ proceedings API legal null");
        assertThat(oneNewRow(child, () -> assertThat(exchange("legal", HttpMethod.POST, "/api/proceedings/" + c.proceedingsId() + "/directions",
                Map.of("direction", "Local authority to file the parenting assessment.", "owner", "practitioner", "dueOn", today, "givenOn", today))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED)))
                .isEqualTo("CHANGE court direction API legal Local authority to file the parenting assessment.");
        assertThat(oneNewRow(child, () -> assertThat(exchange("legal", HttpMethod.POST, "/api/proceedings/" + c.proceedingsId() + "/extensions",
                Map.of("weeks", 4, "reason", "Expert report delayed.", "grantedOn", today)).getStatusCode()).isEqualTo(HttpStatus.CREATED)))
                .isEqualTo("CHANGE extension of the 26 weeks API legal 4 weeks: Expert report delayed.");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRowsToTheApplicationAndToTheSchemasOwner() {
        var referral = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        var child = referral.childReference();
        var owner = new JdbcTemplate(schemaOwner);

        assertThatThrownBy(() -> jdbc.update("update audit_event set username = 'someone-else' where child_reference = ?", child))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where child_reference = ?", child))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> owner.update("update audit_event set username = 'someone-else' where child_reference = ?", child))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from audit_event where child_reference = ?", child))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(rows(child)).hasSize(1);
    }

    @Test
    void noOneReadsEveryChildsVariablesAtOnce() {
        var referral = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        var concerns = engine.getRuntimeService().getVariable(referral.processInstanceId(), "referralConcerns").toString();
        var before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);

        for (var user : List.of("service-manager", "practitioner", "iro", "team-manager")) {
            for (var path : List.of("/engine-rest/history/variable-instance?variableName=referralConcerns", "/engine-rest/variable-instance",
                    "/engine-rest/history/detail", "/engine-rest/variable-instance?processInstanceIdIn=" + referral.processInstanceId(),
                    "/engine-rest/process-instance/" + referral.processInstanceId() + "/variables")) {
                var answer = exchange(user, HttpMethod.GET, path, null);
                assertThat(answer.getStatusCode().is5xxServerError()).as(user + " " + path).isFalse();
                assertThat(answer.getBody()).as(user + " " + path).doesNotContain(concerns);
            }
        }
        assertThat(jdbc.queryForList("select username, subject from audit_event where id > ? and child_reference = ?", before,
                referral.childReference())).as("nothing of this child read, so nothing to record").isEmpty();
        // a task's candidates may read its variables (Camunda grants them that with the task): what they read in bulk
        // of other children whose work is theirs is recorded, one row per child shown
        assertThat(jdbc.queryForList("select subject from audit_event where id > ?", String.class, before))
                .allSatisfy(subject -> assertThat(subject).isEqualTo("variables read in bulk"));
        // and a task's candidates are its team's: another team's manager reads nothing of these children
        var south = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
        for (var path : List.of("/engine-rest/history/variable-instance", "/engine-rest/variable-instance", "/engine-rest/history/detail")) {
            assertThat(exchange("team-manager-south", HttpMethod.GET, path, null).getStatusCode().is5xxServerError()).isFalse();
        }
        assertThat(jdbc.queryForList("select child_reference from audit_event where id > ? and username = 'team-manager-south'",
                String.class, south)).as("nothing of the North team's or the front door's children").isEmpty();

        // Camunda administrators pass every engine permission: what they read in bulk is on each child's trail
        var beforeAdmin = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
        var shown = exchange("admin", HttpMethod.GET, "/engine-rest/history/variable-instance?variableName=referralConcerns", null);
        assertThat(shown.getBody()).contains(concerns);
        assertThat(last(referral.childReference())).isEqualTo("READ variables read in bulk ENGINE_REST admin null");
        var children = jdbc.queryForObject("select count(distinct business_key_) from act_hi_procinst where business_key_ is not null", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where subject = 'variables read in bulk' and id > ?"
                + " and username = 'admin'", Long.class, beforeAdmin)).as("one row per child shown").isBetween(1L, children);
    }

    /** Runs one access and answers the one audit row it left. */
    private String oneNewRow(String child, Runnable access) {
        var before = rows(child).size();
        access.run();
        var after = rows(child);
        assertThat(after).as("exactly one audit row for the access").hasSize(before + 1);
        return after.get(after.size() - 1);
    }

    private List<String> rows(String child) {
        return jdbc.queryForList("select action || ' ' || subject || ' ' || interface || ' ' || coalesce(username, 'null') || ' ' || coalesce(detail, 'null')"
                + " from audit_event where child_reference = ? order by id", String.class, child);
    }

    private String last(String child) {
        var rows = rows(child);
        return rows.get(rows.size() - 1);
    }

    /** A GET of the path as written, without encoding it again. */
    private org.springframework.http.ResponseEntity<String> exchangeRaw(String user, String path) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return http.exchange(java.net.URI.create(http.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private org.springframework.http.ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
