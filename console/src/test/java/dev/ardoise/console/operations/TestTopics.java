package dev.ardoise.console.operations;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.NewTopic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The topics the console reads, made in the test broker as the local stack makes them (3 partitions). */
final class TestTopics {
    static final String ACCOUNT_EVENTS = "account-events";
    static final String POS_SALE_RESULTS = "pos-sale-results";
    static final String POS_SALES_DLQ = "pos-sales.dlq";
    static final String INVOICE_DLQ = "account-events.invoice-service.dlq";
    static final String NOTIFICATION_DLQ = "account-events.notification-service.dlq";
    static final String HANDLED = "dead-letters.handled";

    private TestTopics() {
    }

    static void ensure(KafkaCompanion kafka) {
        for (String topic : new String[] {ACCOUNT_EVENTS, POS_SALE_RESULTS, POS_SALES_DLQ, INVOICE_DLQ,
                NOTIFICATION_DLQ}) {
            ensure(kafka, topic, Map.of());
        }
        ensure(kafka, HANDLED, Map.of("cleanup.policy", "compact"));
    }

    static synchronized void ensure(KafkaCompanion kafka, String topic, Map<String, String> configs) {
        if (!kafka.topics().list().contains(topic)) {
            kafka.topics().create(List.of(new NewTopic(topic, 3, (short) 1).configs(configs)));
            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.topics().list().contains(topic));
        }
    }
}
