package dev.ardoise.invoice.it;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Publishes test records on account-events and waits until the broker has them. */
final class Publisher {
    private Publisher() {
    }

    static void publish(KafkaCompanion kafka, RecordedEvent... events) {
        publish(kafka, Arrays.stream(events).map(AccountStream::record).toList());
    }

    static void publish(KafkaCompanion kafka, List<ProducerRecord<String, String>> records) {
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(15));
    }
}
