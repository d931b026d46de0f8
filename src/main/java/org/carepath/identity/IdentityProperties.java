package org.carepath.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoUsers create one demo user per group (username = group, password {@code demo}) at startup
 */
@ConfigurationProperties("carepath.identity")
record IdentityProperties(boolean demoUsers) {
}
