package org.carepath.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic sign-ins remembered for a short while ({@code carepath.identity.remember-basic-sign-ins}, 30 seconds
 * unless set; 0 remembers none). An API client sends its password with every request, and checking it and reading the
 * user's groups cost two engine transactions each time. Only a right password is remembered, as a keyed hash
 * (HMAC-SHA-256 under a key made at start-up and never stored), so a wrong one is always checked and throttled. Any
 * change to users, groups or memberships made through the engine forgets every sign-in, when it is made and again
 * when it commits, and a sign-in read before a change is not remembered after it.
 */
@Component
class RememberedSignIns {

    static final int MOST_USERS = 10_000;

    private record Remembered(byte[] digest, List<GrantedAuthority> authorities, Instant until) {
    }

    private final Map<String, Remembered> byUser = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final SecretKeySpec key;
    private final Duration forHowLong;
    private final Clock clock;

    RememberedSignIns(@Value("${carepath.identity.remember-basic-sign-ins:30s}") Duration forHowLong, Clock clock) {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.forHowLong = forHowLong;
        this.clock = clock;
    }

    /** Where the identity stands now: pass it to {@link #remember} with what was read after it. */
    long now() {
        return changes.get();
    }

    Optional<List<GrantedAuthority>> find(String user, String password) {
        var remembered = byUser.get(user);
        if (remembered == null || !clock.instant().isBefore(remembered.until())
                || !MessageDigest.isEqual(remembered.digest(), digest(user, password))) {
            return Optional.empty();
        }
        return Optional.of(remembered.authorities());
    }

    /** A right password and the groups read for it, unless the identity changed since {@code readAt}. */
    void remember(String user, String password, List<GrantedAuthority> authorities, long readAt) {
        if (forHowLong.isZero() || forHowLong.isNegative()) {
            return;
        }
        if (byUser.size() >= MOST_USERS) {
            byUser.clear();
        }
        byUser.put(user, new Remembered(digest(user, password), List.copyOf(authorities), clock.instant().plus(forHowLong)));
        if (changes.get() != readAt) {
            byUser.remove(user);
        }
    }

    void forgetAll() {
        changes.incrementAndGet();
        byUser.clear();
    }

    private byte[] digest(String user, String password) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
