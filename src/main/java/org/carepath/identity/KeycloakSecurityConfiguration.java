package org.carepath.identity;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.core.convert.converter.Converter;

/**
 * Single sign-on through Keycloak, when {@code carepath.keycloak.issuer} is set:
 * <ul>
 *   <li>every page, the Camunda web apps included, signs in with OpenID Connect (authorization code with
 *       PKCE); the web apps learn the user through Camunda's container-based authentication;</li>
 *   <li>{@code /api/**} and {@code /engine-rest/**} take Keycloak's bearer tokens;</li>
 *   <li>signing out ends the Keycloak session too ({@code /logout}).</li>
 * </ul>
 * Keycloak's endpoints are derived from the issuer, so starting CarePath does not need Keycloak up.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KeycloakMode.On.class)
class KeycloakSecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    ClientRegistrationRepository keycloakClient(KeycloakProperties keycloak) {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("CarePath")
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuer())
                .authorizationUri(keycloak.endpoint("auth"))
                .tokenUri(keycloak.backchannel("token"))
                .userInfoUri(keycloak.backchannel("userinfo"))
                .jwkSetUri(keycloak.backchannel("certs"))
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endpoint("logout")))
                .build());
    }

    @Bean
    JwtDecoder keycloakTokens(KeycloakProperties keycloak) {
        var decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.backchannel("certs")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(keycloak.issuer()), issuedTo(keycloak.clientId())));
        return decoder;
    }

    /**
     * A token of the realm is not enough: it must have been issued to CarePath's client (its authorised
     * party) or name it as an audience, so that a token another application of the realm obtained for a
     * user cannot be replayed against CarePath.
     */
    static OAuth2TokenValidator<Jwt> issuedTo(String clientId) {
        return jwt -> clientId.equals(jwt.getClaimAsString("azp")) || (jwt.getAudience() != null && jwt.getAudience().contains(clientId))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                        "invalid_token", "The token was not issued to " + clientId, null));
    }

    @Bean
    KeycloakUsers keycloakUsers(IdentityService identity) {
        return new KeycloakUsers(identity);
    }

    @Bean
    @Order(1)
    SecurityFilterChain keycloakApiSecurity(HttpSecurity http, JwtDecoder tokens, KeycloakUsers users, IdentityService identity)
            throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var problems = new ProblemResponses();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"), paths.matcher("/actuator/**")))
                .authorizeHttpRequests(requests -> SecurityConfiguration.apiRules(requests, paths))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(bearer(users)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineRestAuthentication(identity),
                        org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter.class);
        SecurityConfiguration.headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain keycloakWebSecurity(HttpSecurity http, ClientRegistrationRepository clients, KeycloakUsers users) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var requests = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var logout = new OidcClientInitiatedLogoutSuccessHandler(clients);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers(paths.matcher("/error")).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signIn(users))))
                .logout(out -> out.logoutRequestMatcher(paths.matcher(HttpMethod.GET, "/logout")).logoutSuccessHandler(logout))
                // the Camunda web apps keep their own CSRF protection (cookie XSRF-TOKEN, header X-XSRF-TOKEN)
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths.matcher("/camunda/**")));
        SecurityConfiguration.headers(http);
        return http.build();
    }

    /** After Spring Security has signed the user in, tell the Camunda web apps who it is. */
    @Bean
    FilterRegistrationBean<Filter> camundaWebappsSignIn() {
        var registration = new FilterRegistrationBean<Filter>(new ContainerBasedAuthenticationFilter());
        registration.setName("CarePath Keycloak sign-in for the Camunda web apps");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                KeycloakContainerAuthentication.class.getName()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> signIn(KeycloakUsers users) {
        var keycloak = new OidcUserService();
        return request -> {
            var user = keycloak.loadUser(request);
            var groups = KeycloakUsers.groups(user.getClaims());
            users.synchronise(user.getPreferredUsername(), user.getGivenName(), user.getFamilyName(), user.getEmail(), groups);
            return new DefaultOidcUser(KeycloakUsers.authorities(groups), user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }

    private static Converter<Jwt, AbstractAuthenticationToken> bearer(KeycloakUsers users) {
        return jwt -> {
            var groups = KeycloakUsers.groups(jwt.getClaims());
            var username = jwt.getClaimAsString("preferred_username");
            if (username == null) {
                username = jwt.getSubject();
            }
            users.synchronise(username, jwt.getClaimAsString("given_name"), jwt.getClaimAsString("family_name"),
                    jwt.getClaimAsString("email"), groups);
            return new JwtAuthenticationToken(jwt, KeycloakUsers.authorities(groups), username);
        };
    }
}
