package org.carepath.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * {@code /api/**} and {@code /engine-rest/**}: HTTP Basic with the users of Camunda's identity service,
 * stateless. The Camunda web apps ({@code /camunda/**}) sign users in themselves and keep their own
 * CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] MANAGERS = {Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var problems = new ProblemResponses();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthentication(identity)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/api/referrals"))
                        .hasAnyRole(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/alerts")).hasAnyRole(MANAGERS)
                        .requestMatchers(paths.matcher("/api/audit")).hasRole(Groups.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/proceedings"))
                        .hasAnyRole(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.LEGAL, Groups.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/api/children/*/revocations"))
                        .hasAnyRole(Groups.TEAM_MANAGER, Groups.LEGAL, Groups.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/api/proceedings/**")).hasAnyRole(Groups.LEGAL, Groups.ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/proceedings"))
                        .hasAnyRole(Groups.LEGAL, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineRestAuthentication(identity), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
