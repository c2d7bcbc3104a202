package dev.ardoise.notification.consumer;

import dev.ardoise.events.reader.InOrderReader;
import dev.ardoise.notification.delivery.EmailSender;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads account-events, once and in order per account (see {@link InOrderReader}): a poll's batch is applied in one
 * transaction per partition, with its accounts' versions. Nothing here waits on SMTP: once the batch is committed,
 * the sender is woken for the invoice emails it decided.
 */
@ApplicationScoped
public class AccountEventsConsumer {
    private final InOrderReader reader;
    private final EventApplier applier;
    private final InvoiceNotifications invoices;
    private final EmailSender sender;

    AccountEventsConsumer(InOrderReader reader, EventApplier applier, InvoiceNotifications invoices,
                          EmailSender sender) {
        this.reader = reader;
        this.applier = applier;
        this.invoices = invoices;
        this.sender = sender;
    }

    @Incoming("account-events")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return reader.consume(batch, applier)
                .invoke(() -> invoices.takeEarliestDue().ifPresent(sender::wakeAt));
    }
}
