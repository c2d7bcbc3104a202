package dev.ardoise.notification.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.domain.AccountFigures;
import dev.ardoise.notification.domain.AccountLedger;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Loads an account's {@link AccountLedger}, applies one event to it and stores it, in the caller's transaction. */
@ApplicationScoped
public class Ledgers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, BigDecimal>> HOLDS = new TypeReference<>() {
    };

    public Uni<AccountLedger> apply(UUID accountId, AccountEvent event) {
        return LedgerAccount.<LedgerAccount>findById(accountId).chain(account ->
                LedgerInvoice.<LedgerInvoice>list("accountId", accountId).chain(rows -> {
                    AccountLedger ledger = account == null ? AccountLedger.empty() : new AccountLedger(
                            account.creditLimit, account.depositBalance, holds(account.holds),
                            rows.stream().map(LedgerInvoice::toOwed).toList());
                    ledger.apply(event);
                    return save(accountId, account, rows, ledger, event).replaceWith(ledger);
                }));
    }

    private static Uni<Void> save(UUID accountId, LedgerAccount found, List<LedgerInvoice> rows,
                                  AccountLedger ledger, AccountEvent event) {
        LedgerAccount account = found == null ? new LedgerAccount() : found;
        account.accountId = accountId;
        account.creditLimit = ledger.creditLimit();
        account.depositBalance = ledger.depositBalance();
        account.holds = json(ledger.holds());
        Map<String, LedgerInvoice> byId = rows.stream()
                .collect(Collectors.toMap(row -> row.invoiceId, Function.identity()));
        for (AccountLedger.OwedInvoice invoice : ledger.invoices()) {
            LedgerInvoice row = byId.get(invoice.invoiceId());
            if (row != null) {
                row.owed = invoice.owed();
                row.writtenOff = invoice.writtenOff();
            }
        }
        if (event instanceof DepositApplied applied) {
            rows.stream().filter(row -> isPaidAtTheTill(row, applied))
                    .forEach(row -> row.refreshFiguresAfter(AccountFigures.of(ledger)));
        }
        Uni<Void> saved = found == null ? account.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        if (event instanceof SaleCharged sale && !byId.containsKey(sale.invoiceId())) {
            return saved.chain(() -> newInvoice(accountId, sale, ledger).persist().replaceWithVoid());
        }
        return saved;
    }

    /** Part of the sale paid from the deposit at the till: the invoice email's "after this sale" includes it. */
    private static boolean isPaidAtTheTill(LedgerInvoice row, DepositApplied applied) {
        SaleCharged sale = (SaleCharged) AccountEventJson.readData("SaleCharged", row.sale);
        return sale.saleId().equals(applied.applicationId());
    }

    private static LedgerInvoice newInvoice(UUID accountId, SaleCharged sale, AccountLedger ledger) {
        AccountFigures after = AccountFigures.of(ledger);
        LedgerInvoice row = new LedgerInvoice();
        row.invoiceId = sale.invoiceId();
        row.accountId = accountId;
        row.invoiceNumber = sale.invoiceNumber();
        row.total = sale.amount();
        row.owed = ledger.invoice(sale.invoiceId()).owed();
        row.issuedOn = sale.issuedOn();
        row.dueDate = sale.dueDate();
        row.writtenOff = false;
        row.balanceAfter = after.balance();
        row.availableAfter = after.available();
        row.sale = AccountEventJson.writeData(sale);
        return row;
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
            return JSON.writeValueAsString(holds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write holds", e);
        }
    }
}
