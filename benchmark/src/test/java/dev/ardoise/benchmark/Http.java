package dev.ardoise.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON over HTTP/1.1 to the services, as a register or a back office would call them, with its bearer token. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String token;

    /** @param token the caller's token (DevTokens), sent on every request */
    Http(String token) {
        this.token = token;
    }

    record Answer(int status, JsonNode body, long elapsedNanos, HttpHeaders headers) {
        String text(String field) {
            return body.path(field).asText();
        }

        /** @return the header's first value, or empty when absent */
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    Answer post(String url, Map<String, ?> body) {
        return send(json(url).POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    Answer put(String url, Map<String, ?> body) {
        return send(json(url).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    private HttpRequest.Builder json(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            // a reconciliation answers when it is done: 60 s for 480,000 events of 28,000 accounts was too short
            HttpResponse<String> response = client.send(request.timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            String text = response.body();
            return new Answer(response.statusCode(), text.isBlank() ? JSON.nullNode() : JSON.readTree(text), elapsed,
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
