package dev.ardoise.invoice.persistence;

import java.util.Set;

/**
 * The stores whose accounts a list may show: the caller's, or every store for an operator or a service. Lists
 * filter on it in SQL, before paging, so that a page never holds, nor counts, another store's account.
 */
public record StoreScope(boolean everyStore, Set<String> stores) {
    public StoreScope {
        stores = Set.copyOf(stores);
    }

    public static StoreScope every() {
        return new StoreScope(true, Set.of());
    }

    public static StoreScope only(Set<String> stores) {
        return new StoreScope(false, stores);
    }

    /** Only the store asked for, if it is one of these; none at all otherwise: asking never widens the scope. */
    public StoreScope narrowedTo(String store) {
        if (store == null) {
            return this;
        }
        return only(everyStore || stores.contains(store) ? Set.of(store) : Set.of());
    }
}
