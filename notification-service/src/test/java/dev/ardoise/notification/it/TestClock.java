package dev.ardoise.notification.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The service's one clock in tests, on the store's time zone. At rest it reads a quiet morning of the fixtures'
 * world ({@link #AT_REST}), ticking from the application's start: their sales of 29 November are three days old, no
 * reminder (from 26 December) nor monthly statement (from the 5th) is due yet, whatever the real date. A test moves
 * it forward ({@link #set}), and it keeps ticking from there (so that back-offs and timeouts still run out), or
 * holds it still ({@link #standStill}) and moves it by hand ({@link #advance}) to decide when the sender tries again.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    static final ZoneId STORE_ZONE = ZoneId.of("America/Toronto");
    static final LocalDateTime AT_REST = LocalDateTime.of(2026, 12, 2, 9, 0);

    /** Where the clock at rest is ahead of (or behind) the real time: fixed, so that resting time never goes back. */
    private final Duration restingAhead = ahead(AT_REST);
    private Duration ahead = restingAhead;
    /** The instant it reads while it stands still; null while it ticks. */
    private Instant stoppedAt;

    /** The store's clock reads this local date and time now, and goes on from there. */
    public synchronized void set(LocalDateTime storeTime) {
        ahead = ahead(storeTime);
        stoppedAt = null;
    }

    /** Back to the clock at rest, ticking. */
    public synchronized void reset() {
        ahead = restingAhead;
        stoppedAt = null;
    }

    /** The clock stops where it is: an email that failed is not tried again until the test {@link #advance}s it. */
    public synchronized void standStill() {
        stoppedAt = instant();
    }

    /** Moves the clock on, standing still or ticking. */
    public synchronized void advance(Duration time) {
        if (stoppedAt != null) {
            stoppedAt = stoppedAt.plus(time);
        } else {
            ahead = ahead.plus(time);
        }
    }

    private static Duration ahead(LocalDateTime storeTime) {
        return Duration.between(Instant.now(), storeTime.atZone(STORE_ZONE).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return STORE_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public synchronized Instant instant() {
        return stoppedAt != null ? stoppedAt : Instant.now().plus(ahead);
    }
}
