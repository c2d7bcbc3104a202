package dev.ardoise.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import static java.util.Objects.requireNonNull;

/**
 * Who caused an event and the request it belongs to. {@code correlationId} is the caller's
 * {@code X-Correlation-Id} (or one made up for the request); every event a command appends carries the same one,
 * and the same {@code command}: the versions the command appended together (null on events recorded before it
 * existed; {@link RecordedEvent#command()} reads those as a command of their own).
 */
public record EventMetadata(Actor actor, String correlationId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) CommandVersions command) {
    /** Read from an envelope written before metadata existed. */
    public static final EventMetadata UNRECORDED = new EventMetadata(Actor.UNRECORDED, "unrecorded");

    @JsonCreator
    public EventMetadata {
        requireNonNull(actor, "actor");
        requireNonNull(correlationId, "correlationId");
    }

    /** Metadata of a command not appended yet: the event store adds its versions. */
    public EventMetadata(Actor actor, String correlationId) {
        this(actor, correlationId, null);
    }

    /** The same metadata for the events of a command appended at these versions. */
    public EventMetadata withCommand(CommandVersions versions) {
        return new EventMetadata(actor, correlationId, requireNonNull(versions, "versions"));
    }
}
