package dev.ardoise.console.web;

/**
 * A form field the console refuses before calling any service or changing anything: the field and why, as a key of
 * {@link RefusalMessages}.
 */
public class InvalidInput extends RuntimeException {
    private final String field;
    private final String reasonKey;

    public InvalidInput(String field, String reasonKey) {
        super(field + ": " + reasonKey, null, false, false);
        this.field = field;
        this.reasonKey = reasonKey;
    }

    public String field() {
        return field;
    }

    public String reasonKey() {
        return reasonKey;
    }
}
