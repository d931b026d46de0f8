package org.carepath.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking: a user and their groups (roles, teams, roles within teams), or the application itself. */
public record Viewer(String userId, Set<String> groups) {

    public static final Viewer SYSTEM = new Viewer(null, Set.of());

    public boolean isSystem() {
        return userId == null;
    }

    public boolean in(String group) {
        return groups.contains(group);
    }

    /** The first of {@code roles} this user holds, in the order given. */
    public Optional<String> firstOf(List<String> roles) {
        return roles.stream().filter(groups::contains).findFirst();
    }

    /** A user as the identity service knows them, with all their groups. */
    public static Viewer of(IdentityService identity, String userId) {
        var groups = new LinkedHashSet<String>();
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).forEach(groups::add);
        return new Viewer(userId, groups);
    }

    /**
     * Who is signed in to the request: the Camunda web apps' session (local sign-in to the Tasklist,
     * Cockpit or Admin), or else {@link #current}; null for no one.
     */
    public static String signedIn(HttpServletRequest request, IdentityService identity) {
        var session = request.getSession(false);
        if (session != null) {
            var authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null && !authentications.getAuthentications().isEmpty()) {
                return authentications.getAuthentications().get(0).getName();
            }
        }
        return current(identity).userId();
    }

    /**
     * Runs work as the application itself, with the engine's authorization checks off, then restores
     * whoever the engine was told about: for looking up what a user may not read themselves but the
     * application needs (the child a task is about, a task's form, a worker's task counts).
     */
    public static <T> T asTheApplication(IdentityService identity, Supplier<T> work) {
        var asked = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(asked);
        }
    }

    /**
     * The signed-in user of this request (Spring Security: HTTP Basic or a bearer token) or, inside the
     * engine, the user the engine was told about; otherwise the application itself (timers, start-up).
     */
    public static Viewer current(IdentityService identity) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName())) {
            var groups = new LinkedHashSet<String>();
            authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority.startsWith("ROLE_"))
                    .forEach(authority -> groups.add(authority.substring("ROLE_".length())));
            return new Viewer(authentication.getName(), groups);
        }
        var engineUser = identity.getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null) {
            return new Viewer(engineUser.getUserId(),
                    engineUser.getGroupIds() == null ? Set.of() : new LinkedHashSet<>(engineUser.getGroupIds()));
        }
        return SYSTEM;
    }
}
