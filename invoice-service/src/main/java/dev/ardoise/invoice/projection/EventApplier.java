package dev.ardoise.invoice.projection;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.reader.BatchHandler;
import dev.ardoise.events.reader.RowsByKeys;
import dev.ardoise.invoice.domain.AccountProjection;
import dev.ardoise.invoice.domain.Change;
import dev.ardoise.invoice.domain.Invoice;
import dev.ardoise.invoice.persistence.AccountRow;
import dev.ardoise.invoice.persistence.ApplicationRow;
import dev.ardoise.invoice.persistence.HistoryRows;
import dev.ardoise.invoice.persistence.HoldRow;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;
import dev.ardoise.invoice.persistence.InvoiceRow;
import dev.ardoise.invoice.persistence.LedgerEntryRow;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Changes the read models for one event, inside the reader's transaction: loads what the event needs (the
 * account, the invoices and the hold it names), lets {@link AccountProjection} decide, writes the {@link Change}.
 * A batch's events at once ({@link #applyInOrder}): the same, set-wise: the batch's accounts, and the invoices and
 * holds its events name, loaded in three queries, each account's events folded in memory ({@link AccountsFold}),
 * the rows written by Hibernate in batches at the reader's flush.
 */
@ApplicationScoped
class EventApplier implements BatchHandler {
    private final InvoiceLinesJson linesJson;
    private final ZoneId storeZone;
    private final String defaultStore;

    EventApplier(InvoiceLinesJson linesJson, @ConfigProperty(name = "ardoise.store.time-zone") ZoneId storeZone,
                 @ConfigProperty(name = "ardoise.store.id") String defaultStore) {
        this.linesJson = linesJson;
        this.storeZone = storeZone;
        this.defaultStore = defaultStore;
    }

    @Override
    public Uni<Void> apply(RecordedEvent recorded) {
        if (recorded.data() instanceof AccountOpened) {
            AccountProjection opened = AccountProjection.opened(storeZone, defaultStore, recorded);
            return AccountRow.of(opened.balance()).persist().replaceWithVoid();
        }
        UUID accountId = recorded.accountId();
        AccountEvent event = recorded.data();
        return accountOf(accountId, event).flatMap(account -> invoicesNamed(accountId, event)
                .flatMap(invoices -> holdNamed(accountId, event)
                        .flatMap(hold -> write(account, invoices, recorded, project(account, invoices, hold,
                                recorded)))));
    }

    @Override
    public Uni<Void> applyInOrder(List<RecordedEvent> events) {
        Map<UUID, List<RecordedEvent>> byAccount = new LinkedHashMap<>();
        Set<String> invoiceIds = new HashSet<>();
        Set<String> holdKeys = new HashSet<>();
        for (RecordedEvent recorded : events) {
            byAccount.computeIfAbsent(recorded.accountId(), id -> new ArrayList<>()).add(recorded);
            invoiceIds.addAll(AccountProjection.invoicesNamedBy(recorded.data()));
            String holdId = AccountProjection.holdNamedBy(recorded.data());
            if (holdId != null) {
                holdKeys.add(HoldRow.key(recorded.accountId(), holdId));
            }
        }
        return RowsByKeys.list(AccountRow.class, "select * from account where account_id in (?1)",
                        byAccount.keySet())
                .chain(accounts -> listed(invoiceIds, ids -> RowsByKeys.list(InvoiceRow.class,
                                "select * from invoice where invoice_id in (?1)", ids))
                        .chain(invoices -> listed(holdKeys, keys -> RowsByKeys.list(HoldRow.class,
                                "select * from credit_hold where hold_key in (?1)", keys))
                                .map(holds -> new AccountsFold(storeZone, defaultStore, linesJson, accounts,
                                        invoices, holds))))
                .invoke(fold -> byAccount.forEach(fold::apply))
                .chain(EventApplier::write);
    }

    private static <T> Uni<List<T>> listed(Set<String> keys, Function<Set<String>, Uni<List<T>>> query) {
        return keys.isEmpty() ? Uni.createFrom().item(List.of()) : query.apply(keys);
    }

    /**
     * Inserts grouped by table, so that each table's rows go out in batches at the flush; the history rows in
     * multi-row statements.
     */
    private static Uni<Void> write(AccountsFold fold) {
        Uni<Void> released = fold.released.isEmpty() ? Uni.createFrom().voidItem() : released(fold.released);
        List<PanacheEntityBase> created = new ArrayList<>(fold.opened);
        created.addAll(fold.issued);
        created.addAll(fold.placed.values());
        return released.chain(() -> created.isEmpty() ? Uni.createFrom().voidItem()
                        : PanacheEntityBase.persist(created))
                .chain(() -> HistoryRows.insertEntries(fold.entries))
                .chain(() -> HistoryRows.insertApplications(fold.applications));
    }

    private static Uni<Void> released(Collection<String> holdKeys) {
        return RowsByKeys.execute(HoldRow.class, "delete from credit_hold where hold_key in (?1)",
                holdKeys).replaceWithVoid();
    }

    private Change project(AccountRow account, Map<String, InvoiceRow> invoices, HoldRow hold,
                           RecordedEvent recorded) {
        String currency = account.currency;
        Map<String, Invoice> known = new HashMap<>();
        invoices.forEach((id, row) -> known.put(id, row.toInvoice(currency)));
        Map<String, BigDecimal> holds = hold == null ? Map.of() : Map.of(hold.holdId, hold.amount);
        return new AccountProjection(storeZone, account.toBalance(), holds, known).apply(recorded);
    }

    private Uni<Void> write(AccountRow account, Map<String, InvoiceRow> invoices, RecordedEvent recorded,
                            Change change) {
        UUID accountId = account.accountId;
        account.update(change.balance());
        List<PanacheEntityBase> created = new ArrayList<>();
        for (Invoice invoice : change.invoices()) {
            InvoiceRow row = invoices.get(invoice.invoiceId());
            if (row != null) {
                row.update(invoice);
            } else if (recorded.data() instanceof SaleCharged charge) {
                created.add(InvoiceRow.issued(accountId, invoice, linesJson.write(charge.lines()),
                        charge.terms().name()));
            }
        }
        change.holdsPlaced().forEach((holdId, amount) -> created.add(HoldRow.of(accountId, holdId, amount)));
        change.entries().forEach(entry -> created.add(LedgerEntryRow.of(entry)));
        change.applications().forEach(application -> created.add(ApplicationRow.of(application)));
        Uni<Void> released = change.holdsReleased().isEmpty() ? Uni.createFrom().voidItem()
                : released(change.holdsReleased().stream().map(holdId -> HoldRow.key(accountId, holdId)).toList());
        return released.chain(() -> created.isEmpty() ? Uni.createFrom().voidItem()
                : PanacheEntityBase.persist(created));
    }

    private static Uni<AccountRow> accountOf(UUID accountId, AccountEvent event) {
        return AccountRow.<AccountRow>findById(accountId)
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "cannot apply " + event.type() + " to account " + accountId + ": it was never opened"));
    }

    private static Uni<Map<String, InvoiceRow>> invoicesNamed(UUID accountId, AccountEvent event) {
        Set<String> named = AccountProjection.invoicesNamedBy(event);
        if (named.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return InvoiceRow.named(accountId, named).map(rows -> rows.stream()
                .collect(Collectors.toMap(row -> row.invoiceId, Function.identity())));
    }

    private static Uni<HoldRow> holdNamed(UUID accountId, AccountEvent event) {
        String holdId = AccountProjection.holdNamedBy(event);
        return holdId == null ? Uni.createFrom().nullItem() : HoldRow.findById(HoldRow.key(accountId, holdId));
    }
}
