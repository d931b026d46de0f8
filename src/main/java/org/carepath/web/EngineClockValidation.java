package org.carepath.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.carepath.timescale.Timescales;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code @PastOrPresent}, {@link IsoDate} and friends read CarePath's one clock, {@link Timescales#now()}. */
@Configuration(proxyBeanMethods = false)
class EngineClockValidation {

    @Bean
    ValidationConfigurationCustomizer engineClock(Timescales timescales) {
        return configuration -> configuration.clockProvider(() -> new EngineClock(timescales));
    }

    static final class EngineClock extends Clock {
        private final Timescales timescales;

        EngineClock(Timescales timescales) {
            this.timescales = timescales;
        }

        @Override
        public ZoneId getZone() {
            return timescales.zone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return timescales.now();
        }
    }
}
