package dev.ardoise.notification.domain;

import dev.ardoise.events.AccountOpened;

/** The store an account belongs to: only its staff (and operators) see the account and its emails. */
public final class AccountStore {
    private AccountStore() {
    }

    /** The store its AccountOpened names; {@code defaultStore} for an account opened before stores were recorded. */
    public static String of(AccountOpened open, String defaultStore) {
        return open.storeId() == null ? defaultStore : open.storeId();
    }
}
