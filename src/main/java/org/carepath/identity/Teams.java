package org.carepath.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Teams are Camunda groups of type {@code team}. Work for a child is offered to a role within the child's
 * team: the group {@code <team>--<role>} (e.g. {@code north-assessment-team--practitioner}), whose members
 * hold that role in that team. A child not yet allocated belongs to the front door.
 */
public final class Teams {

    /** Group type of teams children are allocated to. */
    public static final String TEAM_TYPE = "team";
    /** Group type of the front door (MASH), which holds children not yet allocated. */
    public static final String FRONT_DOOR_TYPE = "front-door";
    /** Group type of a role within a team. */
    public static final String TEAM_ROLE_TYPE = "team-role";
    public static final String FRONT_DOOR = "front-door";

    /** The roles whose work is scoped to the child's team. */
    public static final List<String> TEAM_SCOPED_ROLES = List.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER);

    private Teams() {
    }

    public static String roleInTeam(String team, String role) {
        return team + "--" + role;
    }

    /** The team-role groups a user with these roles in these teams belongs to. */
    public static Set<String> rolesInTeams(Collection<String> roles, Collection<String> teams) {
        var groups = new LinkedHashSet<String>();
        for (var team : teams) {
            for (var role : roles) {
                if (TEAM_SCOPED_ROLES.contains(role)) {
                    groups.add(roleInTeam(team, role));
                }
            }
        }
        return groups;
    }

    static List<String> scopedRolesOf(Collection<String> groups) {
        var roles = new ArrayList<String>();
        for (var role : TEAM_SCOPED_ROLES) {
            if (groups.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
