package org.carepath.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Keycloak's word on who a user is, turned into CarePath's groups: their realm roles, their teams (Keycloak
 * groups) and their roles within those teams. The Camunda identity service keeps a copy, created and
 * brought up to date at each sign-in, because the web apps and task queries read users and groups there.
 */
class KeycloakUsers {

    private final IdentityService identity;

    KeycloakUsers(IdentityService identity) {
        this.identity = identity;
    }

    /** CarePath's groups for these claims ({@code roles}, or {@code realm_access.roles}; {@code groups}). */
    static Set<String> groups(Map<String, Object> claims) {
        var roles = strings(claims.get("roles"));
        if (roles.isEmpty() && claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
            roles = strings(realmAccess.get("roles"));
        }
        var known = roles.stream().filter(Groups.ALL::contains).toList();
        var teams = strings(claims.get("groups")).stream().map(group -> group.startsWith("/") ? group.substring(1) : group).toList();
        var groups = new LinkedHashSet<String>(known);
        groups.addAll(teams);
        groups.addAll(Teams.rolesInTeams(known, teams));
        if (known.contains(Groups.ADMIN)) {
            groups.add(Groups.CAMUNDA_ADMIN);
        }
        return groups;
    }

    static List<SimpleGrantedAuthority> authorities(Collection<String> groups) {
        return groups.stream().map(group -> new SimpleGrantedAuthority("ROLE_" + group)).toList();
    }

    /** Creates or updates the user and their memberships in Camunda's identity service. */
    void synchronise(String username, String firstName, String lastName, String email, Set<String> groups) {
        var user = identity.createUserQuery().userId(username).singleResult();
        var isNew = user == null;
        if (isNew) {
            user = identity.newUser(username);
        }
        if (isNew || !same(user.getFirstName(), firstName) || !same(user.getLastName(), lastName) || !same(user.getEmail(), email)) {
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            identity.saveUser(user);
        }
        var current = new LinkedHashSet<String>();
        identity.createGroupQuery().groupMember(username).list().forEach(group -> current.add(group.getId()));
        for (var group : groups) {
            if (!current.contains(group) && identity.createGroupQuery().groupId(group).count() > 0) {
                identity.createMembership(username, group);
            }
        }
        for (var group : current) {
            if (!groups.contains(group)) {
                identity.deleteMembership(username, group);
            }
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
