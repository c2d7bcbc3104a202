package dev.ardoise.account.pos;

/** A readable pos-sales message with a field that is wrong: it is answered REJECTED, naming the field. */
class InvalidPosSaleException extends RuntimeException {
    private final String field;

    InvalidPosSaleException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
