package org.carepath.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A growing, temporary delay after wrong passwords, per user and per client address: after
 * {@code freeAttempts} failures, attempts are refused for {@code firstDelay}, then twice as long after
 * each further failure, never longer than {@code maxDelay}. A right password forgets the user's
 * failures; an address's are forgotten after {@code forgetAfter} without a failure. Nothing is
 * permanent, so nobody can lock an account for good (Camunda's own lock is off, see
 * {@link ThrottledIdentityProvider}). Kept in memory: each CarePath node throttles on its own.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** Which client address is signing in, set for the current request by {@link SignInThrottleFilter}. */
    static final ThreadLocal<String> CLIENT_ADDRESS = new ThreadLocal<>();

    @ConfigurationProperties("carepath.identity.sign-in-throttle")
    record Settings(Integer freeAttempts, Integer addressFreeAttempts, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
        Settings {
            freeAttempts = freeAttempts == null ? 3 : freeAttempts;
            // an office shares one address: a few colleagues' typos must not hold everybody up
            addressFreeAttempts = addressFreeAttempts == null ? 10 : addressFreeAttempts;
            firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
            maxDelay = maxDelay == null ? Duration.ofSeconds(60) : maxDelay;
            forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
        }
    }

    private record Failures(int count, Instant last, Instant refusedUntil) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Settings settings;

    SignInThrottle(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** How long an attempt to sign in as {@code user} from {@code address} must still wait, if at all. */
    public Optional<Duration> refusal(String user, String address) {
        var now = clock.instant();
        return Stream.of(userKey(user), addressKey(address))
                .filter(key -> key != null)
                .map(key -> remaining(key, now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    void refused(String user, String address, Duration wait) {
        log.warn("Sign-in refused for user '{}' from {}: too many wrong passwords, retry in {} s", user, address, wait.toSeconds());
    }

    void failed(String user, String address) {
        var now = clock.instant();
        for (var key : new String[] {userKey(user), addressKey(address)}) {
            if (key != null) {
                int free = key.startsWith("user:") ? settings.freeAttempts() : settings.addressFreeAttempts();
                var after = failures.compute(key, (k, before) -> next(before, now, free));
                if (after.refusedUntil() != null) {
                    log.warn("Wrong password for user '{}' from {} ({} failures for {}): next attempt not before {}",
                            user, address, after.count(), k(key), after.refusedUntil());
                }
            }
        }
        failures.values().removeIf(f -> f.last().plus(settings.forgetAfter()).isBefore(now));
    }

    void succeeded(String user) {
        var key = userKey(user);
        if (key != null) {
            failures.remove(key);
        }
    }

    private Failures next(Failures before, Instant now, int free) {
        int count = before == null || before.last().plus(settings.forgetAfter()).isBefore(now) ? 1 : before.count() + 1;
        Instant until = null;
        if (count >= free) {
            int doublings = Math.min(count - free, 30);
            var delay = settings.firstDelay().multipliedBy(1L << doublings);
            until = now.plus(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay);
        }
        return new Failures(count, now, until);
    }

    private Optional<Duration> remaining(String key, Instant now) {
        var entry = failures.get(key);
        if (entry == null || entry.refusedUntil() == null || !entry.refusedUntil().isAfter(now)) {
            return Optional.empty();
        }
        // whole seconds, rounded up, as Retry-After takes them
        var wait = Duration.between(now, entry.refusedUntil());
        return Optional.of(Duration.ofSeconds(wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
    }

    private static String k(String key) {
        return key.substring(0, key.indexOf(':'));
    }

    private static String userKey(String user) {
        return user == null || user.isBlank() ? null : "user:" + user;
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }
}
