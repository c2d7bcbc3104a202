package dev.ardoise.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {
    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void the_wait_doubles_with_each_failed_attempt_between_half_and_all_of_it() {
        assertEquals(Duration.ofMillis(500), schedule(0.0).delayAfter(1));
        assertEquals(Duration.ofMillis(999), schedule(0.999).delayAfter(1));
        assertEquals(Duration.ofSeconds(1), schedule(0.0).delayAfter(2));
        assertEquals(Duration.ofSeconds(4), schedule(0.0).delayAfter(4));
        assertEquals(Duration.ofMillis(7996), schedule(0.999).delayAfter(4));
    }

    @Test
    void the_wait_never_exceeds_the_maximum_nor_falls_below_half_of_it() {
        for (int attempts = 1; attempts <= 100; attempts++) {
            for (double random : new double[]{0.0, 0.5, 0.999_999}) {
                Duration delay = schedule(random).delayAfter(attempts);
                assertTrue(delay.compareTo(MAX) <= 0, "attempt " + attempts + ": " + delay);
                assertTrue(delay.compareTo(BASE.dividedBy(2)) >= 0, "attempt " + attempts + ": " + delay);
            }
        }
        assertEquals(MAX.dividedBy(2), schedule(0.0).delayAfter(60));
    }

    @Test
    void it_gives_up_after_the_last_attempt() {
        RetrySchedule schedule = new RetrySchedule(10, BASE, MAX, () -> 0.5);

        assertFalse(schedule.givesUpAfter(9));
        assertTrue(schedule.givesUpAfter(10));
    }

    @Test
    void a_failed_attempt_is_tried_again_later_until_the_last_one_fails() {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        RetrySchedule schedule = new RetrySchedule(3, BASE, MAX, () -> 0.0);

        assertEquals(new RetrySchedule.NextStep(NotificationStatus.PENDING, now.plusMillis(500)),
                schedule.afterFailure(1, now));
        assertEquals(new RetrySchedule.NextStep(NotificationStatus.PENDING, now.plusSeconds(1)),
                schedule.afterFailure(2, now));
        assertEquals(new RetrySchedule.NextStep(NotificationStatus.FAILED, null), schedule.afterFailure(3, now));
    }

    @Test
    void a_schedule_needs_sensible_bounds() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, BASE, MAX, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, MAX, BASE, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, Duration.ZERO, MAX, () -> 0));
    }

    private static RetrySchedule schedule(double random) {
        return new RetrySchedule(10, BASE, MAX, () -> random);
    }
}
