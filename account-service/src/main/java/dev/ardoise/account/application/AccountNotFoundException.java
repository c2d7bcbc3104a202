package dev.ardoise.account.application;

import java.util.UUID;

/** No such account; answered exactly as another store's account, so that the wall leaks nothing. */
public class AccountNotFoundException extends RuntimeException {
    /** What a missing account is called in the 404 problem. */
    public static final String WHAT = "credit account";

    private final UUID accountId;

    public AccountNotFoundException(UUID accountId) {
        super("no " + WHAT + " " + accountId);
        this.accountId = accountId;
    }

    public UUID accountId() {
        return accountId;
    }
}
