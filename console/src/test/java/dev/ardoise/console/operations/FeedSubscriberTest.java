package dev.ardoise.console.operations;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser that reads slower than events come: the oldest waiting events are dropped, the reader never waits. */
class FeedSubscriberTest {

    /** A browser's stream whose writes complete only when the test says so. */
    private static final class SlowBrowser implements SseEventSink {
        final List<String> written = new ArrayList<>();
        final List<CompletableFuture<Void>> writes = new ArrayList<>();
        boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            written.add(event.getId());
            CompletableFuture<Void> write = new CompletableFuture<>();
            writes.add(write);
            return write;
        }

        @Override
        public void close() {
            closed = true;
        }

        void finishWriting() {
            writes.get(writes.size() - 1).complete(null);
        }
    }

    @Test
    void a_slow_browser_loses_the_oldest_waiting_events_and_gets_the_newest_in_order() {
        SlowBrowser browser = new SlowBrowser();
        FeedSubscriber subscriber = new FeedSubscriber(FeedFilter.ALL, browser, new SseImpl(), 3,
                Instant.now().plusSeconds(60), () -> { });
        for (int i = 1; i <= 6; i++) {
            subscriber.event(event("e" + i), "{}");
        }
        assertEquals(List.of("e1"), browser.written, "one write at a time");

        for (int i = 0; i < 3; i++) {
            browser.finishWriting();
        }
        assertEquals(List.of("e1", "e4", "e5", "e6"), browser.written, "e2 and e3 dropped for newer ones");
    }

    @Test
    void a_browser_whose_write_failed_is_let_go() {
        SlowBrowser browser = new SlowBrowser();
        List<String> left = new ArrayList<>();
        FeedSubscriber subscriber = new FeedSubscriber(FeedFilter.ALL, browser, new SseImpl(), 3,
                Instant.now().plusSeconds(60), () -> left.add("gone"));
        subscriber.event(event("e1"), "{}");
        browser.writes.get(0).completeExceptionally(new IllegalStateException("connection reset"));
        subscriber.event(event("e2"), "{}");

        assertEquals(List.of("gone"), left);
        assertEquals(List.of("e1"), browser.written);
        assertTrue(browser.closed);
    }

    @Test
    void the_stream_ends_with_the_session_that_opened_it() {
        SlowBrowser browser = new SlowBrowser();
        List<String> left = new ArrayList<>();
        Instant sessionEnds = Instant.now().plusSeconds(60);
        FeedSubscriber subscriber = new FeedSubscriber(FeedFilter.ALL, browser, new SseImpl(), 3, sessionEnds,
                () -> left.add("gone"));
        subscriber.keepAlive(sessionEnds.minusSeconds(1));
        assertEquals(List.of(), left);
        subscriber.keepAlive(sessionEnds.plusSeconds(1));
        assertEquals(List.of("gone"), left);
        assertTrue(browser.closed);
    }

    private static FeedEvent event(String id) {
        return new FeedEvent(id, "SaleCharged", "6d1f3c2a-0000-4000-8000-000000000001", "MAIN", "10.00", 1,
                "2026-12-01T10:00:00Z", "2026-12-01T10:00:00.100Z");
    }
}
