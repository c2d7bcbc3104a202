package dev.ardoise.events;

import java.util.UUID;

/**
 * A well-formed event of a type this reader does not know, likely from a newer account-service.
 * Readers skip it knowingly, still counting its version so that the next known event is not a gap.
 */
public class UnknownEventTypeException extends RuntimeException {
    private final String type;
    private final UUID accountId;
    private final long version;

    public UnknownEventTypeException(String type, UUID accountId, long version) {
        super("unknown event type " + type + " at version " + version + " of account " + accountId);
        this.type = type;
        this.accountId = accountId;
        this.version = version;
    }

    public String type() {
        return type;
    }

    public UUID accountId() {
        return accountId;
    }

    public long version() {
        return version;
    }
}
