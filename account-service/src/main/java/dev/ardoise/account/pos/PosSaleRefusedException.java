package dev.ardoise.account.pos;

/**
 * A pos-sales message whose sender may not charge the account: no valid token, a role that may not charge, or an
 * account that is not in the token's stores (or does not exist). Answered DECLINED and dead-lettered.
 */
class PosSaleRefusedException extends RuntimeException {
    /** The reason on the DECLINED answer. */
    enum Reason {
        NO_VALID_TOKEN, ROLE_MAY_NOT_CHARGE, ACCOUNT_NOT_FOUND
    }

    private final Reason reason;

    PosSaleRefusedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
