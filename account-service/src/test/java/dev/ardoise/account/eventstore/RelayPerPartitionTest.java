package dev.ardoise.account.eventstore;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay per partition, with relay instances the test drives by hand: a relay stopped between send and commit,
 * another taking over, two relays at once, an unreachable broker. Whatever happens, each account's events are on
 * the topic exactly once per version, in order, and every row ends up marked published.
 * <p>
 * This application's own relay is stopped for each test and started again after it, so that the test's relays are
 * alone on the outbox; what other tests left unpublished is published before, so that a relay's counts are the
 * test's own.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RelayPerPartitionTest {

    private static final Runnable KEEPS_GOING = () -> {
    };
    private static final Runnable DIES_BEFORE_COMMIT = () -> {
        throw new IllegalStateException("relay killed after the acks, before the commit");
    };

    @Inject
    Pool pool;

    @Inject
    OutboxRelay applicationRelay;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private boolean applicationRelayWasRunning;

    @BeforeEach
    void aloneOnTheOutbox() {
        applicationRelayWasRunning = applicationRelay.running();
        applicationRelay.stop();
        try (TestRelay leftovers = relay("leftovers", 500, KEEPS_GOING)) {
            leftovers.publishEverything();
        }
    }

    @AfterEach
    void applicationRelayAsFound() {
        if (applicationRelayWasRunning) {
            applicationRelay.start();
        }
    }

    @Test
    void a_relay_killed_between_send_and_commit_leaves_its_events_on_the_topic_once_and_the_next_relay_sends_no_copy() {
        Outbox outbox = new Outbox(pool);
        List<UUID> accounts = Outbox.newAccounts(6);
        for (long version = 1; version <= 3; version++) {
            outbox.append(accounts, version);
        }

        try (TestRelay dying = relay("dying", 100, DIES_BEFORE_COMMIT)) {
            for (int partition : partitionsOf(accounts, dying.partitions())) {
                assertThrows(IllegalStateException.class, () -> dying.publishBatch(partition));
            }
            assertEquals(18, outbox.unpublished(accounts));
            AccountEventsOnTopic.read(bootstrapServers, accounts).assertExactlyOnceInOrder(3, dying.partitions());
        }

        try (TestRelay next = relay("next", 100, KEEPS_GOING)) {
            next.publishEverything();

            AccountEventsOnTopic.read(bootstrapServers, accounts).assertExactlyOnceInOrder(3, next.partitions());
            assertEquals(0, outbox.unpublished(accounts));
            assertEquals(18, next.foundOnTopic());
            assertEquals(0, next.published());

            outbox.append(accounts, 4);
            next.publishEverything();

            AccountEventsOnTopic.read(bootstrapServers, accounts).assertExactlyOnceInOrder(4, next.partitions());
            assertEquals(6, next.published());
        }
    }

    @Test
    void an_event_that_commits_after_later_ones_were_sent_is_still_sent_after_a_takeover() {
        Outbox outbox = new Outbox(pool);
        try (TestRelay dying = relay("dying-late", 100, DIES_BEFORE_COMMIT)) {
            int partition = 1;
            UUID late = accountOnPartition(partition, dying.partitions());
            List<UUID> others = List.of(accountOnPartition(partition, dying.partitions()),
                    accountOnPartition(partition, dying.partitions()));
            SqlConnection writer = pool.getConnection().await().indefinitely();
            try {
                Transaction slowAppend = writer.begin().await().indefinitely();
                Outbox.insert(writer, List.of(late), 1).await().indefinitely();
                outbox.append(others, 1);
                assertTrue(position(writer, late) < position(pool, others.get(0)), "the late event took its position first");

                assertThrows(IllegalStateException.class, () -> dying.publishBatch(partition));
                slowAppend.commit().await().indefinitely();
            } finally {
                writer.close().await().indefinitely();
            }

            try (TestRelay next = relay("next-late", 100, KEEPS_GOING)) {
                next.publishEverything();

                List<UUID> all = List.of(late, others.get(0), others.get(1));
                AccountEventsOnTopic.read(bootstrapServers, all).assertExactlyOnceInOrder(1, next.partitions());
                assertEquals(0, outbox.unpublished(all));
                assertEquals(2, next.foundOnTopic());
                assertEquals(1, next.published());
            }
        }
    }

    @Test
    void a_relay_that_published_a_partition_last_still_finds_what_another_relay_sent_there_before_dying() {
        Outbox outbox = new Outbox(pool);
        int partition = 0;
        try (TestRelay a = relay("a-alone", 100, KEEPS_GOING); TestRelay dying = relay("b-dying", 100, DIES_BEFORE_COMMIT)) {
            List<UUID> accounts = List.of(accountOnPartition(partition, a.partitions()),
                    accountOnPartition(partition, a.partitions()), accountOnPartition(partition, a.partitions()));
            outbox.append(accounts, 1);
            assertEquals(3, a.publishBatch(partition));
            outbox.append(accounts, 2);
            assertEquals(3, a.publishBatch(partition));

            outbox.append(accounts, 3);
            assertThrows(IllegalStateException.class, () -> dying.publishBatch(partition));
            outbox.append(accounts, 4);
            a.publishEverything();

            AccountEventsOnTopic.read(bootstrapServers, accounts).assertExactlyOnceInOrder(4, a.partitions());
            assertEquals(0, outbox.unpublished(accounts));
            assertEquals(3, a.foundOnTopic(), "version 3, sent by the relay that died, found on the topic");
            assertEquals(9, a.published());
        }
    }

    @Test
    void two_relays_taking_turns_on_one_partition_publish_each_event_once_even_when_one_dies_in_its_turn() {
        Outbox outbox = new Outbox(pool);
        int partition = 2;
        AtomicInteger batchesB = new AtomicInteger();
        AtomicInteger deaths = new AtomicInteger();
        try (TestRelay a = relay("a-turns", 100, KEEPS_GOING);
             TestRelay b = relay("b-turns", 100, diesEvery(2, batchesB, deaths))) {
            List<UUID> accounts = List.of(accountOnPartition(partition, a.partitions()),
                    accountOnPartition(partition, a.partitions()));
            for (long version = 1; version <= 8; version++) {
                outbox.append(accounts, version);
                TestRelay turn = version % 2 == 1 ? a : b;
                try {
                    turn.publishBatch(partition);
                } catch (IllegalStateException died) {
                    // the other relay's next turn finds what it sent
                }
            }
            a.publishEverything();

            AccountEventsOnTopic.read(bootstrapServers, accounts).assertExactlyOnceInOrder(8, a.partitions());
            assertEquals(0, outbox.unpublished(accounts));
            assertEquals(2, deaths.get());
            assertEquals(4, a.foundOnTopic() + b.foundOnTopic(), "versions 4 and 8, sent by b before it died");
            assertEquals(12, a.published() + b.published());
        }
    }

    @Test
    void two_relays_at_once_that_keep_dying_before_their_commits_publish_every_event_exactly_once_in_order()
            throws Exception {
        Outbox outbox = new Outbox(pool);
        List<UUID> accounts = Outbox.newAccounts(40);
        int versions = 6;
        AtomicInteger batchesA = new AtomicInteger();
        AtomicInteger batchesB = new AtomicInteger();
        AtomicInteger deaths = new AtomicInteger();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            for (long version = 1; version <= versions; version++) {
                outbox.append(accounts, version);
            }
        });

        try (TestRelay a = relay("relay-a", 5, diesEvery(4, batchesA, deaths));
             TestRelay b = relay("relay-b", 7, diesEvery(5, batchesB, deaths))) {
            CompletableFuture<Void> relayA = CompletableFuture.runAsync(() -> publishUntilDone(a, writing, outbox, accounts));
            CompletableFuture<Void> relayB = CompletableFuture.runAsync(() -> publishUntilDone(b, writing, outbox, accounts));
            CompletableFuture.allOf(writing, relayA, relayB).get(90, TimeUnit.SECONDS);

            AccountEventsOnTopic.read(bootstrapServers, accounts).assertExactlyOnceInOrder(versions, a.partitions());
            assertEquals(0, outbox.unpublished(accounts));
            assertTrue(deaths.get() > 0, "the relays died before some commits");
            assertTrue(a.foundOnTopic() + b.foundOnTopic() > 0, "a relay found a dead relay's events on the topic");
            assertEquals(accounts.size() * versions, a.published() + b.published() + a.foundOnTopic() + b.foundOnTopic(),
                    "events sent by a batch that committed, or by one that died and then found on the topic");
        }
    }

    @Test
    void a_relay_that_cannot_reach_the_broker_marks_nothing_and_the_events_go_out_once_it_is_back() throws IOException {
        Outbox outbox = new Outbox(pool);
        List<UUID> accounts = Outbox.newAccounts(3);
        outbox.append(accounts, 1);

        try (TestRelay cutOff = new TestRelay(pool, producerTo(deadBroker()), bootstrapServers, "cut-off", 100,
                KEEPS_GOING, partitionsOfTheTopic())) {
            int failures = 0;
            for (int partition = 0; partition < cutOff.partitions(); partition++) {
                try {
                    cutOff.publishBatch(partition);
                } catch (RuntimeException brokerDown) {
                    failures++;
                }
            }
            assertTrue(failures > 0, "sending to a broker that is down fails");
            assertEquals(3, outbox.unpublished(accounts));
            assertEquals(0, cutOff.published());
        }

        try (TestRelay back = relay("back", 100, KEEPS_GOING)) {
            back.publishEverything();
            assertEquals(0, outbox.unpublished(accounts));
            AccountEventsOnTopic.read(bootstrapServers, accounts).assertExactlyOnceInOrder(1, back.partitions());
        }
    }

    @Test
    void postgresql_and_java_put_an_account_on_the_same_partition() {
        for (int i = 0; i < 200; i++) {
            UUID account = UUID.randomUUID();
            int inSql = pool.preparedQuery("select %s as partition from (select $2::uuid as account_id) a"
                            .formatted(OutboxPartitions.SQL))
                    .execute(Tuple.of(7, account)).await().indefinitely().iterator().next().getInteger("partition");
            assertEquals(OutboxPartitions.of(account, 7), inSql, account.toString());
        }
    }

    private TestRelay relay(String name, int batchSize, Runnable beforeCommit) {
        return new TestRelay(pool, bootstrapServers, name, batchSize, beforeCommit);
    }

    private static Runnable diesEvery(int nth, AtomicInteger batches, AtomicInteger deaths) {
        return () -> {
            if (batches.incrementAndGet() % nth == 0) {
                deaths.incrementAndGet();
                DIES_BEFORE_COMMIT.run();
            }
        };
    }

    private static void publishUntilDone(TestRelay relay, CompletableFuture<Void> writing, Outbox outbox,
                                         List<UUID> accounts) {
        Instant deadline = Instant.now().plusSeconds(80);
        while (!(writing.isDone() && outbox.unpublished(accounts) == 0) && Instant.now().isBefore(deadline)) {
            for (int partition = 0; partition < relay.partitions(); partition++) {
                try {
                    relay.publishBatch(partition);
                } catch (IllegalStateException died) {
                    // this relay "restarts": its next batch of the partition starts by reading the topic's end
                }
            }
        }
    }

    private static UUID accountOnPartition(int partition, int partitions) {
        UUID account;
        do {
            account = UUID.randomUUID();
        } while (OutboxPartitions.of(account, partitions) != partition);
        return account;
    }

    private static Set<Integer> partitionsOf(List<UUID> accounts, int partitions) {
        return new TreeSet<>(accounts.stream().map(account -> OutboxPartitions.of(account, partitions)).toList());
    }

    private static long position(SqlClient client, UUID account) {
        return client.preparedQuery("select position from outbox where account_id = $1")
                .execute(Tuple.of(account)).await().indefinitely().iterator().next().getLong("position");
    }

    private static String deadBroker() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "localhost:" + socket.getLocalPort();
        }
    }

    private int partitionsOfTheTopic() {
        try (TestRelay relay = relay("metadata", 1, KEEPS_GOING)) {
            return relay.partitions();
        }
    }

    private static Producer<String, String> producerTo(String broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Nothing listens on the port, so no wait would ever see an answer: each send fails after this long.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 100), new StringSerializer(), new StringSerializer());
    }
}
