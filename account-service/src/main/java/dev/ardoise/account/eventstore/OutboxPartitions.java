package dev.ardoise.account.eventstore;

import java.util.UUID;

/**
 * Which partition of account-events carries an account's events: the account id's last 28 bits modulo the number
 * of partitions. PostgreSQL computes the same ({@link #SQL}), so that a relay can select one partition's rows.
 * Account ids are random UUIDs, so their last bits spread accounts evenly; unlike {@code hashtext} this cannot
 * change with a PostgreSQL upgrade, which would move accounts between partitions.
 */
final class OutboxPartitions {
    /** The partition of the row's {@code account_id}, given the number of partitions as parameter {@code $1}. */
    static final String SQL = "('x' || right(account_id::text, 7))::bit(28)::int % $1";

    private OutboxPartitions() {
    }

    static int of(UUID accountId, int partitions) {
        return (int) (accountId.getLeastSignificantBits() & 0x0FFF_FFFFL) % partitions;
    }
}
