package dev.ardoise.notification.consumer;

import dev.ardoise.events.MalformedEventException;
import dev.ardoise.notification.persistence.SafeContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Reads {@code account-events}. Each record is applied in one transaction with its account's version; nothing
 * here waits on SMTP. A malformed record fails its message, which the dead-letter-queue failure strategy sends to
 * {@code account-events.notification-service.dlq} with the reason, and consumption goes on. Other failures (the
 * database unreachable) are retried with back-off first, since dead-lettering a good event would leave a gap.
 */
@ApplicationScoped
public class AccountEventsConsumer {
    private static final Logger LOG = Logger.getLogger(AccountEventsConsumer.class);

    private final EventApplier applier;
    private final int retries;

    AccountEventsConsumer(EventApplier applier,
                          @ConfigProperty(name = "ardoise.consumer.retries", defaultValue = "5") int retries) {
        this.applier = applier;
        this.retries = retries;
    }

    @Incoming("account-events")
    public Uni<Void> consume(String body) {
        IncomingEvent event;
        try {
            event = IncomingEvent.read(body);
        } catch (MalformedEventException e) {
            LOG.warnf("malformed record on account-events, sent to the dead-letter topic: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        SafeContext context = SafeContext.current();
        return Uni.createFrom().deferred(() -> context.run(() -> Panache.withTransaction(() -> applier.apply(event))))
                .onFailure().invoke(e -> LOG.warnf("could not apply %s, will retry: %s", event.describe(), e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(retries);
    }
}
