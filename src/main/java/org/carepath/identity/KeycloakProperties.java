package org.carepath.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on through Keycloak, on when {@code issuer} is set (e.g.
 * {@code http://localhost:8180/realms/carepath}); with no issuer, CarePath signs users in itself.
 *
 * @param issuer         the realm's issuer URL, as browsers reach it
 * @param clientId       the confidential client of the web pages
 * @param clientSecret   its secret (from the environment, never the repository, outside local use)
 * @param backchannelUrl the realm's URL as CarePath itself reaches it, when that differs (containers);
 *                       tokens, user info and keys are fetched there
 */
@ConfigurationProperties("carepath.keycloak")
public record KeycloakProperties(String issuer, String clientId, String clientSecret, String backchannelUrl) {

    /** The development realm's secret in keycloak/: refused outside the local profile. */
    static final String DEVELOPMENT_SECRET = "carepath-development-secret";

    public KeycloakProperties {
        if (clientId == null || clientId.isBlank()) {
            clientId = "carepath-webapp";
        }
        if (issuer != null && issuer.endsWith("/")) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
        if (backchannelUrl == null || backchannelUrl.isBlank()) {
            backchannelUrl = issuer;
        } else if (backchannelUrl.endsWith("/")) {
            backchannelUrl = backchannelUrl.substring(0, backchannelUrl.length() - 1);
        }
    }

    /** An endpoint the browser is sent to (sign in, sign out). */
    String endpoint(String path) {
        return issuer + "/protocol/openid-connect/" + path;
    }

    /** An endpoint CarePath calls itself (tokens, user info, keys). */
    String backchannel(String path) {
        return backchannelUrl + "/protocol/openid-connect/" + path;
    }
}
