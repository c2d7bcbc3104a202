package dev.ardoise.account.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Which account belongs to which customer: one account per customer, whatever the retries or races. */
@ApplicationScoped
public class CustomerAccounts {

    /**
     * Claims {@code accountId} for the customer, in the caller's transaction, and answers the customer's
     * account: the new one, or the one opened before (a concurrent claim waits for the first to commit).
     */
    public Uni<UUID> claim(SqlClient tx, String customerId, UUID accountId) {
        return tx.preparedQuery("""
                        insert into customer_accounts (customer_id, account_id) values ($1, $2)
                        on conflict (customer_id) do nothing""")
                .execute(Tuple.of(customerId, accountId))
                .chain(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item(accountId)
                        : tx.preparedQuery("select account_id from customer_accounts where customer_id = $1")
                                .execute(Tuple.of(customerId))
                                .map(rows -> rows.iterator().next().getUUID("account_id")));
    }

    /** The customer's account, if one was opened. */
    public Uni<java.util.Optional<UUID>> find(SqlClient client, String customerId) {
        return client.preparedQuery("select account_id from customer_accounts where customer_id = $1")
                .execute(Tuple.of(customerId))
                .map(rows -> rows.iterator().hasNext()
                        ? java.util.Optional.of(rows.iterator().next().getUUID("account_id"))
                        : java.util.Optional.empty());
    }
}
