package dev.ardoise.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Rates offered one after the other, each 1.5 times the last, until one is not sustainable or the limit is reached;
 * the sustainable maximum is the highest sustainable rate offered. Each step is a row of the report.
 * <p>
 * A rate is sustainable when the open loop's answers hold ({@link OpenLoop.Result#sustainable()}) and the whole
 * pipeline keeps up with it: both readers have applied every event of the step within a fifth of the step after it
 * ends (a step whose answers hold while the readers fall behind only fills a backlog). Every step starts on readers
 * that have applied everything before it. A step that fails is offered once more, so that one pause of a few
 * hundred ms (a collection, the JIT) does not decide the maximum: the rate is sustainable when the second try is.
 * The sweep is run several times ({@code -Dbenchmark.sweeps}) and the maximum is the median of theirs; each sweep
 * after the first starts two steps below the first one's maximum.
 */
final class Sweep {
    /** Waits until both readers have applied every event so far; answers how long that took, in nanoseconds. */
    @FunctionalInterface
    interface Settle {
        long awaitReadersCurrent() throws Exception;
    }

    private static final double FACTOR = 1.5;
    private final Report report;
    private final Settle settle;
    private long failed;

    Sweep(Report report, Settle settle) {
        this.report = report;
        this.settle = settle;
    }

    /**
     * @param sweeps how many times the sweep runs; at least one
     * @return the median of the sweeps' maxima (the lower middle one when their number is even)
     */
    double median(String what, int sweeps, double start, double limit, Duration step, int maxInFlight,
                  LongFunction<CompletableFuture<OpenLoop.Outcome>> request) throws Exception {
        double[] maxima = new double[Math.max(1, sweeps)];
        double from = start;
        for (int i = 0; i < maxima.length; i++) {
            if (maxima.length > 1) {
                report.line("");
                report.line("Sweep %d of %d:".formatted(i + 1, maxima.length));
            }
            report.line("");
            maxima[i] = run(what, from, limit, step, maxInFlight, request);
            if (i == 0) {
                from = startBelow(maxima[0], start);
            }
        }
        double[] sorted = maxima.clone();
        Arrays.sort(sorted);
        double median = sorted[(sorted.length - 1) / 2];
        if (maxima.length > 1) {
            report.line("");
            report.line("The sweeps' maxima: %s; their median: **%,.0f/s**.".formatted(Arrays.stream(maxima)
                    .mapToObj("%,.0f"::formatted).toList(), median));
        }
        return median;
    }

    /** Two steps of the ladder below {@code maximum}, on the ladder from {@code start}. */
    private static double startBelow(double maximum, double start) {
        double rate = start;
        while (rate * FACTOR * FACTOR <= maximum) {
            rate *= FACTOR;
        }
        return rate;
    }

    /** @return the highest sustainable rate offered; when even the first was not, the first step's achieved rate */
    private double run(String what, double start, double limit, Duration step, int maxInFlight,
                       LongFunction<CompletableFuture<OpenLoop.Outcome>> request) throws Exception {
        report.line("| %s: offered (/s) | answered (/s) | accepted | declined (4xx) | failed | latency p50 / p99 / "
                .formatted(what) + "p99.9 / max | readers current after | sustainable |");
        report.line("|---:|---:|---:|---:|---:|---|---:|---|");
        settle.awaitReadersCurrent();
        double maximum = 0;
        double firstAchieved = 0;
        for (double rate = start; rate <= limit; rate *= FACTOR) {
            Step first = offer(rate, step, maxInFlight, request);
            Step verdict = first.sustainable() ? first : offer(rate, step, maxInFlight, request);
            row(rate, first, first == verdict ? first.sustainable() ? "yes" : "no" : "no, offered again:");
            if (verdict != first) {
                row(rate, verdict, verdict.sustainable() ? "yes" : "no");
            }
            if (firstAchieved == 0) {
                firstAchieved = first.result().achievedRate();
            }
            if (!verdict.sustainable()) {
                break;
            }
            maximum = rate;
        }
        return maximum > 0 ? maximum : firstAchieved;
    }

    private Step offer(double rate, Duration step, int maxInFlight,
                       LongFunction<CompletableFuture<OpenLoop.Outcome>> request) throws Exception {
        OpenLoop.Result result = OpenLoop.run(rate, step, maxInFlight, request);
        failed += result.failed();
        long readersNanos = settle.awaitReadersCurrent();
        return new Step(result, readersNanos, readersNanos <= step.toNanos() / 5);
    }

    private void row(double rate, Step step, String sustainable) {
        OpenLoop.Result result = step.result();
        report.line("| %,.0f | %,.1f | %,d | %,d | %,d | %s | %s | %s |".formatted(rate, result.achievedRate(),
                result.accepted(), result.declined(), result.failed(), result.latencies().percentiles(),
                Latencies.seconds(step.readersNanos()), sustainable));
    }

    long failed() {
        return failed;
    }

    /** One rate offered once: its answers, and how long the readers took to apply its events after it ended. */
    private record Step(OpenLoop.Result result, long readersNanos, boolean readersKeptUp) {
        boolean sustainable() {
            return result.sustainable() && readersKeptUp;
        }
    }

    /** The rule the report states under each sweep. */
    static String rule(Duration step) {
        return "sustainable: at least 95% of the offered rate answered, at most 1% failed, p99 under 100 ms from "
                + "the intended start, and both readers current within %s of the step's end; a step that fails is "
                .formatted(Latencies.seconds(step.toNanos() / 5)) + "offered once more";
    }
}
