package dev.ardoise.notification.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.reader.RowsByKeys;
import dev.ardoise.notification.domain.AccountLedger;
import dev.ardoise.notification.domain.ChargedInvoice;
import dev.ardoise.notification.domain.ChargedInvoices;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@link AccountLedger}s and {@link ChargedInvoices} of a batch's accounts, in the caller's transaction: loaded in
 * two queries with only the invoices the batch's events name ({@link AccountLedger#invoicesNamedBy}) and the invoice
 * of a sale a deposit at the till completes (found by its sale within its account), folded in memory event after
 * event by the domain's rules, and stored: one row per account and one per invoice touched.
 */
@ApplicationScoped
public class Ledgers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, BigDecimal>> HOLDS = new TypeReference<>() {
    };

    public Uni<Open> open(List<RecordedEvent> events) {
        Set<UUID> accounts = new LinkedHashSet<>();
        Set<String> invoiceIds = new LinkedHashSet<>();
        Set<UUID> selling = new LinkedHashSet<>();
        Set<String> saleIds = new LinkedHashSet<>();
        for (RecordedEvent event : events) {
            accounts.add(event.accountId());
            invoiceIds.addAll(AccountLedger.invoicesNamedBy(event.data()));
            String sale = AccountLedger.saleCompletedBy(event);
            if (sale != null) {
                selling.add(event.accountId());
                saleIds.add(sale);
            }
        }
        return RowsByKeys.list(LedgerAccount.class, "select * from ledger_accounts where account_id in (?1)",
                        accounts)
                .chain(rows -> invoices(invoiceIds, selling, saleIds).map(invoices -> new Open(rows, invoices)));
    }

    /** The invoices named, and those of the sales completed, looked up within the accounts completing them. */
    private static Uni<List<LedgerInvoice>> invoices(Set<String> invoiceIds, Set<UUID> selling, Set<String> saleIds) {
        if (saleIds.isEmpty()) {
            return invoiceIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : RowsByKeys.list(LedgerInvoice.class, "select * from ledger_invoices where invoice_id in (?1)",
                    invoiceIds);
        }
        return invoiceIds.isEmpty() ? RowsByKeys.list(LedgerInvoice.class, "select * from ledger_invoices "
                + "where account_id in (?1) and sale_id in (?2)", selling, saleIds)
                : RowsByKeys.list(LedgerInvoice.class, "select * from ledger_invoices where invoice_id in (?1) "
                + "or (account_id in (?2) and sale_id in (?3))", invoiceIds, selling, saleIds);
    }

    /** The batch's ledgers, as loaded and then as the events applied so far left them. */
    public static final class Open {
        private final Map<UUID, LedgerAccount> accountRows = new HashMap<>();
        private final Map<UUID, Map<String, LedgerInvoice>> invoiceRows = new HashMap<>();
        private final Map<UUID, AccountLedger> ledgers = new HashMap<>();
        private final Map<UUID, ChargedInvoices> invoices = new HashMap<>();
        private final List<LedgerInvoice> newInvoices = new ArrayList<>();

        private Open(List<LedgerAccount> accounts, List<LedgerInvoice> invoices) {
            accounts.forEach(row -> accountRows.put(row.accountId, row));
            invoices.forEach(row -> rowsOf(row.accountId).put(row.invoiceId, row));
        }

        private Map<String, LedgerInvoice> rowsOf(UUID accountId) {
            return invoiceRows.computeIfAbsent(accountId, id -> new HashMap<>());
        }

        /** Folds the event into its account's ledger and the rows it changes; returns the ledger just after it. */
        public AccountLedger apply(RecordedEvent recorded) {
            UUID accountId = recorded.accountId();
            AccountEvent event = recorded.data();
            AccountLedger ledger = ledgers.computeIfAbsent(accountId, this::loaded);
            ledger.apply(event);
            for (ChargedInvoice changed : invoices.get(accountId).apply(recorded, ledger)) {
                LedgerInvoice row = rowsOf(accountId).get(changed.invoiceId());
                if (row == null) {
                    row = LedgerInvoice.of(accountId, changed, (SaleCharged) event);
                    rowsOf(accountId).put(row.invoiceId, row);
                    newInvoices.add(row);
                } else {
                    row.keep(changed);
                }
            }
            return ledger;
        }

        private AccountLedger loaded(UUID accountId) {
            ChargedInvoices charged = new ChargedInvoices(rowsOf(accountId).values().stream()
                    .map(LedgerInvoice::toCharged).toList());
            invoices.put(accountId, charged);
            LedgerAccount row = accountRows.get(accountId);
            return row == null ? new AccountLedger(null, BigDecimal.ZERO, Map.of(), BigDecimal.ZERO, charged.owed())
                    : new AccountLedger(row.creditLimit, row.depositBalance, holds(row.holds), row.owed,
                    charged.owed());
        }

        /** Writes every ledger the events changed: changed rows at the session's flush, new ones persisted now. */
        public Uni<Void> save() {
            List<Object> created = new ArrayList<>();
            ledgers.forEach((accountId, ledger) -> {
                LedgerAccount row = accountRows.get(accountId);
                if (row == null) {
                    row = new LedgerAccount();
                    row.accountId = accountId;
                    created.add(row);
                }
                row.creditLimit = ledger.creditLimit();
                row.depositBalance = ledger.depositBalance();
                row.owed = ledger.owed();
                String holds = json(ledger.holds());
                if (!holds.equals(row.holds)) {
                    row.holds = holds;
                }
            });
            created.addAll(newInvoices);
            return created.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(created);
        }
    }

    private static Map<String, BigDecimal> holds(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, HOLDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable holds of a ledger", e);
        }
    }

    private static String json(Map<String, BigDecimal> holds) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(holds));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write holds", e);
        }
    }
}
