package dev.ardoise.events.reader;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.MalformedEventException;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.UnknownEventTypeException;

import java.util.Optional;
import java.util.UUID;

/**
 * A record of account-events as a reader sees it: its place in the account's stream, and the event when its
 * type is known. An event of a type this version does not know (from a newer account-service) is empty, yet
 * still takes its place in the account's versions.
 *
 * @param body the record as received, kept to park the event when it arrives ahead of a gap
 */
public record StreamEvent(UUID accountId, long version, String type, Optional<RecordedEvent> event, String body) {

    /** @throws MalformedEventException when the record is not an account event at all (dead-letter it) */
    public static StreamEvent read(String body) {
        try {
            RecordedEvent recorded = AccountEventJson.read(body);
            return new StreamEvent(recorded.accountId(), recorded.version(), recorded.type(),
                    Optional.of(recorded), body);
        } catch (UnknownEventTypeException unknown) {
            return new StreamEvent(unknown.accountId(), unknown.version(), unknown.type(), Optional.empty(), body);
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            // whatever else refuses the record (the event's own checks) makes it no account event: never let it stop
            // the reader, dead-letter it
            throw new MalformedEventException("not a valid account event: " + e, e);
        }
    }

    @Override
    public String toString() {
        return type + " v" + version + " of account " + accountId;
    }
}
