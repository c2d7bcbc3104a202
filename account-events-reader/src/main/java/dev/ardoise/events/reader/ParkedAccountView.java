package dev.ardoise.events.reader;

import java.time.Instant;
import java.util.UUID;

/**
 * A parked account as an operator sees it: the event it is parked at (version and type, never the content, which
 * may name the customer), why, since when, when last tried, and how many of its events wait behind it.
 *
 * @param storeId the account's store as the service knows it; null when the service never saw the account open
 */
public record ParkedAccountView(UUID accountId, String storeId, long version, String eventType, String reason,
                                Instant parkedAt, Instant triedAt, long waiting) {

    public ParkedAccountView inStore(String store) {
        return new ParkedAccountView(accountId, store, version, eventType, reason, parkedAt, triedAt, waiting);
    }
}
