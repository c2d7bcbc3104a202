package dev.ardoise.events.reader;

import java.util.UUID;

/**
 * What an operator's retry or skip did: the outcome, the account's last applied version afterwards, and where it is
 * parked now (the same event when a retry failed again, a later one when that one could not be applied either), or
 * null when every event that has arrived is applied.
 */
public record Mending(UUID accountId, Outcome outcome, long lastVersion, ParkedAccountView parked) {

    public enum Outcome {
        /** The parked event was applied, then the events that waited behind it, in order. */
        APPLIED,
        /** The parked event still cannot be applied; the reason is the new one. */
        STILL_PARKED,
        /** The parked event was left out, as recorded; the events that waited behind it were applied, in order. */
        SKIPPED
    }
}
