package dev.ardoise.account.domain;

/** The idempotency key was already used for a different request: a register bug, never retried blindly. */
public class IdempotencyConflictException extends RuntimeException {
    private final String key;

    public IdempotencyConflictException(String field, String key) {
        super(field + " " + key + " was already used for a different request");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
