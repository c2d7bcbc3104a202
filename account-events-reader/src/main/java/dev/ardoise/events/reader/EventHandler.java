package dev.ardoise.events.reader;

import dev.ardoise.events.RecordedEvent;
import io.smallrye.mutiny.Uni;

/**
 * What a service does with one event of a known type, inside the reader's transaction. The event comes with its
 * envelope: account, version, when it happened ({@code occurredAt}, e.g. a payment's date) and who caused it.
 */
@FunctionalInterface
public interface EventHandler {
    Uni<Void> apply(RecordedEvent event);
}
