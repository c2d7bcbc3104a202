package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no reader running at all (the broker away), the feed's own timer still ends streams whose session ended and
 * finds browsers that left, so their places are free for the operators who reconnect.
 */
class FeedKeepAliveTest {
    /** One browser at a time may follow this feed. */
    private static final OperationsSettings ONE_BROWSER = new TopicsReaderFailureTest.Settings() {
        @Override
        public int feedMostSubscribers() {
            return 1;
        }
    };

    private final Feed feed = new Feed(new ObjectMapper(), ONE_BROWSER);

    private static final class Browser implements SseEventSink {
        volatile boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @AfterEach
    void stop() {
        feed.stop(new ShutdownEvent());
    }

    @Test
    void a_stream_whose_session_ended_is_closed_by_the_timer_and_its_place_is_free_again() {
        feed.keepAliveEvery(Duration.ofMillis(50));
        Browser first = new Browser();
        assertTrue(feed.follow(FeedFilter.ALL, first, new SseImpl(), Instant.now().plusMillis(200)));
        assertFalse(feed.follow(FeedFilter.ALL, new Browser(), new SseImpl(), Instant.now().plusSeconds(60)),
                "the one place is taken");

        await().atMost(Duration.ofSeconds(3)).until(() -> first.closed);
        assertTrue(feed.follow(FeedFilter.ALL, new Browser(), new SseImpl(), Instant.now().plusSeconds(60)));
    }

    @Test
    void a_browser_that_left_is_found_by_the_timer_and_its_place_is_free_again() {
        feed.keepAliveEvery(Duration.ofMillis(50));
        Browser left = new Browser();
        assertTrue(feed.follow(FeedFilter.ALL, left, new SseImpl(), Instant.now().plusSeconds(60)));
        left.closed = true;

        await().atMost(Duration.ofSeconds(3))
                .until(() -> feed.follow(FeedFilter.ALL, new Browser(), new SseImpl(), Instant.now().plusSeconds(60)));
    }
}
