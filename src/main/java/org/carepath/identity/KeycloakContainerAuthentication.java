package org.carepath.identity;

import java.util.ArrayList;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Tells the Camunda web apps who signed in through Keycloak, with their groups. Camunda creates this class
 * itself, by name, so it reads the signed-in user from Spring Security's context.
 */
public class KeycloakContainerAuthentication extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken token) || token.getName() == null) {
            return AuthenticationResult.unsuccessful();
        }
        var result = AuthenticationResult.successful(token.getName());
        var groups = new ArrayList<String>();
        token.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(authority -> authority.startsWith("ROLE_"))
                .forEach(authority -> groups.add(authority.substring("ROLE_".length())));
        result.setGroups(groups);
        return result;
    }
}
