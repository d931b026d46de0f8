package org.carepath.identity;

import java.util.ArrayList;
import java.util.Arrays;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Outside the {@code local} profile, CarePath refuses to start with demo users or the development
 * realm's client secret: children's records are not protected by passwords everybody knows.
 * (Demo users left in the database from a local run are refused by {@link AccessSetup}.)
 */
@Component
class SafeDefaults implements InitializingBean {

    static final String LOCAL = "local";

    private final Environment environment;
    private final IdentityProperties identity;
    private final KeycloakProperties keycloak;

    SafeDefaults(Environment environment, IdentityProperties identity, KeycloakProperties keycloak) {
        this.environment = environment;
        this.identity = identity;
        this.keycloak = keycloak;
    }

    /** The local profile is active, or no profile is and local is the default. */
    boolean local() {
        return environment.acceptsProfiles(Profiles.of(LOCAL));
    }

    @Override
    public void afterPropertiesSet() {
        if (local()) {
            return;
        }
        var problems = new ArrayList<String>();
        if (identity.demoUsers()) {
            problems.add("carepath.identity.demo-users is on: demo users (password 'demo') are for the local profile only");
        }
        if (keycloak.issuer() != null && !keycloak.issuer().isBlank()
                && (keycloak.clientSecret() == null || keycloak.clientSecret().isBlank()
                || KeycloakProperties.DEVELOPMENT_SECRET.equals(keycloak.clientSecret()))) {
            problems.add("carepath.keycloak.client-secret is missing or the development realm's: set the client's real secret");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("CarePath will not start with unsafe settings outside the local profile (profiles: "
                    + Arrays.toString(environment.getActiveProfiles()) + "):\n  " + String.join("\n  ", problems));
        }
    }
}
