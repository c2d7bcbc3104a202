package dev.ardoise.notification.persistence;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.reader.RowsByKeys;
import dev.ardoise.notification.domain.AccountStore;
import dev.ardoise.notification.domain.CustomerContact;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The contacts of a batch's accounts, in the caller's transaction: loaded in one query, kept in memory event after
 * event as {@link CustomerContact#after} says (a change for an account never opened here is ignored), and stored:
 * changed rows at the session's flush, new ones persisted.
 */
public final class Contacts {
    private final Map<UUID, Contact> rows = new HashMap<>();
    private final List<Contact> opened = new ArrayList<>();
    private final String defaultStore;

    private Contacts(List<Contact> found, String defaultStore) {
        this.defaultStore = defaultStore;
        found.forEach(row -> rows.put(row.accountId, row));
    }

    /** @param defaultStore the store of an account whose AccountOpened names none */
    public static Uni<Contacts> of(Collection<UUID> accountIds, String defaultStore) {
        return RowsByKeys.list(Contact.class, "select * from customer_contacts where account_id in (?1)",
                accountIds).map(found -> new Contacts(found, defaultStore));
    }

    public void apply(UUID accountId, AccountEvent event) {
        if (event instanceof AccountOpened open) {
            opened(accountId, open);
            return;
        }
        Contact row = rows.get(accountId);
        if (row != null) {
            row.update(row.toContact().after(event));
        }
    }

    private void opened(UUID accountId, AccountOpened open) {
        CustomerContact contact = CustomerContact.openedBy(open);
        String store = AccountStore.of(open, defaultStore);
        Contact row = rows.get(accountId);
        if (row == null) {
            row = Contact.of(accountId, contact, store);
            rows.put(accountId, row);
            opened.add(row);
        } else {
            row.update(contact);
            row.storeId = store;
        }
    }

    /** The customer's contact as the events applied so far left it; null for an account never opened here. */
    public CustomerContact now(UUID accountId) {
        Contact row = rows.get(accountId);
        return row == null ? null : row.toContact();
    }

    public Uni<Void> save() {
        return opened.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(opened);
    }
}
