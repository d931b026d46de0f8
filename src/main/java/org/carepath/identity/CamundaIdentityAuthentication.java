package org.carepath.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** HTTP Basic against Camunda's identity service: the user's groups become roles ({@code ROLE_team-manager}). */
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var username = authentication.getName();
        var password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        if (username == null || password == null || !identity.checkPassword(username, password)) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        var authorities = identity.createGroupQuery().groupMember(username).list().stream()
                .map(group -> new SimpleGrantedAuthority("ROLE_" + group.getId()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
