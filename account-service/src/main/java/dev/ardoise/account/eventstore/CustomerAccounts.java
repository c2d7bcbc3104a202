package dev.ardoise.account.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Which account belongs to which customer of a store: one account per customer and store, whatever the retries or
 * races. Two stores may each have a customer with the same id; they are two customers with two accounts.
 */
@ApplicationScoped
public class CustomerAccounts {

    /**
     * Claims {@code accountId} for the store's customer, in the caller's transaction, and answers the customer's
     * account: the new one, or the one opened before (a concurrent claim waits for the first to commit).
     */
    public Uni<UUID> claim(SqlClient tx, String storeId, String customerId, UUID accountId) {
        return tx.preparedQuery("""
                        insert into customer_accounts (store_id, customer_id, account_id) values ($1, $2, $3)
                        on conflict (store_id, customer_id) do nothing""")
                .execute(Tuple.of(storeId, customerId, accountId))
                .chain(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item(accountId)
                        : tx.preparedQuery("""
                                        select account_id from customer_accounts
                                        where store_id = $1 and customer_id = $2""")
                                .execute(Tuple.of(storeId, customerId))
                                .map(rows -> rows.iterator().next().getUUID("account_id")));
    }

    /** The customer's accounts in these stores (in every store when {@code stores} is null), by store. */
    public Uni<List<StoreAccount>> find(SqlClient client, String customerId, List<String> stores) {
        var query = stores == null
                ? client.preparedQuery("""
                        select store_id, account_id from customer_accounts where customer_id = $1 order by store_id""")
                        .execute(Tuple.of(customerId))
                : client.preparedQuery("""
                        select store_id, account_id from customer_accounts
                        where customer_id = $1 and store_id = any($2) order by store_id""")
                        .execute(Tuple.of(customerId, stores.toArray(String[]::new)));
        return query.map(rows -> StreamSupport.stream(rows.spliterator(), false).map(CustomerAccounts::account)
                .toList());
    }

    /**
     * The accounts of these stores (every store when {@code stores} is null) whose current email address is this
     * one, case ignored, by store then account id: at most {@code most}. The index {@code account_events_by_email}
     * finds the accounts ever given the address; the latest event that set an address says whether it still is.
     */
    public Uni<List<StoreAccount>> withEmail(SqlClient client, String email, List<String> stores, int most) {
        String select = """
                select c.store_id, c.account_id from customer_accounts c
                where c.account_id in (
                    select e.account_id from account_events e
                    where e.event_type in ('AccountOpened', 'CustomerDetailsChanged')
                    and lower(e.data ->> 'email') = lower($1))
                and lower($1) = (
                    select lower(l.data ->> 'email') from account_events l
                    where l.account_id = c.account_id
                    and l.event_type in ('AccountOpened', 'CustomerDetailsChanged')
                    order by l.version desc limit 1)""";
        var query = stores == null
                ? client.preparedQuery(select + " order by c.store_id, c.account_id limit $2")
                        .execute(Tuple.of(email, most))
                : client.preparedQuery(select + " and c.store_id = any($2) order by c.store_id, c.account_id limit $3")
                        .execute(Tuple.of(email, stores.toArray(String[]::new), most));
        return query.map(rows -> StreamSupport.stream(rows.spliterator(), false).map(CustomerAccounts::account)
                .toList());
    }

    private static StoreAccount account(Row row) {
        return new StoreAccount(row.getString("store_id"), row.getUUID("account_id"));
    }

    /** A customer's account and the store it belongs to. */
    public record StoreAccount(String storeId, UUID accountId) {
    }
}
