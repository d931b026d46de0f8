package org.carepath.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code @PastOrPresent} and friends read the engine's clock, the same "now" as every timescale. */
@Configuration(proxyBeanMethods = false)
class EngineClockValidation {

    @Bean
    ValidationConfigurationCustomizer engineClock() {
        return configuration -> configuration.clockProvider(EngineClock::new);
    }

    static final class EngineClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
