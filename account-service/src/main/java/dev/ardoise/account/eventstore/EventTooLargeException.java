package dev.ardoise.account.eventstore;

import dev.ardoise.account.domain.InvalidCommandException;

import java.util.Locale;

/**
 * A command whose event would be larger than account-events takes ({@link EventStore#MAX_EVENT_BYTES}): refused
 * like any request out of bounds (400 over HTTP, REJECTED on pos-sales), nothing recorded, rather than stored and
 * never published.
 */
public class EventTooLargeException extends InvalidCommandException {
    public EventTooLargeException(String type, int bytes, int maxBytes) {
        super("body", String.format(Locale.ROOT,
                "would record a %s event of %,d bytes; account-events takes events of at most %,d bytes",
                type, bytes, maxBytes));
    }
}
