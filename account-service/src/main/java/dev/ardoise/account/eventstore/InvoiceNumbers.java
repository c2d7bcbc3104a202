package dev.ardoise.account.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sequential invoice numbers per store ({@code MAIN-000042}). The counter row is locked until the charge commits,
 * so numbers are gapless and never reused; the price is that charges in one store take their numbers in turn.
 */
@ApplicationScoped
public class InvoiceNumbers {

    public Uni<String> next(SqlClient tx, String storeId) {
        return tx.preparedQuery("""
                        insert into invoice_numbers (store_id, last_number) values ($1, 1)
                        on conflict (store_id) do update set last_number = invoice_numbers.last_number + 1
                        returning last_number""")
                .execute(Tuple.of(storeId))
                .map(rows -> format(storeId, rows.iterator().next().getLong("last_number")));
    }

    static String format(String storeId, long number) {
        return "%s-%06d".formatted(storeId, number);
    }
}
