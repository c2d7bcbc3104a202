package dev.ardoise.invoice.projection;

import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.Invoice;
import dev.ardoise.invoice.domain.InvoiceApplication;
import dev.ardoise.invoice.domain.LedgerEntry;
import dev.ardoise.events.reader.Arrival;
import dev.ardoise.events.reader.StreamEvent;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rebuild's tables: the same DDL as the live read models under a {@code _next} suffix, filled over JDBC in
 * batches, then switched in by renaming, in one transaction, once they have caught up with the live ones.
 */
final class ShadowTables {
    static final List<String> TABLES = List.of("reader_position", "parked_event", "account", "invoice",
            "credit_hold", "ledger_entry", "invoice_application");
    private static final int BATCH = 1000;

    private ShadowTables() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DROP TABLE IF EXISTS " + table + "_next");
                statement.execute("CREATE TABLE " + table + "_next (LIKE " + table + " INCLUDING ALL)");
            }
        }
    }

    /** Writes what changed in these accounts since the last flush; the caller commits. */
    static void flush(Connection connection, Collection<RebuiltAccount> accounts) throws SQLException {
        UUID[] ids = accounts.stream().map(account -> account.accountId).toArray(UUID[]::new);
        java.sql.Array array = connection.createArrayOf("uuid", ids);
        for (String table : List.of("reader_position", "parked_event", "account", "credit_hold")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + "_next WHERE account_id = ANY(?)")) {
                delete.setArray(1, array);
                delete.executeUpdate();
            }
        }
        // an account's invoices are most of its rows: only those changed since the last flush are written again
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM invoice_next WHERE invoice_id = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("text", accounts.stream()
                    .flatMap(account -> account.changedInvoices.stream()).toArray(String[]::new)));
            delete.executeUpdate();
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Batch positions = new Batch(connection, "INSERT INTO reader_position_next (account_id, last_version, "
                + "updated_at) VALUES (?, ?, ?)");
             Batch parked = new Batch(connection, "INSERT INTO parked_event_next (account_id, version, body, "
                     + "parked_at) VALUES (?, ?, ?, ?)");
             Batch rows = new Batch(connection, "INSERT INTO account_next (account_id, store_id, customer_id, name, "
                     + "currency, credit_limit, owed, deposit_balance, held, account_status) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             Batch invoices = new Batch(connection, "INSERT INTO invoice_next (invoice_id, invoice_number, sale_id, "
                     + "account_id, account_version, amount, paid, lines, terms, issued_on, due_date, store_id, "
                     + "credited, debited, refunded, written_off_amount, written_off, owed) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             Batch holds = new Batch(connection, "INSERT INTO credit_hold_next (hold_key, account_id, hold_id, amount) "
                     + "VALUES (?, ?, ?, ?)");
             Batch entries = new Batch(connection, "INSERT INTO ledger_entry_next (entry_id, account_id, version, "
                     + "entry_date, type, reference, description, amount, deposit_change) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             Batch applications = new Batch(connection, "INSERT INTO invoice_application_next (application_id, "
                     + "invoice_id, account_id, version, applied_on, kind, reference, amount, owed_change) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RebuiltAccount account : accounts) {
                if (account.lastVersion > 0 || !account.parked.isEmpty() || account.parkedAt() != Arrival.NONE) {
                    positions.add(account.accountId, account.lastVersion, now);
                }
                for (StreamEvent event : account.parked.values()) {
                    parked.add(account.accountId, event.version(), event.body(), now);
                }
                if (account.projection != null) {
                    writeAccount(account, rows, invoices, holds);
                }
                for (LedgerEntry entry : account.newEntries) {
                    entries.add(entry.entryId(), entry.accountId(), entry.version(), Date.valueOf(entry.date()),
                            entry.type().name(), entry.reference(), entry.description(), entry.amount(),
                            entry.depositChange());
                }
                for (InvoiceApplication application : account.newApplications) {
                    applications.add(application.applicationId(), application.invoiceId(), application.accountId(),
                            application.version(), Date.valueOf(application.date()), application.kind().name(),
                            application.reference(), application.amount(), application.owedChange());
                }
                account.changedInvoices.clear();
                account.newEntries.clear();
                account.newApplications.clear();
                account.dirty = false;
            }
        }
    }

    private static void writeAccount(RebuiltAccount account, Batch rows, Batch invoices, Batch holds)
            throws SQLException {
        AccountBalance balance = account.projection.balance();
        rows.add(balance.accountId(), balance.storeId(), balance.customerId(), balance.customerName(),
                balance.currency(), balance.creditLimit(), balance.owed(), balance.depositBalance(), balance.held(),
                balance.accountStatus().name());
        Map<String, Invoice> all = account.projection.invoices();
        for (String invoiceId : account.changedInvoices) {
            Invoice invoice = all.get(invoiceId);
            RebuiltAccount.IssuedWith issued = account.issued.get(invoice.invoiceId());
            invoices.add(invoice.invoiceId(), invoice.invoiceNumber(), invoice.saleId(), balance.accountId(),
                    invoice.version(), invoice.amount(), invoice.paid(), issued.lines(), issued.terms(),
                    Date.valueOf(invoice.issuedOn()), Date.valueOf(invoice.dueDate()), invoice.storeId(),
                    invoice.credited(), invoice.debited(), invoice.refunded(), invoice.writtenOffAmount(),
                    invoice.writtenOff(), invoice.owed());
        }
        for (Map.Entry<String, java.math.BigDecimal> hold : account.projection.holds().entrySet()) {
            holds.add(balance.accountId() + ":" + hold.getKey(), balance.accountId(), hold.getKey(), hold.getValue());
        }
    }

    /**
     * Under an exclusive lock on the live tables (the live consumer and queries wait, for milliseconds), switches
     * the shadow tables in if every account is at least as far in them as in the live ones, and parked at the same
     * event as in {@code parked_account} (which is not switched: operators' mending goes on through the rebuild).
     * The accounts the rebuild itself stopped at an event it could not apply are left out of the first check and
     * added to {@code parked_account}, so that they are parked after the switch as the live reader parks. Answers
     * whether it switched; when not, nothing changed and the caller reads on and tries again.
     */
    static boolean switchIfCaughtUp(Connection connection, Map<UUID, RebuiltAccount> accounts) throws SQLException {
        List<RebuiltAccount> stoppedHere = accounts.values().stream()
                .filter(account -> account.stopped() != null).toList();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '10s'");
            statement.execute("LOCK TABLE " + String.join(", ", TABLES) + ", parked_account IN ACCESS EXCLUSIVE MODE");
            if (behind(connection, stoppedHere) > 0 || !sameParkings(LiveParkings.read(connection), accounts)) {
                connection.rollback();
                return false;
            }
            parkWhereStopped(connection, stoppedHere);
            for (String table : TABLES) {
                statement.execute("ALTER TABLE " + table + " RENAME TO " + table + "_old");
                statement.execute("ALTER TABLE " + table + "_next RENAME TO " + table);
                statement.execute("DROP TABLE " + table + "_old");
            }
        }
        connection.commit();
        return true;
    }

    /** How many accounts are further in the live tables than in the shadow ones, those stopped here aside. */
    private static long behind(Connection connection, List<RebuiltAccount> stoppedHere) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM reader_position l "
                + "LEFT JOIN reader_position_next n ON n.account_id = l.account_id "
                + "WHERE (n.account_id IS NULL OR n.last_version < l.last_version) AND NOT l.account_id = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("uuid",
                    stoppedHere.stream().map(account -> account.accountId).toArray()));
            try (ResultSet behind = query.executeQuery()) {
                behind.next();
                return behind.getLong(1);
            }
        }
    }

    /** Every account parked live is parked at the same version in the rebuild, and the other way round. */
    private static boolean sameParkings(Map<UUID, Long> live, Map<UUID, RebuiltAccount> accounts) {
        boolean liveHeld = live.entrySet().stream().allMatch(parked -> {
            RebuiltAccount account = accounts.get(parked.getKey());
            return account != null && account.parkedAt() == parked.getValue();
        });
        return liveHeld && accounts.values().stream().allMatch(account -> account.parkedAt() == Arrival.NONE
                || account.stopped() != null || Long.valueOf(account.parkedAt()).equals(live.get(account.accountId)));
    }

    private static void parkWhereStopped(Connection connection, List<RebuiltAccount> stoppedHere)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Batch parked = new Batch(connection, "INSERT INTO parked_account (account_id, version, event_type, "
                + "body, reason, parked_at, tried_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (RebuiltAccount account : stoppedHere) {
                StreamEvent event = account.stopped().event();
                parked.add(account.accountId, event.version(), event.type(), event.body(),
                        "rebuild: " + account.stopped().reason(), now, now);
            }
        }
    }

    /** A batched insert. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        Batch(Connection connection, String sql) throws SQLException {
            statement = connection.prepareStatement(sql);
        }

        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            if (++pending == BATCH) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    statement.executeBatch();
                }
            } finally {
                statement.close();
            }
        }
    }
}
