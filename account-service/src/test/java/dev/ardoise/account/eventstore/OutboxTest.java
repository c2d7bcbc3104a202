package dev.ardoise.account.eventstore;

import dev.ardoise.account.RecordsOnTopic;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.InputRules;
import dev.ardoise.events.AccountEventsTopic;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.charge;
import static dev.ardoise.account.Register.openAccount;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the outbox promises: committed events are published even if the relay was away; rolled back ones never. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxTest {
    /** Metrics are on the management interface (its root is /q), without a token. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    @Inject
    Pool pool;

    @Inject
    EventStore eventStore;

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void an_event_committed_while_no_relay_could_publish_is_published_once_the_relay_is_back() {
        String accountId = openAccount("1000.00");
        try (RecordsOnTopic published = accountEvents(accountId)) {
            published.await(2, Duration.ofSeconds(30));

            SqlConnection otherRelay = pool.getConnection().await().indefinitely();
            Transaction holdingTheLock = otherRelay.begin().await().indefinitely();
            otherRelay.query("select pg_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")").execute()
                    .await().indefinitely();
            try {
                charge(accountId, "sale-1", "100.00").statusCode(201);

                assertEquals(1, unpublished(accountId));
                // A turn of a relay on every partition, now that the event is committed, as this application's
                // relay takes one every poll interval: paused, it publishes nothing.
                try (TestRelay anotherInstance = new TestRelay(pool, kafka.getBootstrapServers(), "paused", 100,
                        () -> {
                        })) {
                    assertEquals(0, anotherInstance.publishRound());
                }
                assertEquals(List.of(1, 2), versions(published.toEnd()));
                assertEquals(1, unpublished(accountId));
            } finally {
                holdingTheLock.rollback().await().indefinitely();
                otherRelay.close().await().indefinitely();
            }

            assertEquals(List.of(1, 2, 3), versions(published.await(3, Duration.ofSeconds(30))));
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(30))
                    .until(() -> unpublished(accountId) == 0);
            // Marked published, so never sent again: all the relay sent is on the topic by now.
            assertEquals(List.of(1, 2, 3), versions(published.toEnd()));
        }
    }

    @Test
    void while_another_relay_holds_one_partition_the_accounts_of_the_other_partitions_keep_being_published() {
        int partitions = partitionsOfTheTopic();
        String held = openAccount("1000.00");
        int heldPartition = OutboxPartitions.of(UUID.fromString(held), partitions);
        String free = openAccount("1000.00");
        while (OutboxPartitions.of(UUID.fromString(free), partitions) == heldPartition) {
            free = openAccount("1000.00");
        }
        try (RecordsOnTopic publishedHeld = accountEvents(held); RecordsOnTopic publishedFree = accountEvents(free)) {
            publishedHeld.await(2, Duration.ofSeconds(30));
            publishedFree.await(2, Duration.ofSeconds(30));

            SqlConnection otherRelay = pool.getConnection().await().indefinitely();
            Transaction holdingThePartition = otherRelay.begin().await().indefinitely();
            otherRelay.preparedQuery("select pg_advisory_xact_lock($1::int, $2::int)")
                    .execute(Tuple.of(OutboxPublisher.PARTITION_LOCKS, heldPartition)).await().indefinitely();
            try {
                charge(held, "sale-held", "100.00").statusCode(201);
                charge(free, "sale-free", "100.00").statusCode(201);

                publishedFree.await(3, Duration.ofSeconds(30));
                assertEquals(1, unpublished(held));
                assertEquals(List.of(1, 2), versions(publishedHeld.toEnd()));
            } finally {
                holdingThePartition.rollback().await().indefinitely();
                otherRelay.close().await().indefinitely();
            }

            assertEquals(List.of(1, 2, 3), versions(publishedHeld.await(3, Duration.ofSeconds(30))));
            assertEquals(0, unpublished(held));
        }
    }

    @Test
    void every_record_carries_its_outbox_position_and_goes_to_the_accounts_partition_and_its_row_leaves_the_outbox() {
        String accountId;
        List<Long> positions;
        // the relays are paused while the rows are read: a published row leaves the outbox
        SqlConnection pausing = pool.getConnection().await().indefinitely();
        Transaction holdingTheLock = pausing.begin().await().indefinitely();
        pausing.query("select pg_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")").execute().await().indefinitely();
        try {
            accountId = openAccount("500.00");
            positions = pool.preparedQuery("select position from outbox where account_id = $1 order by version")
                    .execute(Tuple.of(UUID.fromString(accountId))).await().indefinitely()
                    .stream().map(row -> row.getLong("position")).toList();
        } finally {
            holdingTheLock.rollback().await().indefinitely();
            pausing.close().await().indefinitely();
        }
        List<ConsumerRecord<String, String>> records;
        try (RecordsOnTopic published = accountEvents(accountId)) {
            records = published.await(2, Duration.ofSeconds(30));
        }

        int partition = OutboxPartitions.of(UUID.fromString(accountId), partitionsOfTheTopic());
        assertEquals(2, positions.size());
        assertEquals(positions, records.stream()
                .map(record -> Long.valueOf(new String(record.headers().lastHeader(OutboxPublisher.POSITION_HEADER).value(),
                        StandardCharsets.UTF_8)))
                .toList());
        records.forEach(record -> assertEquals(partition, record.partition()));
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(30))
                .until(() -> pool.preparedQuery("select count(*) as n from outbox where account_id = $1")
                        .execute(Tuple.of(UUID.fromString(accountId))).await().indefinitely()
                        .iterator().next().getLong("n") == 0);
    }

    @Test
    void events_of_a_transaction_that_rolls_back_are_neither_stored_nor_published() {
        UUID accountId = UUID.randomUUID();
        AccountOpened opened = new AccountOpened("C-" + accountId, "Rollback Test", null, false, "en", "CAD");

        assertThrows(IllegalStateException.class, () -> pool.withTransaction(tx ->
                        eventStore.append(tx, CreditAccount.replay(accountId, List.of()), List.of(opened))
                                .chain(() -> Uni.createFrom().failure(new IllegalStateException("crash before commit"))))
                .await().indefinitely());

        assertEquals(0L, pool.preparedQuery("select count(*) as n from account_events where account_id = $1")
                .execute(Tuple.of(accountId)).await().indefinitely().iterator().next().getLong("n"));
        assertEquals(0, unpublished(accountId.toString()));
        // No row in the outbox, so nothing for a relay to send later: the topic holds all there will ever be.
        try (RecordsOnTopic published = accountEvents(accountId.toString())) {
            assertEquals(List.of(), published.toEnd());
        }
    }

    @Test
    void the_largest_sale_the_edges_accept_makes_an_event_the_topic_takes() {
        String accountId = openAccount("100.00");
        // every bound of a sale at its limit: the most lines, each with the longest description (InputRules)
        List<Map<String, String>> lines = IntStream.range(0, InputRules.MAX_LINES).mapToObj(i -> Map.of(
                "description", "%04d ".formatted(i) + "d".repeat(InputRules.MAX_TEXT_LENGTH - 5), "quantity", "1",
                "unitPrice", "0.01")).toList();

        cashier().body(Map.of("saleId", "big-sale", "amount", "5.00", "lines", lines))
                .post("/accounts/{id}/charges", accountId)
                .then().statusCode(201).body("version", equalTo(3));

        long largest = pool.preparedQuery("select max(octet_length(data::text)) as n from account_events "
                + "where account_id = $1").execute(Tuple.of(UUID.fromString(accountId))).await().indefinitely()
                .iterator().next().getLong("n");
        assertTrue(largest < EventStore.MAX_EVENT_BYTES, "the sale's event is " + largest + " bytes");
    }

    @Test
    void the_event_store_refuses_an_event_larger_than_the_topic_takes_and_records_nothing() {
        UUID accountId = UUID.randomUUID();
        AccountOpened huge = new AccountOpened("C-" + accountId, "n".repeat(EventStore.MAX_EVENT_BYTES), null,
                false, "en", "CAD", "MAIN");

        EventTooLargeException refused = assertThrows(EventTooLargeException.class, () -> pool.withTransaction(tx ->
                eventStore.append(tx, CreditAccount.replay(accountId, List.of()), List.of(huge))).await().indefinitely());

        assertEquals("body", refused.field());
        assertEquals(0L, eventsOf(accountId));
        assertEquals(0, unpublished(accountId.toString()));
    }

    private long eventsOf(UUID accountId) {
        return pool.preparedQuery("select count(*) as n from account_events where account_id = $1")
                .execute(Tuple.of(accountId)).await().indefinitely().iterator().next().getLong("n");
    }

    @Test
    void operators_see_what_the_relay_published_and_how_far_behind_it_is() {
        String accountId = openAccount("10.00");
        try (RecordsOnTopic published = accountEvents(accountId)) {
            published.await(2, Duration.ofSeconds(30));
        }

        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();

        assertTrue(metric(metrics, "ardoise_outbox_published_total") >= 2, metrics);
        assertTrue(metric(metrics, "ardoise_outbox_lag_seconds") >= 0, metrics);
        assertTrue(metric(metrics, "ardoise_outbox_batches_total") >= 1, metrics);
        assertTrue(metric(metrics, "ardoise_outbox_delay_seconds_count") >= 2, metrics);
    }

    private int partitionsOfTheTopic() {
        return kafka.getOrCreateAdminClient().describeTopics(List.of(AccountEventsTopic.NAME)).allTopicNames()
                .toCompletionStage().toCompletableFuture().join().get(AccountEventsTopic.NAME).partitions().size();
    }

    private static double metric(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in the metrics"));
    }

    private long unpublished(String accountId) {
        return pool.preparedQuery("select count(*) as n from outbox where account_id = $1 and published_at is null")
                .execute(Tuple.of(UUID.fromString(accountId))).await().indefinitely()
                .iterator().next().getLong("n");
    }

    private RecordsOnTopic accountEvents(String accountId) {
        return RecordsOnTopic.of(kafka.getBootstrapServers(), AccountEventsTopic.NAME, accountId);
    }

    private static List<Integer> versions(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> io.restassured.path.json.JsonPath.from(record.value()).getInt("version"))
                .toList();
    }
}
