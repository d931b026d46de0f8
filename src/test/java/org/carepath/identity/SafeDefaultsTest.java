package org.carepath.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carepath.CarePathApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Outside the local profile CarePath refuses demo users and the development realm's secret. */
class SafeDefaultsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IdentityProperties.class, KeycloakProperties.class})
    static class Settings {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class, SafeDefaults.class);

    @Test
    void demoUsersAreRefusedOutsideTheLocalProfile() {
        runner.withPropertyValues("spring.profiles.active=production", "carepath.identity.demo-users=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("carepath.identity.demo-users"));
    }

    @Test
    void theDevelopmentRealmsSecretIsRefusedOutsideTheLocalProfile() {
        runner.withPropertyValues("spring.profiles.active=production", "carepath.keycloak.issuer=https://sso.council.example/realms/carepath",
                        "carepath.keycloak.client-secret=" + KeycloakProperties.DEVELOPMENT_SECRET)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("carepath.keycloak.client-secret"));
    }

    @Test
    void productionWithItsOwnSecretsStarts() {
        runner.withPropertyValues("spring.profiles.active=production", "carepath.keycloak.issuer=https://sso.council.example/realms/carepath",
                        "carepath.keycloak.client-secret=a-long-real-secret")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("spring.profiles.active=local", "carepath.identity.demo-users=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theApplicationItselfRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CarePathApplication.class).run(
                // no web server and its own engine name: the web apps and the engine registry are JVM-wide, shared
                // with the other tests' running applications, and a failed start would take them down with it; the test
                // profile lets the embedded PostgreSQL start, which is refused under production alone (EmbeddedPostgresConfigurationTest)
                "--spring.profiles.active=production,test", "--carepath.identity.demo-users=true", "--spring.main.web-application-type=none",
                "--camunda.bpm.process-engine-name=refused-start",
                "--carepath.database.embedded.data-directory=target/embedded-postgres-refused",
                "--carepath.database.embedded.clean=true", "--camunda.bpm.job-execution.enabled=false").close())
                .hasRootCauseMessage("CarePath will not start with unsafe settings outside the local profile (profiles: [production, test]):\n"
                        + "  carepath.identity.demo-users is on: demo users (password 'demo') are for the local profile only");
    }
}
