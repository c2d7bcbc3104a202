package dev.ardoise.console.operations;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store of each account the reader has seen lately. An event names its account's store in its actor, except one
 * account-service appends itself ({@code SYSTEM}: a hold that expired); the account's earlier events tell it.
 * Bounded: the accounts least recently seen are forgotten first.
 */
@ApplicationScoped
public class StoresSeen {
    static final int MOST_ACCOUNTS = 20_000;
    private final Map<String, String> stores = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MOST_ACCOUNTS;
        }
    };

    synchronized void remember(String accountId, String storeId) {
        stores.put(accountId, storeId);
    }

    synchronized String of(String accountId) {
        return stores.get(accountId);
    }
}
