package org.carepath.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP Basic against Camunda's identity service: the user's groups become roles ({@code ROLE_team-manager}). A right
 * password is remembered for a short while ({@link RememberedSignIns}).
 */
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;
    private final RememberedSignIns remembered;

    CamundaIdentityAuthentication(IdentityService identity, RememberedSignIns remembered) {
        this.identity = identity;
        this.remembered = remembered;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var username = authentication.getName();
        var password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        if (username == null || password == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        var known = remembered.find(username, password);
        if (known.isPresent()) {
            return UsernamePasswordAuthenticationToken.authenticated(username, null, known.get());
        }
        long readAt = remembered.now();
        if (!identity.checkPassword(username, password)) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(username).list().stream()
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + group.getId()))
                .toList();
        remembered.remember(username, password, authorities, readAt);
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
