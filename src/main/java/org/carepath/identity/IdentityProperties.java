package org.carepath.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoUsers create the demo users (password {@code demo}) at startup: local use only
 * @param teams     the teams children are allocated to, by group id, with their names; the front door
 *                  ({@code front-door}) holds children not yet allocated
 */
@ConfigurationProperties("carepath.identity")
record IdentityProperties(boolean demoUsers, Map<String, String> teams) {

    IdentityProperties {
        if (teams == null || teams.isEmpty()) {
            teams = new LinkedHashMap<>();
            teams.put(Teams.FRONT_DOOR, "Front door (MASH)");
            teams.put(DemoUsers.NORTH, "North assessment team");
            teams.put(DemoUsers.SOUTH, "South assessment team");
        }
    }
}
