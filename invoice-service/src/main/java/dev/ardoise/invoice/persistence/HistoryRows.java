package dev.ardoise.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.Function;

/**
 * A batch's new ledger entries and invoice applications, the most numerous rows it makes, each table's in one
 * multi-row insert (per {@value #ROWS_PER_STATEMENT} rows) instead of one insert per row: PostgreSQL then plans and
 * executes a statement per thousand rows. Their columns are never null, so that every value has its type.
 */
public final class HistoryRows {
    private static final int ROWS_PER_STATEMENT = 1000;

    private HistoryRows() {
    }

    public static Uni<Void> insertEntries(List<LedgerEntryRow> rows) {
        return insert("ledger_entry (entry_id, account_id, version, entry_date, type, reference, description, amount, "
                + "deposit_change)", 9, rows, row -> new Object[] {row.entryId, row.accountId, row.version,
                row.entryDate, row.type, row.reference, row.description, row.amount, row.depositChange});
    }

    public static Uni<Void> insertApplications(List<ApplicationRow> rows) {
        return insert("invoice_application (application_id, invoice_id, account_id, version, applied_on, kind, "
                + "reference, amount, owed_change)", 9, rows, row -> new Object[] {row.applicationId, row.invoiceId,
                row.accountId, row.version, row.appliedOn, row.kind, row.reference, row.amount, row.owedChange});
    }

    private static <T> Uni<Void> insert(String into, int columns, List<T> rows, Function<T, Object[]> values) {
        Uni<Void> inserted = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<T> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            inserted = inserted.chain(() -> statement(into, columns, part, values));
        }
        return inserted;
    }

    private static <T> Uni<Void> statement(String into, int columns, List<T> rows, Function<T, Object[]> values) {
        StringBuilder sql = new StringBuilder("insert into ").append(into).append(" values ");
        for (int row = 0; row < rows.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 1; column <= columns; column++) {
                sql.append(column == 1 ? "?" : ", ?").append(row * columns + column);
            }
            sql.append(')');
        }
        return Panache.getSession().chain(session -> {
            var statement = session.createNativeQuery(sql.toString());
            for (int row = 0; row < rows.size(); row++) {
                Object[] rowValues = values.apply(rows.get(row));
                for (int column = 0; column < columns; column++) {
                    statement.setParameter(row * columns + column + 1, rowValues[column]);
                }
            }
            return statement.executeUpdate();
        }).replaceWithVoid();
    }
}
