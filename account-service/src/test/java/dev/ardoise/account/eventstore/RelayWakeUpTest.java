package dev.ardoise.account.eventstore;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * A commit wakes the relay: with a poll interval of an hour, an event is on the topic within seconds only if the
 * commit's wake-up ran its partition's batch. The relay is one built by hand with that interval (what an instance
 * configured so would run); this application's own relay is stopped meanwhile.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RelayWakeUpTest {
    private static final Duration AN_HOUR = Duration.ofHours(1);

    @Inject
    Pool pool;

    @Inject
    OutboxRelay applicationRelay;

    @Inject
    KafkaClientSettings kafkaSettings;

    @Inject
    ParkedAccounts parkedAccounts;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private boolean applicationRelayWasRunning;
    private Producer<String, String> producer;
    private OutboxRelay hourlyRelay;

    @BeforeEach
    void anHourlyRelayAloneOnTheOutbox() {
        applicationRelayWasRunning = applicationRelay.running();
        applicationRelay.stop();
        producer = KafkaProducerFactory.relayProducer(bootstrapServers, "hourly");
        hourlyRelay = new OutboxRelay(pool, producer, meters,
                kafkaSettings, parkedAccounts, true, 2, AN_HOUR, Duration.ofSeconds(5), 500);
        hourlyRelay.start();
        int partitions = partitionsOfTheTopic();
        // its first turn on every partition (at start, not woken) is over: the next one is an hour away
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.counter("ardoise.outbox.batches").count() >= partitions);
    }

    @AfterEach
    void applicationRelayAsFound() {
        hourlyRelay.stop();
        producer.close();
        if (applicationRelayWasRunning) {
            applicationRelay.start();
        }
    }

    @Test
    void a_committed_event_is_on_the_topic_without_waiting_for_the_poll() {
        Outbox outbox = new Outbox(pool);
        int partitions = partitionsOfTheTopic();
        List<UUID> accounts = IntStream.range(0, partitions)
                .mapToObj(partition -> Outbox.accountOnPartition(partition, partitions)).toList();

        for (long version = 1; version <= 2; version++) {
            outbox.append(accounts, version);
            accounts.forEach(hourlyRelay::committed);

            long versions = version;
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.unpublished(accounts) == 0);
            AccountEventsOnTopic.read(bootstrapServers, accounts).assertExactlyOnceInOrder(versions, partitions);
        }
    }

    @Test
    void wake_ups_of_many_commits_publish_each_event_once() {
        Outbox outbox = new Outbox(pool);
        int partitions = partitionsOfTheTopic();
        List<UUID> accounts = Outbox.newAccounts(30);
        int versions = 20;
        for (long version = 1; version <= versions; version++) {
            outbox.append(accounts, version);
            accounts.forEach(hourlyRelay::committed);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.unpublished(accounts) == 0);
        AccountEventsOnTopic.read(bootstrapServers, accounts).assertExactlyOnceInOrder(versions, partitions);
    }

    private int partitionsOfTheTopic() {
        try (TestRelay relay = new TestRelay(pool, bootstrapServers, "metadata", 1, () -> {
        })) {
            return relay.partitions();
        }
    }
}
