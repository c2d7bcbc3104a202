package dev.ardoise.invoice.projection;

import dev.ardoise.events.reader.InOrderReader;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads account-events into the read models, once and in order per account (see {@link InOrderReader}). */
@ApplicationScoped
public class AccountEventsConsumer {
    private final InOrderReader reader;
    private final EventApplier applier;

    AccountEventsConsumer(InOrderReader reader, EventApplier applier) {
        this.reader = reader;
        this.applier = applier;
    }

    @Incoming("account-events")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return reader.consume(batch, applier);
    }
}
