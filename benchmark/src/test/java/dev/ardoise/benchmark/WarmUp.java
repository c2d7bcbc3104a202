package dev.ardoise.benchmark;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * The charge path run before a sweep is measured, so that the sweep's first step does not pay for the JIT and the
 * services' first connections: charges over HTTP on the sweep's accounts at the sweep's first rate, every tenth
 * request a POS sale instead. Its figures are reported on one line and counted nowhere else.
 */
final class WarmUp {
    private static final int POS_SALE_EVERY = 10;

    private final Report report;

    WarmUp(Report report) {
        this.report = report;
    }

    /** @param pos the POS topic, on the same accounts as {@code charges} */
    void run(Charges charges, PosTopic pos, double rate, Duration duration, int maxInFlight) {
        run("charges over HTTP, every %dth request a POS sale instead".formatted(POS_SALE_EVERY), rate, duration,
                maxInFlight, i -> request(charges, pos, i));
    }

    /** Before the POS sweep: POS sales alone, so that its first step does not pay for the consumer's first polls. */
    void runPos(PosTopic pos, double rate, Duration duration, int maxInFlight) {
        run("POS sales", rate, duration, maxInFlight, i -> pos.sell(-1 - i));
    }

    private void run(String what, double rate, Duration duration, int maxInFlight,
                     LongFunction<CompletableFuture<OpenLoop.Outcome>> request) {
        if (duration.isZero() || duration.isNegative()) {
            report.line("Warm-up: none (-Dbenchmark.warmupSeconds=0): the first step of the sweep warms the path.");
            return;
        }
        OpenLoop.Result result = OpenLoop.run(rate, duration, maxInFlight, request);
        report.line("Warm-up, not counted: %s at %,.0f/s offered (%s): %,d answered (%,.1f/s), %,d failed, p99 %.1f ms."
                .formatted(Latencies.seconds(result.elapsedNanos()), rate, what, result.accepted() + result.declined(),
                        result.achievedRate(), result.failed(), result.latencies().millisAt(99)));
    }

    private static CompletableFuture<OpenLoop.Outcome> request(Charges charges, PosTopic pos, long i) {
        // negative numbers: other accounts' picks and other amounts than the sweep's requests 0, 1, 2...
        long n = -1 - i;
        return i % POS_SALE_EVERY == POS_SALE_EVERY - 1 ? pos.sell(n) : charges.charge(n);
    }
}
