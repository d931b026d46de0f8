package org.carepath.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.carepath.CarePathApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Keycloak mode without Keycloak: bearer tokens are decoded by a stand-in (the token text names the
 * person), and the web pages send the browser to Keycloak to sign in, with PKCE.
 */
@SpringBootTest(classes = CarePathApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "carepath.keycloak.issuer=http://keycloak.test/realms/carepath",
        "carepath.keycloak.client-secret=test-secret",
        "carepath.database.embedded.data-directory=target/embedded-postgres-keycloak",
        "carepath.database.embedded.clean=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("local")
class KeycloakModeSecurityTest {

    static final Map<String, Map<String, Object>> PEOPLE = Map.of(
            "priya", Map.of("preferred_username", "kc-priya", "given_name", "Priya", "family_name", "Patel",
                    "roles", List.of("practitioner", "offline_access"), "groups", List.of("/north-assessment-team", "/front-door")),
            "sam", Map.of("preferred_username", "kc-sam", "given_name", "Sam", "family_name", "Reid",
                    "realm_access", Map.of("roles", List.of("practitioner")), "groups", List.of("/south-assessment-team")),
            "tom", Map.of("preferred_username", "kc-tom", "roles", List.of("team-manager"), "groups", List.of("north-assessment-team", "front-door")),
            "paula", Map.of("preferred_username", "kc-paula", "roles", List.of("personal-adviser")),
            "ada", Map.of("preferred_username", "kc-ada", "roles", List.of("admin")));

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @MockitoBean
    JwtDecoder tokens;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @BeforeEach
    void tokensNamePeople() {
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine); // this context's engine, for its REST API and web apps
        when(tokens.decode(anyString())).thenAnswer(call -> {
            var person = PEOPLE.get((String) call.getArgument(0));
            if (person == null) {
                throw new BadJwtException("not a token");
            }
            var jwt = Jwt.withTokenValue(call.getArgument(0)).header("alg", "RS256")
                    .subject("subject-" + person.get("preferred_username")).issuer("http://keycloak.test/realms/carepath")
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
            person.forEach(jwt::claim);
            return jwt.build();
        });
    }

    @Test
    void withoutATokenTheApiAnswers401AndWithABadOne401Too() {
        var none = http.exchange("/api/children/C-000001", HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), String.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(call("forged", HttpMethod.GET, "/api/children/C-000001", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var basic = new HttpHeaders();
        basic.setBasicAuth("practitioner", "demo");
        assertThat(http.exchange("/api/children/C-000001", HttpMethod.GET, new HttpEntity<>(basic), String.class).getStatusCode())
                .as("no passwords once Keycloak signs people in").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthIsOpenAndTheRestOfActuatorNeedsAnAdministratorsToken() {
        var health = http.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
        assertThat(http.exchange("/actuator/metrics", HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call("tom", HttpMethod.GET, "/actuator/metrics", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("ada", HttpMethod.GET, "/actuator/metrics", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTokenWithoutTheRoleIsForbiddenAndEachRoleDoesItsOwnWork() {
        assertThat(call("paula", HttpMethod.POST, "/api/referrals", referral("Ada", "Keycloak")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var taken = call("priya", HttpMethod.POST, "/api/referrals", referral("Ada", "Northern"));
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var reference = taken.getBody().replaceAll(".*\"childReference\":\"(C-\\d+)\".*", "$1");

        assertThat(call("priya", HttpMethod.GET, "/api/children/" + reference, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call("tom", HttpMethod.GET, "/api/children/" + reference + "/deadlines", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call("priya", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + reference, null).getBody())
                .contains("Screen contact");
        assertThat(call("sam", HttpMethod.GET, "/api/children/" + reference, null).getStatusCode())
                .as("another team's social worker").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("sam", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + reference, null).getBody()).isEqualTo("[]");
        assertThat(call("sam", HttpMethod.GET, "/api/alerts", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theUserKeycloakVouchesForIsKnownToCamundaWithTheirGroups() {
        call("priya", HttpMethod.GET, "/api/children/C-999999", null);
        var user = identity.createUserQuery().userId("kc-priya").singleResult();
        assertThat(user.getFirstName()).isEqualTo("Priya");
        assertThat(identity.createGroupQuery().groupMember("kc-priya").list()).extracting(group -> group.getId())
                .containsExactlyInAnyOrder("practitioner", "north-assessment-team", "front-door",
                        "north-assessment-team--practitioner", "front-door--practitioner");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** A client that shows the redirects rather than following them to a Keycloak that is not there. */
    private ResponseEntity<String> browse(String path) {
        var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var template = new org.springframework.web.client.RestTemplate(new org.springframework.http.client.JdkClientHttpRequestFactory(client));
        template.setErrorHandler(response -> false);
        return template.getForEntity("http://localhost:" + port + path, String.class);
    }

    @Test
    void everyPageSendsTheBrowserToKeycloakToSignInWithPkce() {
        var page = browse("/camunda/app/tasklist/");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/oauth2/authorization/keycloak");

        var authorize = browse("/oauth2/authorization/keycloak");
        assertThat(authorize.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        var location = authorize.getHeaders().getLocation().toString();
        assertThat(location).startsWith("http://keycloak.test/realms/carepath/protocol/openid-connect/auth?")
                .contains("client_id=carepath-webapp").contains("code_challenge=").contains("code_challenge_method=S256")
                .contains("scope=openid");
        assertThat(browse("/api/timescales").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static Map<String, Object> referral(String given, String family) {
        return Map.of("child", Map.of("givenName", given, "familyName", family + System.nanoTime()),
                "receivedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString(), "source", "SCHOOL",
                "concerns", "Concerns.", "referrer", Map.of("name", "A Teacher"));
    }

    private ResponseEntity<String> call(String token, HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
