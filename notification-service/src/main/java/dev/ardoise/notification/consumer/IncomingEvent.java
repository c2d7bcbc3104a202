package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.MalformedEventException;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.UnknownEventTypeException;

import java.util.Optional;
import java.util.UUID;

/**
 * A record of {@code account-events}, read: its account and version, and the event when its type is known.
 * An event of an unknown type (from a newer account-service) still takes its place in the account's versions.
 *
 * @param body the record as received, kept to park the event when it arrives ahead of a gap
 */
record IncomingEvent(UUID accountId, long version, Optional<AccountEvent> event, String body) {

    /** @throws MalformedEventException when the record is not an account event */
    static IncomingEvent read(String body) {
        try {
            RecordedEvent recorded = AccountEventJson.read(body);
            return new IncomingEvent(recorded.accountId(), recorded.version(), Optional.of(recorded.data()), body);
        } catch (UnknownEventTypeException unknown) {
            return new IncomingEvent(unknown.accountId(), unknown.version(), Optional.empty(), body);
        }
    }

    String describe() {
        return event.map(AccountEvent::type).orElse("unknown event") + " v" + version + " of account " + accountId;
    }
}
