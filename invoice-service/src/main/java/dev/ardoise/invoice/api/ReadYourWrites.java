package dev.ardoise.invoice.api;

import dev.ardoise.events.reader.SafeContext;
import dev.ardoise.http.security.Caller;
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

    /**
     * The account once it has reached {@code minVersion}, or as it is after the wait; null when unknown. An
     * account of a store the caller does not work for is unknown to it all along, so that it is waited for exactly
     * like an account that does not exist: neither the answer nor its timing tells them apart.
     */
    Uni<AccountView> account(Caller caller, UUID accountId, long minVersion) {
        return poll(caller, accountId, minVersion, System.nanoTime() + maxWait.toNanos());
    }

    private Uni<AccountView> poll(Caller caller, UUID accountId, long minVersion, long deadline) {
        return readModels.account(accountId).flatMap(found -> {
            AccountView view = found != null && caller.worksFor(found.balance().storeId()) ? found : null;
            boolean reached = view != null && view.hasReached(minVersion);
            if (reached || minVersion == 0 || System.nanoTime() >= deadline) {
                return Uni.createFrom().item(view);
            }
            return SafeContext.current().runAfter(pollInterval, () -> poll(caller, accountId, minVersion, deadline));
        });
    }
}
