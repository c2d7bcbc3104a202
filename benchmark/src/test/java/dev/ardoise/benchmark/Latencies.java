package dev.ardoise.benchmark;

import java.util.Arrays;

/** Durations of many operations (nanoseconds), read as percentiles in milliseconds. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    synchronized int count() {
        return count;
    }

    /** "p50 / p95 / p99 / max" in ms, nearest-rank percentiles. */
    synchronized String percentiles() {
        if (count == 0) {
            return "none";
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return "%s / %s / %s / %s ms".formatted(millis(rank(sorted, 50)), millis(rank(sorted, 95)),
                millis(rank(sorted, 99)), millis(sorted[count - 1]));
    }

    private long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    static String millis(long nanos) {
        return "%.1f".formatted(nanos / 1_000_000.0);
    }

    /** Per second, to one decimal. */
    static String rate(long count, long elapsedNanos) {
        return "%,.1f".formatted(count * 1_000_000_000.0 / Math.max(1, elapsedNanos));
    }

    static String seconds(long elapsedNanos) {
        return "%.1f s".formatted(elapsedNanos / 1_000_000_000.0);
    }
}
