package dev.ardoise.console.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live feed: the reader thread publishes each new event of account-events, every browser following the feed gets
 * those its filter wants. A browser that connects first gets the latest events the console kept, so that an event
 * published while its page was loading is not lost (the page shows each event id once). A stream ends with the
 * session that opened it.
 */
@ApplicationScoped
public class Feed {
    /** As many as the page keeps. */
    static final int KEPT = 200;

    private final ObjectMapper json;
    private final OperationsSettings settings;
    private final ArrayDeque<Kept> latest = new ArrayDeque<>();
    private final Set<FeedSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean reading;

    private record Kept(FeedEvent event, String json) {
    }

    Feed(ObjectMapper json, OperationsSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    /** Whether the reader follows account-events now: new events reach the page. */
    public boolean reading() {
        return reading;
    }

    synchronized void reading(boolean now) {
        if (reading != now) {
            reading = now;
            subscribers.forEach(subscriber -> subscriber.status(now));
        }
    }

    synchronized void publish(FeedEvent event) {
        Kept kept = new Kept(event, write(event));
        if (latest.size() >= KEPT) {
            latest.pollFirst();
        }
        latest.addLast(kept);
        for (FeedSubscriber subscriber : subscribers) {
            if (subscriber.wants(event)) {
                subscriber.event(event, kept.json());
            }
        }
    }

    /**
     * Follows the feed in this browser's stream: the reader's state, the latest events the filter wants, then each
     * new one. False when as many browsers as allowed already follow it.
     */
    synchronized boolean follow(FeedFilter filter, SseEventSink sink, Sse sse, Instant sessionEnds) {
        if (subscribers.size() >= settings.feedMostSubscribers()) {
            return false;
        }
        FeedSubscriber[] self = new FeedSubscriber[1];
        self[0] = new FeedSubscriber(filter, sink, sse, settings.feedSubscriberBuffer(), sessionEnds,
                () -> subscribers.remove(self[0]));
        self[0].status(reading);
        latest.stream().filter(kept -> filter.matches(kept.event()))
                .forEach(kept -> self[0].event(kept.event(), kept.json()));
        subscribers.add(self[0]);
        return true;
    }

    void keepAlive(Instant now) {
        subscribers.forEach(subscriber -> subscriber.keepAlive(now));
    }

    private String write(FeedEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feed event is plain strings and numbers", e);
        }
    }
}
