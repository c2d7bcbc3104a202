package dev.ardoise.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed email again: an exponential back-off (base, 2 x base, 4 x base... capped at max) with
 * jitter, so that many emails failing together during an SMTP outage do not all retry at the same instant.
 * After {@code maxAttempts} attempts the email is given up (FAILED, visible, never dropped silently).
 */
public final class RetrySchedule {
    private final int maxAttempts;
    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random answers a number in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble} */
    public RetrySchedule(int maxAttempts, Duration base, Duration max, DoubleSupplier random) {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and 0 < base <= max");
        }
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** What follows a failed attempt: another one later (PENDING), or none (FAILED). */
    public NextStep afterFailure(int attemptsMade, Instant now) {
        return givesUpAfter(attemptsMade)
                ? new NextStep(NotificationStatus.FAILED, null)
                : new NextStep(NotificationStatus.PENDING, now.plus(delayAfter(attemptsMade)));
    }

    public boolean givesUpAfter(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** The wait after the given number of failed attempts: between half and all of the capped exponential. */
    public Duration delayAfter(int attemptsMade) {
        long ceiling = ceilingMillis(attemptsMade);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }

    private long ceilingMillis(int attemptsMade) {
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 30));
        long exponential = base.toMillis() << doublings;
        return exponential <= 0 ? max.toMillis() : Math.min(exponential, max.toMillis());
    }

    /** @param nextAttemptAt null when the email is given up */
    public record NextStep(NotificationStatus status, Instant nextAttemptAt) {
    }
}
