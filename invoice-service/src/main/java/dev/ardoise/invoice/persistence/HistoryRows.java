package dev.ardoise.invoice.persistence;

import dev.ardoise.events.reader.MultiRowInsert;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * A batch's new ledger entries and invoice applications, the most numerous rows it makes, each table's in
 * multi-row inserts ({@link MultiRowInsert}) instead of one insert per row. Their columns are never null.
 */
public final class HistoryRows {
    private static final MultiRowInsert<LedgerEntryRow> ENTRIES = new MultiRowInsert<>("ledger_entry (entry_id, "
            + "account_id, version, entry_date, type, reference, description, amount, deposit_change)", 9, "",
            row -> new Object[] {row.entryId, row.accountId, row.version, row.entryDate, row.type, row.reference,
                    row.description, row.amount, row.depositChange});
    private static final MultiRowInsert<ApplicationRow> APPLICATIONS = new MultiRowInsert<>("invoice_application ("
            + "application_id, invoice_id, account_id, version, applied_on, kind, reference, amount, owed_change)", 9,
            "", row -> new Object[] {row.applicationId, row.invoiceId, row.accountId, row.version, row.appliedOn,
            row.kind, row.reference, row.amount, row.owedChange});

    private HistoryRows() {
    }

    public static Uni<Void> insertEntries(List<LedgerEntryRow> rows) {
        return ENTRIES.insert(rows);
    }

    public static Uni<Void> insertApplications(List<ApplicationRow> rows) {
        return APPLICATIONS.insert(rows);
    }
}
