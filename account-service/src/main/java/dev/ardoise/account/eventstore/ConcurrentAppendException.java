package dev.ardoise.account.eventstore;

import java.util.UUID;

/** Another command appended to the account since it was read: decide again on the fresh state. */
public class ConcurrentAppendException extends RuntimeException {
    public ConcurrentAppendException(UUID accountId, long expectedVersion) {
        super("account " + accountId + " moved past version " + expectedVersion);
    }
}
