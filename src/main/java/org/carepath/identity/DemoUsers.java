package org.carepath.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One demo user per group for the local setup, with realistic names; all in one demo team. */
final class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final String PASSWORD = "demo";
    static final String NORTH = "north-assessment-team";
    static final String SOUTH = "south-assessment-team";

    record DemoUser(String username, String firstName, String lastName, String role, List<String> teams) {
    }

    /** One user per group (username = group), and a second social worker and team manager in another team. */
    static final List<DemoUser> USERS = List.of(
            new DemoUser(Groups.PRACTITIONER, "Priya", "Patel", Groups.PRACTITIONER, List.of(NORTH, Teams.FRONT_DOOR)),
            new DemoUser(Groups.TEAM_MANAGER, "Tom", "Whitfield", Groups.TEAM_MANAGER, List.of(NORTH, Teams.FRONT_DOOR)),
            new DemoUser("practitioner-south", "Sam", "Reid", Groups.PRACTITIONER, List.of(SOUTH)),
            new DemoUser("team-manager-south", "Hannah", "Lewis", Groups.TEAM_MANAGER, List.of(SOUTH)),
            new DemoUser(Groups.SERVICE_MANAGER, "Sarah", "Okafor", Groups.SERVICE_MANAGER, List.of()),
            new DemoUser(Groups.HEAD_OF_SERVICE, "Helen", "Osei", Groups.HEAD_OF_SERVICE, List.of()),
            new DemoUser(Groups.DIRECTOR, "Diane", "Mensah", Groups.DIRECTOR, List.of()),
            new DemoUser(Groups.IRO, "Ian", "Roberts", Groups.IRO, List.of()),
            new DemoUser(Groups.PANEL_ADMINISTRATOR, "Pauline", "Adeyemi", Groups.PANEL_ADMINISTRATOR, List.of()),
            new DemoUser(Groups.PANEL_MEMBER, "Patrick", "Nolan", Groups.PANEL_MEMBER, List.of()),
            new DemoUser(Groups.AGENCY_DECISION_MAKER, "Alan", "Davies", Groups.AGENCY_DECISION_MAKER, List.of()),
            new DemoUser(Groups.PERSONAL_ADVISER, "Paula", "Martin", Groups.PERSONAL_ADVISER, List.of()),
            new DemoUser(Groups.LEGAL, "Leila", "Hussain", Groups.LEGAL, List.of()),
            new DemoUser(Groups.ADMIN, "Adam", "Clarke", Groups.ADMIN, List.of()));

    private DemoUsers() {
    }

    static void create(IdentityService identity) {
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
            var groups = new java.util.LinkedHashSet<String>();
            groups.add(demo.role());
            groups.addAll(demo.teams());
            groups.addAll(Teams.rolesInTeams(List.of(demo.role()), demo.teams()));
            if (Groups.ADMIN.equals(demo.role())) {
                groups.add(Groups.CAMUNDA_ADMIN);
            }
            groups.forEach(group -> addMembership(identity, demo.username(), group));
        }
    }

    private static void addMembership(IdentityService identity, String user, String group) {
        if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
    }
}
