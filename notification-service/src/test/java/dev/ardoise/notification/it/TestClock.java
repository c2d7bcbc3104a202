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
 * The service's one clock in tests, on the store's time zone: the real time until a test moves it; moved, it
 * keeps ticking from there (so that back-offs and timeouts still run out).
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    static final ZoneId STORE_ZONE = ZoneId.of("America/Toronto");

    private volatile Duration ahead = Duration.ZERO;

    /** The store's clock reads this local date and time now, and goes on from there. */
    public void set(LocalDateTime storeTime) {
        ahead = Duration.between(Instant.now(), storeTime.atZone(STORE_ZONE).toInstant());
    }

    public void reset() {
        ahead = Duration.ZERO;
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
    public Instant instant() {
        return Instant.now().plus(ahead);
    }
}
