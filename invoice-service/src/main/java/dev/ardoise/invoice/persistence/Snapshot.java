package dev.ardoise.invoice.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * Reads that must agree with each other (a page and its count, invoices and what was applied to them) in one
 * REPEATABLE READ, read-only transaction: every statement sees the database as the first one did, whatever the
 * projection commits meanwhile. Under the default READ COMMITTED, an account opened between the page and the
 * count made a list answer {@code "total": 4} with 2 items.
 */
final class Snapshot {
    private Snapshot() {
    }

    static <T> Uni<T> read(Pool pool, Function<SqlConnection, Uni<T>> reads) {
        return pool.withTransaction(connection -> connection
                .query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> reads.apply(connection)));
    }
}
