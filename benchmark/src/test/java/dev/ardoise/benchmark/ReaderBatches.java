package dev.ardoise.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many events a reader applied per batch, from its {@code ardoise_reader_batch_size} summary on its management
 * port: each batch pays the reader's statements once (positions locked, parked rows, the flush, the positions
 * written), so at live rates the events per batch say much of what an event costs.
 */
final class ReaderBatches {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern COUNT = Pattern.compile("(?m)^ardoise_reader_batch_size_count(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern SUM = Pattern.compile("(?m)^ardoise_reader_batch_size_sum(?:\\{[^}]*})? (\\S+)$");

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
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return new Tally(value(COUNT, text), value(SUM, text));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + metricsUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double value(Pattern metric, String text) {
        Matcher matcher = metric.matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
