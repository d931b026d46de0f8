package org.carepath.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.carepath.CarePathTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application connects as a role that reads and writes rows and nothing more: it cannot switch the audit
 * trail's trigger off, drop it, or delete the trail's past; nobody connects without a password.
 */
@CarePathTest
class DatabaseRolesTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedPostgresConfiguration.Server server;

    @Test
    void theApplicationsRoleIsNeitherSuperuserNorOwner() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("carepath_app");
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'audit_event'", String.class)).isEqualTo("carepath_owner");
        assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'act_ru_task'", String.class)).isEqualTo("carepath_owner");
    }

    @Test
    void theApplicationCannotTurnTheAuditTrailsTriggerOffNorDropItNorDeleteThePast() {
        jdbc.update("insert into audit_event (occurred_at, username, action, subject, interface) values (now(), 'roles-test', 'READ', 'probe', 'API')");

        assertThatThrownBy(() -> jdbc.execute("set session_replication_role = replica"))
                .rootCause().hasMessageContaining("permission denied to set parameter \"session_replication_role\"");
        assertThatThrownBy(() -> jdbc.execute("drop trigger audit_event_no_update_or_delete on audit_event"))
                .rootCause().hasMessageContaining("must be owner of");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where username = 'roles-test'"))
                .rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> jdbc.update("update audit_event set subject = 'changed' where username = 'roles-test'"))
                .rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event")).rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = 'roles-test' and subject = 'probe'", Integer.class)).isOne();
    }

    @Test
    void theSuperuserWithoutAPasswordIsRefused() {
        var url = "jdbc:postgresql://localhost:" + server.postgres().getPort() + "/carepath";
        assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=postgres")).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "carepath_app", "")).isInstanceOf(SQLException.class);
    }
}
