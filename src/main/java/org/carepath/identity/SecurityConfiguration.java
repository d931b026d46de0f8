package org.carepath.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Local sign-in (no Keycloak configured): {@code /api/**} and {@code /engine-rest/**} take HTTP Basic with
 * the users of Camunda's identity service, stateless; the Camunda web apps ({@code /camunda/**}) sign
 * users in themselves and keep their own CSRF protection; {@code GET /logout} ends the session. The role
 * rules of the API are the same in both modes ({@link #apiRules}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KeycloakMode.Off.class)
class SecurityConfiguration {

    private static final String[] MANAGERS = {Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN};

    /** Which roles may call what: the same whether users sign in locally or through Keycloak. */
    static void apiRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                         PathPatternRequestMatcher.Builder paths) {
        // Actuator: health open to all (load balancers; details only to administrators), the rest administrators only
        requests.requestMatchers(paths.matcher(HttpMethod.GET, "/actuator/health"), paths.matcher(HttpMethod.GET, "/actuator/health/**"))
                .permitAll()
                .requestMatchers(paths.matcher("/actuator/**")).hasRole(Groups.ADMIN)
        // identity/verify tests anyone's password: administrators only
                .requestMatchers(paths.matcher("/engine-rest/identity/verify"), paths.matcher("/engine-rest/identity/verify/"),
                        paths.matcher("/engine-rest/engine/*/identity/verify"), paths.matcher("/engine-rest/engine/*/identity/verify/"))
                .hasRole(Groups.CAMUNDA_ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/referrals"))
                .hasAnyRole(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/alerts")).hasAnyRole(MANAGERS)
                .requestMatchers(paths.matcher("/api/audit")).hasRole(Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/proceedings"))
                .hasAnyRole(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.LEGAL, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/revocations"))
                .hasAnyRole(Groups.TEAM_MANAGER, Groups.LEGAL, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/panel-requests"))
                .hasAnyRole(Groups.TEAM_MANAGER, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/proceedings/**")).hasAnyRole(Groups.LEGAL, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/disputes")).hasRole(Groups.IRO)
                // looked after: the child's team records the accommodation and the placements; those who ratify
                // record the permanence plan; managers allocate the IRO (an IRO does not choose their own children)
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/periods-in-care"),
                        paths.matcher(HttpMethod.POST, "/api/children/*/periods-in-care/current/end"),
                        paths.matcher(HttpMethod.POST, "/api/children/*/placements"),
                        paths.matcher(HttpMethod.POST, "/api/children/*/placements/*/end"))
                .hasAnyRole(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN)
                // care leavers: the personal adviser and the child's team record contacts, circumstances and requests
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/care-leaver/**"))
                .hasAnyRole(Groups.PERSONAL_ADVISER, Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/care-leavers/figures")).hasAnyRole(MANAGERS)
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/permanence-plan"))
                .hasAnyRole(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.IRO, Groups.AGENCY_DECISION_MAKER, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.PUT, "/api/children/*/periods-in-care/current/iro")).hasAnyRole(MANAGERS)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/proceedings"))
                .hasAnyRole(Groups.LEGAL, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN)
                // adoption: family-finding social workers and their managers keep the households approved to adopt
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/adoptive-placement/end"),
                        paths.matcher(HttpMethod.POST, "/api/children/*/early-permanence"))
                .hasAnyRole(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN)
                // a change of plan away from adoption is the team manager's proposal to the permanence panel
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/adoption/change-of-plan"))
                .hasAnyRole(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/adoption/scorecard"))
                .hasAnyRole(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.AGENCY_DECISION_MAKER, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/prospective-adopters/**"))
                .hasAnyRole(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.PANEL_ADMINISTRATOR,
                        Groups.AGENCY_DECISION_MAKER, Groups.ADMIN)
                .requestMatchers(paths.matcher("/api/prospective-adopters/**"))
                .hasAnyRole(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN)
                // papers for panel: the child's team and the administrators upload; the members invited to the sitting also read
                // (PanelDocuments keeps each to the children in their scope, and members to their open sittings)
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/panel-sittings/*/bookings/*/documents"))
                .hasAnyRole(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.PANEL_ADMINISTRATOR, Groups.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/panel-sittings/*/bookings/*/documents"),
                        paths.matcher(HttpMethod.GET, "/api/panel-documents/*"))
                .hasAnyRole(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.PANEL_ADMINISTRATOR, Groups.ADMIN, Groups.PANEL_MEMBER)
                // a panel member reads the sittings they are invited to (Panels answers 404 for the others)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/panel-sittings/proposed"))
                .hasAnyRole(Groups.PANEL_ADMINISTRATOR, Groups.ADMIN, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/panel-sittings/*"))
                .hasAnyRole(Groups.PANEL_ADMINISTRATOR, Groups.ADMIN, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.PANEL_MEMBER)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/panel-members/**"), paths.matcher(HttpMethod.GET, "/api/panel-sittings/**"))
                .hasAnyRole(Groups.PANEL_ADMINISTRATOR, Groups.ADMIN, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER)
                .requestMatchers(paths.matcher("/api/panel-members/**"), paths.matcher("/api/panel-sittings/**"))
                .hasAnyRole(Groups.PANEL_ADMINISTRATOR, Groups.ADMIN)
                .requestMatchers(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"))
                .hasAnyRole(Groups.ALL.toArray(String[]::new))
                .anyRequest().authenticated();
    }

    /** Security headers on every page (the Camunda web apps add their own Content-Security-Policy). */
    static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identity, RememberedSignIns remembered) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var problems = new ProblemResponses();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"), paths.matcher("/actuator/**"),
                        paths.matcher("/v3/api-docs/**"), paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html")))
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthentication(identity, remembered)))
                .authorizeHttpRequests(requests -> apiRules(requests, paths))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineRestAuthentication(identity), BasicAuthenticationFilter.class);
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // the web apps' "Log out" comes here (carepath-sign-out.js), as it does in Keycloak mode
                .logout(out -> out.logoutRequestMatcher(paths.matcher(HttpMethod.GET, "/logout"))
                        .logoutSuccessUrl("/camunda/app/tasklist/"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths.matcher("/camunda/**")));
        headers(http);
        return http.build();
    }
}
