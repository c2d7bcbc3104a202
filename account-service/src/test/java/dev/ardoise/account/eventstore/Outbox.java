package dev.ardoise.account.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes outbox rows the way an append does (one row per event, in the appending transaction), with a body that
 * carries the account and version, so the relay tests do not depend on the domain.
 */
final class Outbox {
    private final Pool pool;

    Outbox(Pool pool) {
        this.pool = pool;
    }

    /** Commits the event {@code version} of each account, in one transaction. */
    void append(Collection<UUID> accounts, long version) {
        pool.withTransaction(tx -> insert(tx, accounts, version)).await().indefinitely();
    }

    static Uni<Void> insert(SqlClient tx, Collection<UUID> accounts, long version) {
        return tx.preparedQuery("""
                        insert into outbox (event_id, account_id, version, event_type, body, occurred_at)
                        values ($1, $2, $3, 'RelayTested', $4, now())""")
                .executeBatch(accounts.stream().map(account -> row(account, version)).toList())
                .replaceWithVoid();
    }

    /** Commits the event {@code version} of the account with a body of about {@code bytes} bytes (a long note). */
    void appendOfSize(UUID account, long version, int bytes) {
        pool.withTransaction(tx -> tx.preparedQuery("""
                                insert into outbox (event_id, account_id, version, event_type, body, occurred_at)
                                values ($1, $2, $3, 'RelayTested', $4, now())""")
                        .execute(row(account, version, "x".repeat(bytes))))
                .await().indefinitely();
    }

    private static Tuple row(UUID account, long version) {
        return row(account, version, "");
    }

    private static Tuple row(UUID account, long version, String note) {
        UUID eventId = UUID.randomUUID();
        String body = """
                {"eventId":"%s","type":"RelayTested","accountId":"%s","version":%d,"note":"%s"}"""
                .formatted(eventId, account, version, note);
        return Tuple.of(eventId, account, version, body);
    }

    long unpublished(Collection<UUID> accounts) {
        return pool.preparedQuery("select count(*) as n from outbox where account_id = any($1) and published_at is null")
                .execute(Tuple.of(accounts.toArray(UUID[]::new))).await().indefinitely()
                .iterator().next().getLong("n");
    }

    /** A new account id whose events go to this partition. */
    static UUID accountOnPartition(int partition, int partitions) {
        UUID account;
        do {
            account = UUID.randomUUID();
        } while (OutboxPartitions.of(account, partitions) != partition);
        return account;
    }

    static List<UUID> newAccounts(int count) {
        return Stream.generate(UUID::randomUUID).limit(count).toList();
    }
}
