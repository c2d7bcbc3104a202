package dev.ardoise.account.domain;

import java.util.List;
import java.util.UUID;

/**
 * The customer already has an account in the store, with other details than the opening asked for: opening never
 * changes an account (its details, consent and limit each have their command), so nothing is recorded.
 */
public class AccountAlreadyOpenException extends RuntimeException {
    private final UUID accountId;
    private final List<String> differences;

    public AccountAlreadyOpenException(UUID accountId, List<String> differences) {
        super("the customer already has account " + accountId + " in this store, with another "
                + String.join(", ", differences) + "; change them on that account");
        this.accountId = accountId;
        this.differences = List.copyOf(differences);
    }

    public UUID accountId() {
        return accountId;
    }

    /** The request's fields whose values differ from the account's, in the request's order. */
    public List<String> differences() {
        return differences;
    }
}
