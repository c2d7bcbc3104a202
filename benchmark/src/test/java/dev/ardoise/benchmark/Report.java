package dev.ardoise.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run's Markdown report, written as it goes so that a failed run still leaves what it measured. */
final class Report {
    private final Path file;
    private final StringBuilder text = new StringBuilder();

    Report(Path file) {
        this.file = file;
    }

    synchronized void section(String title) {
        text.append("\n## ").append(title).append("\n\n");
        System.out.println("[benchmark] ## " + title);
        save();
    }

    synchronized void line(String markdown) {
        text.append(markdown).append('\n');
        System.out.println("[benchmark] " + markdown);
        save();
    }

    /** A table row per figure: what, count, elapsed, rate, latencies. */
    void tableHead() {
        line("| figure | count | elapsed | rate (/s) | latency p50 / p99 / p99.9 / max |");
        line("|---|---:|---:|---:|---|");
    }

    void row(String what, long count, long elapsedNanos, String unit, Latencies latencies) {
        line("| %s | %,d | %s | %s %s | %s |".formatted(what, count, Latencies.seconds(elapsedNanos),
                Latencies.rate(count, elapsedNanos), unit, latencies == null ? "" : latencies.percentiles()));
    }

    synchronized String text() {
        return text.toString();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
