package dev.ardoise.events.reader;

import dev.ardoise.events.AccountEvent;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** What a service does with one event of a known type, inside the reader's transaction. */
@FunctionalInterface
public interface EventHandler {
    Uni<Void> apply(UUID accountId, long version, AccountEvent event);
}
