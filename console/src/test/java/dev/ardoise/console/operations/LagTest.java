package dev.ardoise.console.operations;

import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServiceStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LagTest {
    @InjectKafka
    KafkaCompanion kafka;

    @InjectServiceStubs
    ServiceStubs services;

    @BeforeEach
    void topics() {
        TestTopics.ensure(kafka);
        services.forgetAll();
    }

    @Test
    void each_readers_lag_per_partition_is_its_committed_offset_against_the_end() throws Exception {
        UUID account = UUID.randomUUID();
        kafka.produceStrings().fromRecords(IntStream.rangeClosed(1, 3).mapToObj(version -> new ProducerRecord<>(
                        TestTopics.ACCOUNT_EVENTS, 0, account.toString(), RelayRecords.cashierOf("MAIN", account,
                        version, LiveFeedTest.opened("MAIN")).value())).toList())
                .awaitCompletion(Duration.ofSeconds(15));
        Map<TopicPartition, Long> ends = ends();
        TopicPartition first = new TopicPartition(TestTopics.ACCOUNT_EVENTS, 0);
        kafka.consumerGroups().alterOffsets("invoice-service", ends.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, end -> new OffsetAndMetadata(end.getKey().equals(first) ? end.getValue() - 2
                        : end.getValue()))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath lag = lag();
            assertEquals(List.of("invoice-service", "notification-service"), lag.getList("readers.group"));
            assertEquals(2, lag.getInt("readers[0].total"));
            assertEquals(ends.get(first) - 2, lag.getLong("readers[0].partitions[0].committed"));
            assertEquals(ends.get(first), lag.getLong("readers[0].partitions[0].end"));
            assertEquals(2, lag.getInt("readers[0].partitions[0].lag"));
            assertEquals(List.of(0, 0), lag.getList("readers[0].partitions[1..2].lag"));
            assertEquals("EMPTY", lag.getString("readers[0].state"), "nobody reads in the test");
        });
        JsonPath lag = lag();
        assertNull(lag.get("readers[1].partitions[0].committed"), "notification-service never committed");
        assertEquals(ends.get(first), lag.getLong("readers[1].partitions[0].lag"));
    }

    @Test
    void the_outbox_lag_is_account_services_gauge_read_from_its_metrics() {
        services.account().answer("GET", "/q/metrics", 200, """
                # HELP ardoise_outbox_lag_seconds age of the oldest unpublished event
                # TYPE ardoise_outbox_lag_seconds gauge
                ardoise_outbox_lag_seconds{application="account-service"} 2.5
                ardoise_outbox_lag_seconds_max 9.0
                ardoise_outbox_published_total 120.0
                """);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(2.5, lag().getDouble("outbox.seconds")));
        assertNull(services.account().seen("GET", "/q/metrics").get(0).authorization(),
                "the management port needs no token, and gets none");

        services.account().answer("GET", "/q/metrics", 503, "");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath lag = lag();
            assertNull(lag.get("outbox.seconds"));
            assertEquals("account-service's metrics answered HTTP 503", lag.getString("outbox.problem"));
        });
    }

    private static JsonPath lag() {
        return Sessions.as(Sessions.operator()).get("/operations/lag").then().statusCode(200).extract().jsonPath();
    }

    private Map<TopicPartition, Long> ends() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, 3).boxed().collect(Collectors.toMap(
                partition -> new TopicPartition(TestTopics.ACCOUNT_EVENTS, partition), any -> OffsetSpec.latest()));
        return kafka.getOrCreateAdminClient().listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }
}
