package dev.ardoise.notification.api;

import dev.ardoise.events.reader.AccountStores;
import dev.ardoise.notification.persistence.Contact;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An account's store, as this service read it open, for the operators' list of parked accounts. */
@ApplicationScoped
class AccountStoreLookup implements AccountStores {

    @Override
    public Uni<Map<UUID, String>> of(List<UUID> accountIds) {
        return Panache.withSession(() -> Contact.<Contact>list("accountId in ?1", accountIds).map(rows -> {
            Map<UUID, String> stores = new HashMap<>();
            rows.forEach(row -> stores.put(row.accountId, row.storeId));
            return stores;
        }));
    }
}
