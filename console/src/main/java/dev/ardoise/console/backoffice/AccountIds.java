package dev.ardoise.console.backoffice;

import java.util.Optional;
import java.util.UUID;

/** An account id in an address: a UUID, or it names no account (the not-found page, as for another store's). */
final class AccountIds {
    private AccountIds() {
    }

    static Optional<UUID> parse(String accountId) {
        try {
            return accountId != null && accountId.length() == 36 ? Optional.of(UUID.fromString(accountId))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
