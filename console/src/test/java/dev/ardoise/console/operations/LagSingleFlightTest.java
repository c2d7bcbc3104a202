package dev.ardoise.console.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A slow broker holds up one request, the one that asks it; the others get the last figures at once. */
class LagSingleFlightTest {
    private final AtomicInteger asked = new AtomicInteger();
    private volatile CountDownLatch brokerAnswers = new CountDownLatch(0);

    /** A broker whose admin client is handed out only when the test lets it, then fails as an absent one would. */
    private final KafkaClients slowBroker = new KafkaClients(Map.of()) {
        @Override
        synchronized Admin admin() {
            asked.incrementAndGet();
            try {
                brokerAnswers.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new KafkaException("no broker");
        }
    };

    private final Lag lag = new Lag(slowBroker, TopicsReaderFailureTest.Settings.DEFAULTS,
            () -> RestResponse.ok("ardoise_outbox_lag_seconds 1.5\n"), Duration.ZERO);

    @Test
    void while_one_request_waits_for_a_slow_broker_the_others_get_the_last_figures_without_waiting() {
        Lag.View first = lag.now();
        assertEquals(1.5, first.outbox().seconds());
        assertEquals(1, asked.get());

        brokerAnswers = new CountDownLatch(1);
        CompletableFuture<Lag.View> asking = CompletableFuture.supplyAsync(lag::now);
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.get() == 2);

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (int i = 0; i < 5; i++) {
                assertSame(first, lag.now(), "the last figures, at once");
            }
        });
        assertEquals(2, asked.get(), "one request asks the broker at a time");

        brokerAnswers.countDown();
        Lag.View second = asking.join();
        assertEquals("account-events: the broker answered KafkaException", second.readers().get(0).problem());
    }
}
