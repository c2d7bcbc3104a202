package dev.ardoise.invoice.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: the system clock in the store's zone, unless a test fixes the day. Replaces
 * ClockProducer's bean, so every query reads the day from here.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private static final ZoneId STORE = ZoneId.of("America/Toronto");
    private final AtomicReference<Clock> current = new AtomicReference<>(Clock.system(STORE));

    /** From now on, it is noon of this store day. */
    public void fixOn(LocalDate day) {
        current.set(Clock.fixed(day.atTime(12, 0).atZone(STORE).toInstant(), STORE));
    }

    public void reset() {
        current.set(Clock.system(STORE));
    }

    @Override
    public ZoneId getZone() {
        return current.get().getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.get().withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.get().instant();
    }
}
