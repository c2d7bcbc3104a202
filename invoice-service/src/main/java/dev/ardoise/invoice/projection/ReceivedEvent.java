package dev.ardoise.invoice.projection;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.MalformedEventException;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.UnknownEventTypeException;

import java.util.UUID;

/**
 * A record of account-events as read: its place in the account's stream, and the event when its type is
 * known ({@code event} is null for a type this version does not know, skipped but counted).
 */
record ReceivedEvent(UUID accountId, long version, String type, AccountEvent event, String body) {

    /** @throws MalformedEventException when the body is not an account event at all */
    static ReceivedEvent read(String body) {
        try {
            RecordedEvent recorded = AccountEventJson.read(body);
            return new ReceivedEvent(recorded.accountId(), recorded.version(), recorded.type(), recorded.data(), body);
        } catch (UnknownEventTypeException e) {
            if (e.accountId() == null || e.version() < 1) {
                throw new MalformedEventException("event of type " + e.type() + " has no valid version", e);
            }
            return new ReceivedEvent(e.accountId(), e.version(), e.type(), null, body);
        }
    }

    boolean isKnown() {
        return event != null;
    }

    @Override
    public String toString() {
        return type + " v" + version + " of account " + accountId;
    }
}
