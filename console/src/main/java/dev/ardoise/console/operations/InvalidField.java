package dev.ardoise.console.operations;

/**
 * An operator's input the console refuses before changing anything: the field, why in English (for the log and the
 * JSON answers), and the message of {@code OpsMessages} that says it on a page ({@code invalid_reason}).
 */
public final class InvalidField extends RuntimeException {
    private final String field;
    private final String messageKey;

    InvalidField(String field, String reason) {
        this(field, reason, "invalid_" + field);
    }

    InvalidField(String field, String reason, String messageKey) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
