package dev.ardoise.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Rates offered one after the other, each 1.5 times the last, until one is not sustainable (OpenLoop.Result) or
 * the limit is reached; the sustainable maximum is the highest sustainable rate offered. Each step is a row of the
 * report.
 */
final class Sweep {
    private final Report report;
    private final List<OpenLoop.Result> steps = new ArrayList<>();

    Sweep(Report report) {
        this.report = report;
    }

    /** @return the highest sustainable rate offered; when even the first was not, the first step's achieved rate */
    double run(String what, double start, double limit, Duration step, int maxInFlight,
               LongFunction<CompletableFuture<OpenLoop.Outcome>> request) {
        report.line("| %s: offered (/s) | answered (/s) | accepted | declined (4xx) | failed | latency p50 / p99 / "
                .formatted(what) + "p99.9 / max | sustainable |");
        report.line("|---:|---:|---:|---:|---:|---|---|");
        double maximum = 0;
        for (double rate = start; rate <= limit; rate *= 1.5) {
            OpenLoop.Result result = OpenLoop.run(rate, step, maxInFlight, request);
            steps.add(result);
            report.line("| %,.0f | %,.1f | %,d | %,d | %,d | %s | %s |".formatted(rate, result.achievedRate(),
                    result.accepted(), result.declined(), result.failed(), result.latencies().percentiles(),
                    result.sustainable() ? "yes" : "no"));
            if (!result.sustainable()) {
                break;
            }
            maximum = rate;
        }
        return maximum > 0 ? maximum : steps.get(0).achievedRate();
    }

    long failed() {
        return steps.stream().mapToLong(OpenLoop.Result::failed).sum();
    }
}
