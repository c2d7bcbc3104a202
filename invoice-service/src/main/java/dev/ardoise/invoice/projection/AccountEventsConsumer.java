package dev.ardoise.invoice.projection;

import dev.ardoise.events.MalformedEventException;
import dev.ardoise.invoice.config.VertxPause;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Reads account-events. A body that is not an account event fails at once and goes to the dead-letter topic
 * with its reason; any other failure (the database away...) is retried a few times before it does.
 */
@ApplicationScoped
public class AccountEventsConsumer {
    private static final Logger LOG = Logger.getLogger(AccountEventsConsumer.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);

    private final Projector projector;

    AccountEventsConsumer(Projector projector) {
        this.projector = projector;
    }

    @Incoming("account-events")
    public Uni<Void> consume(String body) {
        ReceivedEvent received;
        try {
            received = ReceivedEvent.read(body);
        } catch (MalformedEventException e) {
            LOG.errorf("dead-lettering a malformed record of account-events: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return projectWithRetries(received, 1);
    }

    private Uni<Void> projectWithRetries(ReceivedEvent received, int attempt) {
        return Uni.createFrom().deferred(() -> projector.project(received))
                .onFailure(failure -> attempt < MAX_ATTEMPTS).recoverWithUni(failure -> {
                    LOG.warnf(failure, "projecting %s failed (attempt %d of %d), retrying",
                            received, attempt, MAX_ATTEMPTS);
                    return VertxPause.of(FIRST_BACK_OFF.multipliedBy(1L << (attempt - 1)))
                            .flatMap(ignored -> projectWithRetries(received, attempt + 1));
                });
    }
}
