package dev.ardoise.notification.consumer;

import dev.ardoise.events.reader.InOrderReader;
import dev.ardoise.events.reader.Mending;
import dev.ardoise.events.reader.ParkedAccounts;
import dev.ardoise.events.reader.SkipRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * Reads account-events, once and in order per account (see {@link InOrderReader}): a poll's batch is applied in one
 * transaction per partition, with its accounts' versions. Nothing here waits on SMTP.
 */
@ApplicationScoped
public class AccountEventsConsumer {
    private final InOrderReader reader;
    private final ParkedAccounts parkedAccounts;
    private final EventApplier applier;

    AccountEventsConsumer(InOrderReader reader, ParkedAccounts parkedAccounts, EventApplier applier) {
        this.reader = reader;
        this.parkedAccounts = parkedAccounts;
        this.applier = applier;
    }

    @Incoming("account-events")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return reader.consume(batch, applier);
    }

    /** An operator applies a parked account's event again (see {@link ParkedAccounts#retry}). */
    public Uni<Mending> retry(UUID accountId) {
        return parkedAccounts.retry(accountId, applier);
    }

    /** An operator leaves a parked account's event out (see {@link ParkedAccounts#skip}). */
    public Uni<Mending> skip(UUID accountId, SkipRequest request, String operator) {
        return parkedAccounts.skip(accountId, request, operator, applier);
    }
}
