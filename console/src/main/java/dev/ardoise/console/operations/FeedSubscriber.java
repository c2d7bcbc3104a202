package dev.ardoise.console.operations;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Instant;
import java.util.ArrayDeque;

/**
 * One browser following the feed. The reader thread only hands it events ({@link #offer}): they wait in a bounded
 * queue and are written one at a time, the next when the previous one is written. A browser that reads slower than
 * events come loses the oldest waiting ones, never holds the reader back.
 */
final class FeedSubscriber {
    private final FeedFilter filter;
    private final SseEventSink sink;
    private final Sse sse;
    private final int capacity;
    private final Instant sessionEnds;
    private final Runnable onClose;
    private final ArrayDeque<OutboundSseEvent> waiting = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    FeedSubscriber(FeedFilter filter, SseEventSink sink, Sse sse, int capacity, Instant sessionEnds,
                   Runnable onClose) {
        this.filter = filter;
        this.sink = sink;
        this.sse = sse;
        this.capacity = capacity;
        this.sessionEnds = sessionEnds;
        this.onClose = onClose;
    }

    boolean wants(FeedEvent event) {
        return filter.matches(event);
    }

    void event(FeedEvent event, String json) {
        offer(sse.newEventBuilder().name("account-event").id(event.eventId()).data(json).build());
    }

    void status(boolean reading) {
        offer(sse.newEventBuilder().name("status").data("{\"reading\":" + reading + "}").build());
    }

    /**
     * A comment every few seconds: keeps proxies from closing a quiet stream, and finds browsers that left. A stream
     * ends with the session whose token opened it: the next request of the page must sign in again.
     */
    void keepAlive(Instant now) {
        if (now.isAfter(sessionEnds)) {
            close();
            return;
        }
        offer(sse.newEventBuilder().comment("keep-alive").build());
    }

    private void offer(OutboundSseEvent event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (waiting.size() >= capacity) {
                waiting.pollFirst();
            }
            waiting.addLast(event);
            if (writing) {
                return;
            }
            writing = true;
        }
        writeNext();
    }

    private void writeNext() {
        OutboundSseEvent next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null || closed) {
                writing = false;
                return;
            }
        }
        if (sink.isClosed()) {
            close();
            return;
        }
        sink.send(next).whenComplete((written, failure) -> {
            if (failure != null) {
                close();
            } else {
                writeNext();
            }
        });
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            waiting.clear();
        }
        onClose.run();
        if (!sink.isClosed()) {
            sink.close();
        }
    }
}
