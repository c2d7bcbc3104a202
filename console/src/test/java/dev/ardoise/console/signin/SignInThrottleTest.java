package dev.ardoise.console.signin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void five_failures_in_a_row_make_the_name_wait_30_seconds_then_longer_after_each_further_failure() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("anne");
        }
        assertEquals(Duration.ZERO, throttle.waitFor("anne"), "four failures cost nothing");
        throttle.failed("anne");
        assertEquals(Duration.ofSeconds(30), throttle.waitFor("anne"));
        assertEquals(Duration.ZERO, throttle.waitFor("bob"), "only that name waits");
        now = now.plusSeconds(30);
        assertEquals(Duration.ZERO, throttle.waitFor("anne"));
        throttle.failed("anne");
        assertEquals(Duration.ofSeconds(60), throttle.waitFor("anne"));
        for (int i = 0; i < 10; i++) {
            throttle.failed("anne");
        }
        assertEquals(Duration.ofMinutes(15), throttle.waitFor("anne"), "never longer than 15 minutes");
    }

    @Test
    void a_success_forgets_the_failures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("anne");
        }
        throttle.succeeded("anne");
        throttle.failed("anne");
        assertEquals(Duration.ZERO, throttle.waitFor("anne"));
    }

    @Test
    void only_two_checks_run_at_once_and_a_third_is_told_to_come_back() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                two.submit(() -> throttle.whenFree(() -> {
                    running.countDown();
                    return await(release);
                }));
            }
            assertTrue(running.await(10, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), throttle.whenFree(() -> "third"));
            release.countDown();
            two.shutdown();
            assertTrue(two.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(Optional.of("after"), throttle.whenFree(() -> "after"));
        } finally {
            two.shutdownNow();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
