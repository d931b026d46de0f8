package org.carepath.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One demo user per group for the local setup, with realistic names; all in one demo team. */
final class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final String PASSWORD = "demo";
    static final String DEMO_TEAM = "north-assessment-team";

    record DemoUser(String username, String firstName, String lastName, String group, boolean inTeam) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser(Groups.PRACTITIONER, "Priya", "Patel", Groups.PRACTITIONER, true),
            new DemoUser(Groups.TEAM_MANAGER, "Tom", "Whitfield", Groups.TEAM_MANAGER, true),
            new DemoUser(Groups.SERVICE_MANAGER, "Sarah", "Okafor", Groups.SERVICE_MANAGER, false),
            new DemoUser(Groups.IRO, "Ian", "Roberts", Groups.IRO, false),
            new DemoUser(Groups.PANEL_ADMINISTRATOR, "Pauline", "Adeyemi", Groups.PANEL_ADMINISTRATOR, false),
            new DemoUser(Groups.AGENCY_DECISION_MAKER, "Alan", "Davies", Groups.AGENCY_DECISION_MAKER, false),
            new DemoUser(Groups.PERSONAL_ADVISER, "Paula", "Martin", Groups.PERSONAL_ADVISER, false),
            new DemoUser(Groups.LEGAL, "Leila", "Hussain", Groups.LEGAL, false),
            new DemoUser(Groups.ADMIN, "Adam", "Clarke", Groups.ADMIN, false));

    private DemoUsers() {
    }

    static void create(IdentityService identity) {
        if (identity.createGroupQuery().groupId(DEMO_TEAM).count() == 0) {
            var team = identity.newGroup(DEMO_TEAM);
            team.setName("North assessment team");
            team.setType("team");
            identity.saveGroup(team);
        }
        for (var demo : USERS) {
            if (identity.createUserQuery().userId(demo.username()).count() == 0) {
                var user = identity.newUser(demo.username());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.firstName().toLowerCase() + "." + demo.lastName().toLowerCase() + "@carepath.example");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                log.info("Created demo user '{}' ({} {}), password '{}'", demo.username(), demo.firstName(), demo.lastName(), PASSWORD);
            }
            addMembership(identity, demo.username(), demo.group());
            if (demo.inTeam()) {
                addMembership(identity, demo.username(), DEMO_TEAM);
            }
            if (Groups.ADMIN.equals(demo.group())) {
                addMembership(identity, demo.username(), Groups.CAMUNDA_ADMIN);
            }
        }
    }

    private static void addMembership(IdentityService identity, String user, String group) {
        if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
    }
}
