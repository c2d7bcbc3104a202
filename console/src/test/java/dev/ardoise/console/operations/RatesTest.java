package dev.ardoise.console.operations;

import dev.ardoise.events.DepositReturned;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServiceStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RatesTest {
    @InjectKafka
    KafkaCompanion kafka;

    @BeforeEach
    void topics() {
        TestTopics.ensure(kafka);
    }

    @Test
    void each_event_counts_in_the_minute_it_was_published_by_its_type() throws IOException {
        String session = Sessions.operator();
        try (FeedListener feed = FeedListener.follow(session, "?type=DepositReturned").awaitReading()) {
            JsonPath earlier = rates(session);
            int before = total(earlier, "DepositReturned");
            long publishedFrom = Instant.now().getEpochSecond() / 60 * 60;
            UUID account = UUID.randomUUID();
            kafka.produceStrings().fromRecords(List.of(
                    RelayRecords.cashierOf("MAIN", account, 1, LiveFeedTest.opened("MAIN")),
                    returned(account, 2), returned(account, 3), returned(account, 4)))
                    .awaitCompletion(Duration.ofSeconds(15));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertEquals(before + 3, total(rates(session), "DepositReturned")));
            JsonPath view = rates(session);
            assertEquals(60, view.getList("minutes").size());
            Map<Long, Integer> added = byMinute(view, "DepositReturned");
            byMinute(earlier, "DepositReturned").forEach((minute, count) -> added.merge(minute, -count, Integer::sum));
            added.values().removeIf(count -> count == 0);
            assertEquals(3, added.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(added.keySet().stream().allMatch(minute -> minute >= publishedFrom),
                    "counted in the minutes they were published: " + added + " from " + publishedFrom);
        }
    }

    @Test
    void declines_are_the_registers_declined_answers_apart_from_the_senders_refused() throws IOException {
        String session = Sessions.operator();
        try (FeedListener feed = FeedListener.follow(session, "")) {
            feed.awaitReading();
        }
        JsonPath before = rates(session);
        UUID account = UUID.randomUUID();
        kafka.produceStrings().fromRecords(List.of(
                answer(account, "{\"saleId\":\"R1-1\",\"accountId\":\"" + account
                        + "\",\"outcome\":\"DECLINED\",\"amount\":\"900.00\",\"reason\":\"OVER_LIMIT\","
                        + "\"available\":\"300.00\"}"),
                answer(account, "{\"saleId\":\"R1-2\",\"accountId\":\"" + account
                        + "\",\"outcome\":\"DECLINED\",\"reason\":\"NO_VALID_TOKEN\",\"detail\":\"no bearer token\"}"),
                answer(account, "{\"saleId\":\"R1-3\",\"accountId\":\"" + account
                        + "\",\"outcome\":\"CHARGED\",\"amount\":\"100.00\"}"),
                answer(account, "not json")))
                .awaitCompletion(Duration.ofSeconds(15));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath after = rates(session);
            assertEquals(sum(before, "declined") + 1, sum(after, "declined"));
            assertEquals(sum(before, "sendersRefused") + 1, sum(after, "sendersRefused"));
        });
    }

    private static ProducerRecord<String, String> returned(UUID account, long version) {
        return RelayRecords.cashierOf("MAIN", account, version, new DepositReturned("R-" + version,
                new BigDecimal("10.00"), "CASH", null));
    }

    private static ProducerRecord<String, String> answer(UUID account, String body) {
        return new ProducerRecord<>(TestTopics.POS_SALE_RESULTS, account.toString(), body);
    }

    /** Each minute's count of the type (epoch seconds of the minute's start). */
    private static Map<Long, Integer> byMinute(JsonPath view, String type) {
        List<Long> minutes = view.getList("minutes", Long.class);
        List<Integer> counts = view.getList("events." + type);
        Map<Long, Integer> byMinute = new HashMap<>();
        for (int i = 0; counts != null && i < minutes.size(); i++) {
            byMinute.put(minutes.get(i), counts.get(i));
        }
        return byMinute;
    }

    static JsonPath rates(String session) {
        return Sessions.as(session).get("/operations/rates").then().statusCode(200).extract().jsonPath();
    }

    static int total(JsonPath view, String type) {
        List<Integer> counts = view.getList("events." + type);
        return counts == null ? 0 : counts.stream().mapToInt(Integer::intValue).sum();
    }

    private static int sum(JsonPath view, String series) {
        return view.<Integer>getList(series).stream().mapToInt(Integer::intValue).sum();
    }
}
