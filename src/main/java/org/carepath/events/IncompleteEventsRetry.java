package org.carepath.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Hands the events a listener failed to handle to it again ({@code carepath.events.retry}, a cron
 * expression; {@code -} switches it off). Only those older than {@code carepath.events.retry-after}, so
 * that an event whose listener is still at work is not handed over twice. This also covers a restart:
 * what was left incomplete before is picked up by the first run after it, so the registry's own
 * republishing on restart stays off (it would hand over events other instances are handling).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IncompleteEventsRetry {

    private static final Logger log = LoggerFactory.getLogger(IncompleteEventsRetry.class);

    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;

    IncompleteEventsRetry(IncompleteEventPublications incomplete, @Value("${carepath.events.retry-after:PT5M}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    @Scheduled(cron = "${carepath.events.retry:0 */5 * * * *}")
    void retry() {
        retryOlderThan(retryAfter);
    }

    /** Hands over again every event a listener has not handled for {@code age}. */
    public void retryOlderThan(Duration age) {
        log.debug("Handing over again the events not handled for {}", age);
        incomplete.resubmitIncompletePublicationsOlderThan(age);
    }
}
