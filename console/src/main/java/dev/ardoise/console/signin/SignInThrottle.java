package dev.ardoise.console.signin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Keeps password checks from taking the console down or guessing a password: each check is 210,000 PBKDF2 rounds
 * (a fifth of a second of a core), so at most {@value #AT_ONCE} run at once and the others are told to come back
 * (429); and a user name that failed {@value #FREE_FAILURES} times in a row waits 30 s, then twice as long after
 * each further failure, up to 15 minutes. Unknown names count as known ones do. The failures are kept in memory,
 * for the {@value #NAMES_KEPT} names seen last; a success forgets them.
 */
@Singleton
public class SignInThrottle {
    static final int AT_ONCE = 2;
    static final int FREE_FAILURES = 5;
    static final int NAMES_KEPT = 10_000;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final Semaphore hashing = new Semaphore(AT_ONCE);
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > NAMES_KEPT;
        }
    };

    private record Failures(int count, Instant waitUntil) {
    }

    @Inject
    SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this name must wait before its password is checked again; zero when it may be now. */
    public synchronized Duration waitFor(String name) {
        Failures known = failures.get(name);
        if (known == null || !known.waitUntil().isAfter(clock.instant())) {
            return Duration.ZERO;
        }
        return Duration.between(clock.instant(), known.waitUntil());
    }

    /** The check's answer, or empty when {@value #AT_ONCE} checks are already running (come back in a second). */
    public <T> Optional<T> whenFree(Supplier<T> check) {
        if (!hashing.tryAcquire()) {
            return Optional.empty();
        }
        try {
            return Optional.of(check.get());
        } finally {
            hashing.release();
        }
    }

    public synchronized void failed(String name) {
        Failures before = failures.get(name);
        int count = before == null ? 1 : before.count() + 1;
        Instant waitUntil = count < FREE_FAILURES ? Instant.MIN : clock.instant().plus(wait(count));
        failures.put(name, new Failures(count, waitUntil));
    }

    public synchronized void succeeded(String name) {
        failures.remove(name);
    }

    private static Duration wait(int failuresInARow) {
        int doublings = Math.min(failuresInARow - FREE_FAILURES, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
