package dev.ardoise.console.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live feed: the reader thread publishes each new event of account-events, every browser following the feed gets
 * those its filter wants. A browser that connects first gets the latest events the console kept, so that an event
 * published while its page was loading is not lost (the page shows each event id once). A stream ends with the
 * session that opened it. Keep-alives (which also find browsers that left and streams whose session ended) run on
 * a timer of their own, not on the reader thread: they go on while the broker is away.
 */
@ApplicationScoped
public class Feed {
    /** As many as the page keeps. */
    static final int KEPT = 200;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(Feed.class);

    private final ObjectMapper json;
    private final OperationsSettings settings;
    private final ArrayDeque<Kept> latest = new ArrayDeque<>();
    private final Set<FeedSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean reading;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "console-feed-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

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

    void start(@Observes StartupEvent starting) {
        keepAliveEvery(KEEP_ALIVE);
    }

    void stop(@Observes ShutdownEvent stopping) {
        timer.shutdownNow();
    }

    /** A failing round must not end the timer (a scheduled task that throws is never run again). */
    void keepAliveEvery(Duration period) {
        timer.scheduleAtFixedRate(() -> {
            try {
                keepAlive(Instant.now());
            } catch (RuntimeException e) {
                LOG.warnf("keeping the feed's streams alive failed (%s); again in %d s", e.getClass().getName(),
                        period.toSeconds());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
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
