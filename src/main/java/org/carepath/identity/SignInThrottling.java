package org.carepath.identity;

import java.time.Clock;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link SignInThrottle} in front of every password check, in both sign-in modes. */
@Configuration(proxyBeanMethods = false)
class SignInThrottling {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilter(SignInThrottle throttle) {
        var registration = new FilterRegistrationBean<>(new SignInThrottleFilter(throttle));
        registration.setName("CarePath sign-in throttle");
        // before Spring Security, which checks HTTP Basic passwords
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    AbstractCamundaConfiguration throttledIdentityProvider(SignInThrottle throttle, RememberedSignIns remembered) {
        return new AbstractCamundaConfiguration() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setIdentityProviderSessionFactory(ThrottledIdentityProvider.factory(throttle, remembered));
                // Camunda's own lock-out off: no permanent lock, no delay kept in ACT_ID_USER
                configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
                configuration.setLoginDelayFactor(0);
            }
        };
    }
}
