package dev.ardoise.account.api;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.RecordedEvent;

import java.time.Instant;
import java.util.UUID;

/** One entry of an account's history, in the shape it has on the account-events topic: who, when, what. */
public record EventView(UUID eventId, String type, UUID accountId, long version, Instant occurredAt,
                        EventMetadata metadata, AccountEvent data) {

    static EventView of(RecordedEvent event) {
        return new EventView(event.eventId(), event.type(), event.accountId(), event.version(), event.occurredAt(),
                event.metadata(), event.data());
    }
}
