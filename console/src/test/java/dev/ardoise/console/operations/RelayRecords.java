package dev.ardoise.console.operations;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.Actor;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.Role;
import dev.ardoise.testing.AccountStream;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records of account-events as account-service's relay publishes them: key the account id, the event's JSON, the
 * CloudEvents headers and the outbox position; the actor's store is the account's, a system actor names none.
 */
final class RelayRecords {
    private static final AtomicLong POSITIONS = new AtomicLong(1_000_000);

    private RelayRecords() {
    }

    static ProducerRecord<String, String> by(Actor actor, UUID accountId, long version, AccountEvent data) {
        RecordedEvent event = new RecordedEvent(UUID.randomUUID(), accountId, version, Instant.now(),
                new EventMetadata(actor, "test-" + UUID.randomUUID()), data);
        ProducerRecord<String, String> record = AccountStream.record(event);
        record.headers().add("ardoise-outbox-position",
                Long.toString(POSITIONS.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    static ProducerRecord<String, String> cashierOf(String store, UUID accountId, long version, AccountEvent data) {
        return by(new Actor(Role.CASHIER, "lea", "R1", store), accountId, version, data);
    }

    static ProducerRecord<String, String> system(UUID accountId, long version, AccountEvent data) {
        return by(Actor.system("hold-expiry"), accountId, version, data);
    }
}
