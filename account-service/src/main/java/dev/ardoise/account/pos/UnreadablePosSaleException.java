package dev.ardoise.account.pos;

/** A pos-sales message that cannot be answered at all (not JSON, no saleId...): it goes to the dead-letter topic. */
class UnreadablePosSaleException extends RuntimeException {
    UnreadablePosSaleException(String reason) {
        super(reason);
    }
}
