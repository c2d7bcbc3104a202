package dev.ardoise.benchmark;

/**
 * How many events a reader applied per batch, from its {@code ardoise_reader_batch_size} summary on its management
 * port: each batch pays the reader's statements once (positions locked, parked rows, the flush, the positions
 * written), so at live rates the events per batch say much of what an event costs.
 */
final class ReaderBatches {
    /** Batches and events so far; subtract an earlier one to get those of a phase. */
    record Tally(double batches, double events) {
        Tally since(Tally before) {
            return new Tally(batches - before.batches, events - before.events);
        }

        String describe() {
            return batches == 0 ? "no batch" : "%,.0f batches of %.1f events on average".formatted(batches,
                    events / batches);
        }
    }

    static Tally read(String metricsUrl) {
        String text = Metrics.scrape(metricsUrl);
        return new Tally(Metrics.sum(text, "ardoise_reader_batch_size_count"),
                Metrics.sum(text, "ardoise_reader_batch_size_sum"));
    }
}
