package dev.ardoise.events;

import java.time.Instant;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * An event as recorded in its account's stream: its id (the CloudEvents {@code ce_id}), the account, the
 * stream version it was appended at (1, 2, 3... without gaps), when it happened, who caused it (metadata) and the
 * event itself.
 * Readers dedupe on {@code (accountId, version)}.
 */
public record RecordedEvent(UUID eventId, UUID accountId, long version, Instant occurredAt, EventMetadata metadata,
                            AccountEvent data) {
    public RecordedEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(accountId, "accountId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(metadata, "metadata");
        requireNonNull(data, "data");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more");
        }
        if (metadata.command() != null && !metadata.command().contains(version)) {
            throw new IllegalArgumentException("version " + version + " is not one of its command's versions "
                    + metadata.command().firstVersion() + ".." + metadata.command().lastVersion());
        }
    }

    /**
     * The versions this event's command appended together; an event recorded before they were is a command of its
     * own.
     */
    public CommandVersions command() {
        return metadata.command() != null ? metadata.command() : CommandVersions.single(version);
    }

    public String type() {
        return data.type();
    }
}
