package dev.ardoise.invoice.api;

import dev.ardoise.events.reader.SafeContext;
import dev.ardoise.invoice.persistence.AccountView;
import dev.ardoise.invoice.persistence.ReadModels;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.UUID;

/**
 * Lets a client that just wrote version N read a projection that includes it: re-reads, without blocking the
 * event loop, until the account reaches that version or the wait is over, then answers with what it has.
 */
@ApplicationScoped
class ReadYourWrites {
    private final ReadModels readModels;
    private final Duration maxWait;
    private final Duration pollInterval;

    ReadYourWrites(ReadModels readModels,
                   @ConfigProperty(name = "ardoise.read-your-writes.max-wait") Duration maxWait,
                   @ConfigProperty(name = "ardoise.read-your-writes.poll-interval") Duration pollInterval) {
        this.readModels = readModels;
        this.maxWait = maxWait;
        this.pollInterval = pollInterval;
    }

    /** The account once it has reached {@code minVersion}, or as it is after the wait; null when unknown. */
    Uni<AccountView> account(UUID accountId, long minVersion) {
        return poll(accountId, minVersion, System.nanoTime() + maxWait.toNanos());
    }

    private Uni<AccountView> poll(UUID accountId, long minVersion, long deadline) {
        return readModels.account(accountId).flatMap(view -> {
            boolean reached = view != null && view.hasReached(minVersion);
            if (reached || minVersion == 0 || System.nanoTime() >= deadline) {
                return Uni.createFrom().item(view);
            }
            return SafeContext.current().runAfter(pollInterval, () -> poll(accountId, minVersion, deadline));
        });
    }
}
