package dev.ardoise.benchmark;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Durations of many operations in an HdrHistogram (microseconds, 3 significant digits, up to an hour), read as
 * p50 / p99 / p99.9 / max in milliseconds. An open-loop load records each from the request's intended start, so
 * that a stalled system is charged for every request it kept waiting (coordinated omission corrected).
 */
final class Latencies {
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    synchronized void add(long elapsedNanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, elapsedNanos / 1_000)));
    }

    synchronized void addAll(Latencies other) {
        Histogram copy;
        synchronized (other) {
            copy = other.histogram.copy();
        }
        histogram.add(copy);
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    /** The value at this percentile, in milliseconds. */
    synchronized double millisAt(double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    synchronized double maxMillis() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1_000.0;
    }

    /** "p50 / p99 / p99.9 / max" in ms. */
    synchronized String percentiles() {
        if (histogram.getTotalCount() == 0) {
            return "none";
        }
        return "%.2f / %.2f / %.2f / %.1f ms".formatted(millisAt(50), millisAt(99), millisAt(99.9), maxMillis());
    }

    static String millis(long nanos) {
        return "%.1f".formatted(nanos / 1_000_000.0);
    }

    /** Per second, to one decimal. */
    static String rate(long count, long elapsedNanos) {
        return "%,.1f".formatted(perSecond(count, elapsedNanos));
    }

    static double perSecond(long count, long elapsedNanos) {
        return count * 1_000_000_000.0 / Math.max(1, elapsedNanos);
    }

    static String seconds(long elapsedNanos) {
        return "%.1f s".formatted(elapsedNanos / 1_000_000_000.0);
    }
}
