package dev.ardoise.benchmark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether both readers have applied every event of some accounts: the events account-service stored for them
 * against the versions in each reader's {@code reader_position} summed (versions run 1, 2, 3... so they are equal
 * once every event is applied). A part that measures freshness starts from readers with no backlog left by the
 * part before.
 */
final class Readers {
    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(15);
    private final DataSource accounts;
    private final DataSource invoices;
    private final DataSource notifications;

    Readers(DataSource accounts, DataSource invoices, DataSource notifications) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.notifications = notifications;
    }

    /** @return how long it took */
    long awaitCaughtUp(List<String> accountIds) throws SQLException {
        return awaitCaughtUp(accountIds.stream().map(java.util.UUID::fromString).toArray());
    }

    /** Before and after each step of a sweep on these accounts. */
    Sweep.Settle settleOn(List<Shop.Account> accounts) {
        Object[] ids = accounts.stream().map(account -> java.util.UUID.fromString(account.id())).toArray();
        return () -> awaitCaughtUp(ids);
    }

    private long awaitCaughtUp(Object[] ids) throws SQLException {
        long start = System.nanoTime();
        long stored = sum(accounts, "SELECT count(*) FROM account_events WHERE account_id = ANY(?)", ids);
        String applied = "SELECT coalesce(sum(last_version), 0) FROM reader_position WHERE account_id = ANY(?)";
        while (sum(invoices, applied, ids) < stored || sum(notifications, applied, ids) < stored) {
            if (System.nanoTime() - start > TIMEOUT_NANOS) {
                throw new AssertionError("the readers did not apply " + stored + " events in 15 minutes");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return System.nanoTime() - start;
    }

    private static long sum(DataSource database, String sql, Object[] ids) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
