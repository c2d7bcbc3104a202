package dev.ardoise.console.backoffice;

/** A form field the console refuses before calling any service: the field and why, as a bundle key. */
class InvalidInput extends RuntimeException {
    private final String field;
    private final String reasonKey;

    InvalidInput(String field, String reasonKey) {
        super(field + ": " + reasonKey, null, false, false);
        this.field = field;
        this.reasonKey = reasonKey;
    }

    String field() {
        return field;
    }

    String reasonKey() {
        return reasonKey;
    }
}
