package org.carepath.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** A bearer token from the realm is taken only if it was issued to CarePath's client or names it. */
class TokenAudienceTest {

    final org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt> validator = KeycloakSecurityConfiguration.issuedTo("carepath-webapp");

    @Test
    void aTokenIssuedToCarePathIsTaken() {
        assertThat(validator.validate(token("carepath-webapp", List.of("account"))).hasErrors()).isFalse();
        assertThat(validator.validate(token("reporting-tool", List.of("carepath-webapp"))).hasErrors()).as("names CarePath as audience").isFalse();
    }

    @Test
    void aTokenAnotherApplicationOfTheRealmObtainedIsRefused() {
        var result = validator.validate(token("reporting-tool", List.of("account")));
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors()).singleElement().satisfies(error -> assertThat(error.getDescription())
                .isEqualTo("The token was not issued to carepath-webapp"));
        assertThat(validator.validate(token(null, null)).hasErrors()).isTrue();
    }

    private static Jwt token(String authorisedParty, List<String> audience) {
        var jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (authorisedParty != null) {
            jwt.claim("azp", authorisedParty);
        }
        if (audience != null) {
            jwt.audience(audience);
        }
        return jwt.build();
    }
}
