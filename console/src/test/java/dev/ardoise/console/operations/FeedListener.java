package dev.ardoise.console.operations;

import dev.ardoise.console.signin.SignInResource;
import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * A browser following {@code GET /operations/feed} as an EventSource does: the server-sent events it received, by
 * name, read on a thread of its own until closed.
 */
final class FeedListener implements AutoCloseable {
    /** One server-sent event. */
    record Event(String name, String id, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream stream;
    private final int status;

    private FeedListener(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.stream = response.body();
        Thread reader = new Thread(this::read, "test-feed-listener");
        reader.setDaemon(true);
        reader.start();
    }

    /** Follows the feed with this session and query ({@code ?account=...}), once the console answered. */
    static FeedListener follow(String session, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/operations/feed" + query))
                .header("Cookie", SignInResource.SESSION_COOKIE + "=" + session)
                .header("Accept", "text/event-stream").build();
        try {
            return new FeedListener(HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return status;
    }

    List<Event> named(String name) {
        return events.stream().filter(event -> name.equals(event.name())).toList();
    }

    /** Waits until the console says it follows account-events. */
    FeedListener awaitReading() {
        await().atMost(Duration.ofSeconds(30)).until(() -> named("status").stream()
                .anyMatch(event -> event.data().contains("\"reading\":true")));
        return this;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
