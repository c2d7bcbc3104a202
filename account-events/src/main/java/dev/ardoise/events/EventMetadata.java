package dev.ardoise.events;

import static java.util.Objects.requireNonNull;

/**
 * Who caused an event and the request it belongs to. {@code correlationId} is the caller's
 * {@code X-Correlation-Id} (or one made up for the request); every event a command appends carries the same one.
 */
public record EventMetadata(Actor actor, String correlationId) {
    /** Read from an envelope written before metadata existed. */
    public static final EventMetadata UNRECORDED = new EventMetadata(Actor.UNRECORDED, "unrecorded");

    public EventMetadata {
        requireNonNull(actor, "actor");
        requireNonNull(correlationId, "correlationId");
    }
}
