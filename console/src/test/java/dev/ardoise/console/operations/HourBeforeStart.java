package dev.ardoise.console.operations;

import dev.ardoise.events.PaymentReceived;
import dev.ardoise.testing.KafkaResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Topics that held an hour and more of records before the console started, as after a restart: sales charged 70,
 * 30 and 5 minutes ago and a payment 5 minutes ago on account-events, registers' sales declined 90 and 20 minutes
 * ago on pos-sale-results (topics of their own, so that no other test's records count). The record timestamps are
 * given to the test as configuration.
 */
public class HourBeforeStart implements QuarkusTestResourceLifecycleManager {
    static final String EVENTS = "account-events-before-start";
    static final String RESULTS = "pos-sale-results-before-start";
    static final String ACCOUNT = "ardoise.test.read-back.account";
    static final String SALE_AT = "ardoise.test.read-back.sale-30-minutes-ago";

    /** The console started with those topics. */
    public static class Restarted implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HourBeforeStart.class));
        }
    }

    @Override
    public Map<String, String> start() {
        KafkaResource broker = new KafkaResource();
        String bootstrap = broker.start().get("kafka.bootstrap.servers");
        broker.stop();
        UUID account = UUID.randomUUID();
        Instant now = Instant.now();
        Instant thirtyMinutesAgo = now.minus(Duration.ofMinutes(30));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            TestTopics.ensure(kafka, EVENTS, Map.of());
            TestTopics.ensure(kafka, RESULTS, Map.of());
            kafka.produceStrings().fromRecords(List.of(
                    at(EVENTS, now.minus(Duration.ofMinutes(70)), RelayRecords.cashierOf("MAIN", account, 1,
                            LiveFeedTest.opened("MAIN"))),
                    at(EVENTS, now.minus(Duration.ofMinutes(70)), RelayRecords.cashierOf("MAIN", account, 2,
                            LiveFeedTest.charged("MAIN", "10.00"))),
                    at(EVENTS, thirtyMinutesAgo, RelayRecords.cashierOf("MAIN", account, 3,
                            LiveFeedTest.charged("MAIN", "20.00"))),
                    at(EVENTS, now.minus(Duration.ofMinutes(5)), RelayRecords.cashierOf("MAIN", account, 4,
                            LiveFeedTest.charged("MAIN", "30.00"))),
                    at(EVENTS, now.minus(Duration.ofMinutes(5)), RelayRecords.cashierOf("MAIN", account, 5,
                            new PaymentReceived("P-1", new BigDecimal("60.00"), "CASH", null, List.of()))),
                    at(RESULTS, now.minus(Duration.ofMinutes(90)), declined(account)),
                    at(RESULTS, now.minus(Duration.ofMinutes(20)), declined(account))))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        return Map.of("ardoise.console.operations.account-events-topic", EVENTS,
                "ardoise.console.operations.pos-sale-results-topic", RESULTS,
                ACCOUNT, account.toString(),
                SALE_AT, Long.toString(thirtyMinutesAgo.toEpochMilli()));
    }

    private static ProducerRecord<String, String> declined(UUID account) {
        return new ProducerRecord<>(RESULTS, account.toString(), "{\"saleId\":\"R1-" + UUID.randomUUID()
                + "\",\"accountId\":\"" + account + "\",\"outcome\":\"DECLINED\",\"reason\":\"OVER_LIMIT\"}");
    }

    static ProducerRecord<String, String> at(String topic, Instant when, ProducerRecord<String, String> record) {
        return new ProducerRecord<>(topic, null, when.toEpochMilli(), record.key(), record.value(), record.headers());
    }

    @Override
    public void stop() {
    }
}
