package dev.ardoise.benchmark;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Requests sent at a fixed rate whatever the answers do (open loop): request i is due at start + i / rate, and its
 * latency runs from then, not from when it could be sent. When {@code maxInFlight} requests are outstanding the
 * next waits for a free slot, and that wait counts in its latency (coordinated omission corrected).
 */
final class OpenLoop {
    /** How a request ended: accepted, declined by a rule (a 4xx the caller expects), or failed. */
    enum Outcome { ACCEPTED, DECLINED, FAILED }

    /** One rate offered for a while, and what came back. */
    record Result(double offeredRate, long sent, long accepted, long declined, long failed, long elapsedNanos,
                  Latencies latencies) {
        double achievedRate() {
            return Latencies.perSecond(accepted + declined, elapsedNanos);
        }

        /**
         * Sustainable: at least 95% of the offered rate answered (accepted or declined), at most 1% failed, p99
         * under 100 ms from the intended start.
         */
        boolean sustainable() {
            return achievedRate() >= 0.95 * offeredRate && failed <= sent / 100 && latencies.millisAt(99) < 100;
        }
    }

    private OpenLoop() {
    }

    /**
     * @param request sends request number i and completes with its outcome (never exceptionally: a failure is
     *                {@link Outcome#FAILED})
     */
    static Result run(double ratePerSecond, Duration duration, int maxInFlight,
                      LongFunction<CompletableFuture<Outcome>> request) {
        Semaphore slots = new Semaphore(maxInFlight);
        Latencies latencies = new Latencies();
        AtomicLong accepted = new AtomicLong();
        AtomicLong declined = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
        double periodNanos = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * periodNanos);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquireUninterruptibly();
            CompletableFuture<Outcome> answer;
            try {
                answer = request.apply(i);
            } catch (RuntimeException e) {
                answer = CompletableFuture.completedFuture(Outcome.FAILED);
            }
            answer.whenComplete((outcome, error) -> {
                long latency = System.nanoTime() - intended;
                Outcome ended = error == null ? outcome : Outcome.FAILED;
                switch (ended) {
                    case ACCEPTED -> accepted.incrementAndGet();
                    case DECLINED -> declined.incrementAndGet();
                    case FAILED -> failed.incrementAndGet();
                }
                if (ended != Outcome.FAILED) {
                    latencies.add(latency);
                }
                slots.release();
            });
        }
        awaitAll(slots, maxInFlight);
        return new Result(ratePerSecond, total, accepted.get(), declined.get(), failed.get(),
                System.nanoTime() - start, latencies);
    }

    /** Every request answered: their slots are all back (a lost answer fails after two minutes). */
    private static void awaitAll(Semaphore slots, int maxInFlight) {
        try {
            if (!slots.tryAcquire(maxInFlight, 2, TimeUnit.MINUTES)) {
                throw new IllegalStateException((maxInFlight - slots.availablePermits())
                        + " requests still unanswered after 2 minutes");
            }
            slots.release(maxInFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
