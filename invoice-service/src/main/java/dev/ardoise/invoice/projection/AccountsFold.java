package dev.ardoise.invoice.projection;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.invoice.domain.AccountProjection;
import dev.ardoise.invoice.domain.Change;
import dev.ardoise.invoice.domain.Invoice;
import dev.ardoise.invoice.persistence.AccountRow;
import dev.ardoise.invoice.persistence.ApplicationRow;
import dev.ardoise.invoice.persistence.HoldRow;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;
import dev.ardoise.invoice.persistence.InvoiceRow;
import dev.ardoise.invoice.persistence.LedgerEntryRow;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch of accounts' events folded in memory, one account at a time with {@link AccountProjection} (the rules
 * the one-by-one path and the rebuild use), from the rows loaded for the batch; collects the rows to write: the
 * accounts and invoices changed in place (Hibernate writes them at the flush), the rows made, the holds released.
 */
final class AccountsFold {
    private final ZoneId storeZone;
    private final String defaultStore;
    private final InvoiceLinesJson linesJson;
    private final Map<UUID, AccountRow> accounts;
    private final Map<UUID, Map<String, InvoiceRow>> invoices = new HashMap<>();
    private final Map<UUID, Map<String, HoldRow>> holds = new HashMap<>();

    final List<AccountRow> opened = new ArrayList<>();
    final List<InvoiceRow> issued = new ArrayList<>();
    final Map<String, HoldRow> placed = new LinkedHashMap<>();
    final List<String> released = new ArrayList<>();
    final List<LedgerEntryRow> entries = new ArrayList<>();
    final List<ApplicationRow> applications = new ArrayList<>();

    /** @param invoiceRows, holdRows the rows any of the batch's events names (of whichever account) */
    AccountsFold(ZoneId storeZone, String defaultStore, InvoiceLinesJson linesJson, List<AccountRow> accountRows,
                 List<InvoiceRow> invoiceRows, List<HoldRow> holdRows) {
        this.storeZone = storeZone;
        this.defaultStore = defaultStore;
        this.linesJson = linesJson;
        this.accounts = new HashMap<>();
        accountRows.forEach(row -> accounts.put(row.accountId, row));
        invoiceRows.forEach(row -> invoicesOf(row.accountId).put(row.invoiceId, row));
        holdRows.forEach(row -> holdsOf(row.accountId).put(row.holdId, row));
    }

    /** Applies one account's events, in version order, the first one next in its stream. */
    void apply(UUID accountId, List<RecordedEvent> events) {
        AccountRow account = accounts.get(accountId);
        AccountProjection projection;
        int from = 0;
        if (account == null) {
            RecordedEvent first = events.get(0);
            if (!(first.data() instanceof AccountOpened)) {
                throw new IllegalStateException("cannot apply " + first.type() + " to account " + accountId
                        + ": it was never opened");
            }
            projection = AccountProjection.opened(storeZone, defaultStore, first);
            account = AccountRow.of(projection.balance());
            accounts.put(accountId, account);
            opened.add(account);
            from = 1;
        } else {
            projection = loaded(account);
        }
        for (RecordedEvent recorded : events.subList(from, events.size())) {
            write(account, recorded, projection.apply(recorded));
        }
    }

    private AccountProjection loaded(AccountRow account) {
        Map<String, Invoice> known = new HashMap<>();
        invoicesOf(account.accountId).forEach((id, row) -> known.put(id, row.toInvoice(account.currency)));
        Map<String, BigDecimal> active = new HashMap<>();
        holdsOf(account.accountId).forEach((id, row) -> active.put(id, row.amount));
        return new AccountProjection(storeZone, account.toBalance(), active, known);
    }

    private void write(AccountRow account, RecordedEvent recorded, Change change) {
        UUID accountId = account.accountId;
        account.update(change.balance());
        Map<String, InvoiceRow> rows = invoicesOf(accountId);
        for (Invoice invoice : change.invoices()) {
            InvoiceRow row = rows.get(invoice.invoiceId());
            if (row != null) {
                row.update(invoice);
            } else if (recorded.data() instanceof SaleCharged charge) {
                InvoiceRow made = InvoiceRow.issued(accountId, invoice, linesJson.write(charge.lines()),
                        charge.terms().name());
                rows.put(made.invoiceId, made);
                issued.add(made);
            }
        }
        change.holdsReleased().forEach(holdId -> release(accountId, holdId));
        change.holdsPlaced().forEach((holdId, amount) -> {
            HoldRow row = HoldRow.of(accountId, holdId, amount);
            holdsOf(accountId).put(holdId, row);
            placed.put(row.holdKey, row);
        });
        change.entries().forEach(entry -> entries.add(LedgerEntryRow.of(entry)));
        change.applications().forEach(application -> applications.add(ApplicationRow.of(application)));
    }

    /** A hold placed earlier in the batch is simply not written; one of the database's is deleted. */
    private void release(UUID accountId, String holdId) {
        HoldRow row = holdsOf(accountId).remove(holdId);
        if (row != null && placed.remove(row.holdKey) == null) {
            released.add(row.holdKey);
        }
    }

    private Map<String, InvoiceRow> invoicesOf(UUID accountId) {
        return invoices.computeIfAbsent(accountId, id -> new HashMap<>());
    }

    private Map<String, HoldRow> holdsOf(UUID accountId) {
        return holds.computeIfAbsent(accountId, id -> new HashMap<>());
    }
}
