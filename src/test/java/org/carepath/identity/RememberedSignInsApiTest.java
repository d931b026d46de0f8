package org.carepath.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.carepath.CarePathTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A sign-in remembered for a while never outlives what it stood for: a wrong password, a group taken away, a password
 * changed or a user removed through the engine count at the very next request.
 */
@CarePathTest
class RememberedSignInsApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    private final String user = "remembered-" + System.nanoTime();

    @AfterEach
    void removeTheUser() {
        if (identity.createUserQuery().userId(user).count() > 0) {
            identity.deleteUser(user);
        }
    }

    @Test
    void aChangeToTheUserOrTheirGroupsCountsAtTheNextRequestAndAWrongPasswordIsAlwaysRefused() {
        var created = identity.newUser(user);
        created.setFirstName("Remy");
        created.setLastName("Membered");
        created.setPassword("first password");
        identity.saveUser(created);
        identity.createMembership(user, Groups.PANEL_ADMINISTRATOR);

        assertThat(members("first password")).isEqualTo(HttpStatus.OK);
        assertThat(members("first password")).isEqualTo(HttpStatus.OK);
        assertThat(members("first passwore")).as("a wrong password, just after the right one").isEqualTo(HttpStatus.UNAUTHORIZED);

        identity.deleteMembership(user, Groups.PANEL_ADMINISTRATOR);
        assertThat(members("first password")).as("the group taken away").isEqualTo(HttpStatus.FORBIDDEN);
        identity.createMembership(user, Groups.PANEL_ADMINISTRATOR);
        assertThat(members("first password")).as("the group given back").isEqualTo(HttpStatus.OK);

        var changed = identity.createUserQuery().userId(user).singleResult();
        changed.setPassword("second password");
        identity.saveUser(changed);
        assertThat(members("first password")).as("the old password, once changed").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(members("second password")).isEqualTo(HttpStatus.OK);

        identity.deleteUser(user);
        assertThat(members("second password")).as("the user removed").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private HttpStatus members(String password) {
        return HttpStatus.valueOf(http.withBasicAuth(user, password).getForEntity("/api/panel-members", String.class).getStatusCode().value());
    }
}
