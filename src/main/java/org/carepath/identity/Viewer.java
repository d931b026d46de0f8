package org.carepath.identity;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
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
