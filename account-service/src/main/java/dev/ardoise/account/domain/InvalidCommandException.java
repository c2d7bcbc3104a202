package dev.ardoise.account.domain;

/** A command the account refuses as given: an amount at the wrong scale, terms without a due date... */
public class InvalidCommandException extends RuntimeException {
    private final String field;
    private final String reason;

    public InvalidCommandException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
