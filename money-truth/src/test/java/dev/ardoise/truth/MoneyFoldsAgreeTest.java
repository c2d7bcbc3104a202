package dev.ardoise.truth;

import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.domain.ChargedInvoice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One truth about money: the four folds of the catalogue's rules (account-service's account, invoice-service's
 * projection and reconciliation, notification-service's ledger) agree on what is owed, the deposit balance, what
 * is held and what is available after every event of hundreds of histories, in currencies with 2, 0 and 3
 * decimals: {@link RicherHistories} (the shared generator's) and {@link DecidedHistories} (what account-service's
 * own decisions record from random commands). A difference names the history and its seed, the event and every
 * fold's figures.
 */
class MoneyFoldsAgreeTest {
    private static final int HISTORIES = 600;
    private static final int DECIDED = 400;
    private static final Set<String> MOVING_MONEY = Set.of("SaleCharged", "SaleCharged capturing a hold",
            "DepositAdded", "DepositApplied", "DepositReturned", "PaymentReceived", "CreditNoteIssued OVERPAYMENT",
            "CreditNoteIssued REFUND", "SaleRefunded", "BalanceAdjusted CREDIT", "BalanceAdjusted DEBIT",
            "DebtWrittenOff", "CreditHoldPlaced", "CreditHoldVoided", "CreditHoldExpired", "CreditLimitSet",
            "ChargeOverrideGranted");
    private static final List<String> CURRENCIES = List.of("CAD", "JPY", "KWD", "EUR");

    @Test
    void everyFoldFindsTheSameMoneyAfterEveryEvent() {
        for (int seed = 0; seed < HISTORIES; seed++) {
            String currency = CURRENCIES.get(seed % CURRENCIES.size());
            List<RecordedEvent> history = RicherHistories.history(seed, 40 + seed % 160, currency);
            agreeAfterEveryEvent("RicherHistories seed " + seed, currency, history);
        }
    }

    @Test
    void everyFoldFindsTheSameMoneyAfterEveryEventAccountServiceDecided() {
        for (int seed = 0; seed < DECIDED; seed++) {
            String currency = CURRENCIES.get(seed % CURRENCIES.size());
            agreeAfterEveryEvent("DecidedHistories seed " + seed, currency,
                    DecidedHistories.history(seed, currency, 60 + seed % 140));
        }
    }

    /**
     * What an invoice email shows, as notification-service keeps it through {@code ChargedInvoices}: after every
     * event each invoice owes what account-service's account says it owes; once a sale's command is whole, its
     * "after this sale" (balance, deposit balance, available credit) is the account's at that point, a deposit used
     * at the till included.
     */
    @Test
    void theInvoiceEmailsFiguresAreAccountServicesAfterEverySalesCommand() {
        int paidFromTheDepositAtTheTill = 0;
        for (int seed = 0; seed < DECIDED; seed++) {
            String currency = CURRENCIES.get(seed % CURRENCIES.size());
            String history = "DecidedHistories seed " + seed + " (" + currency + ")";
            AccountServiceFold accountService = new AccountServiceFold();
            NotificationLedgerFold notifications = new NotificationLedgerFold();
            for (RecordedEvent event : DecidedHistories.history(seed, currency, 60 + seed % 140)) {
                accountService.apply(event);
                notifications.apply(event);
                CreditAccount account = accountService.account();
                for (ChargedInvoice invoice : notifications.invoices()) {
                    assertSameMoney(account.invoices().find(invoice.invoiceId()).orElseThrow().owed(),
                            invoice.owed(), history, event, invoice.invoiceId() + " owed");
                    if (event.command().endsAt(event.version()) && soldBy(event, invoice)) {
                        assertSameMoney(account.balance(), invoice.after().balance(), history, event,
                                invoice.invoiceId() + " balance after the sale");
                        assertSameMoney(account.depositBalance(), invoice.after().deposits(), history, event,
                                invoice.invoiceId() + " deposit balance after the sale");
                        assertSameMoney(account.available(), invoice.after().available(), history, event,
                                invoice.invoiceId() + " available after the sale");
                        if (event.data() instanceof DepositApplied) {
                            paidFromTheDepositAtTheTill++;
                        }
                    }
                }
            }
        }
        assertTrue(paidFromTheDepositAtTheTill > 50, "sales paid from the deposit at the till checked: "
                + paidFromTheDepositAtTheTill);
    }

    private static boolean soldBy(RecordedEvent event, ChargedInvoice invoice) {
        return invoice.saleVersion() != null && event.command().contains(invoice.saleVersion());
    }

    private static void assertSameMoney(BigDecimal expected, BigDecimal actual, String history, RecordedEvent event,
                                        String what) {
        assertTrue(actual != null && expected.compareTo(actual) == 0, () -> history + ", after event v"
                + event.version() + " " + event.data() + ": " + what + " is " + actual + ", account-service says "
                + expected);
    }

    @Test
    void theDecidedHistoriesMoveMoneyInEveryWayTheCatalogueKnows() {
        Set<String> seen = new HashSet<>();
        for (int seed = 0; seed < DECIDED; seed++) {
            String currency = CURRENCIES.get(seed % CURRENCIES.size());
            DecidedHistories.history(seed, currency, 60 + seed % 140).forEach(event -> seen.add(kind(event)));
        }
        assertEquals(Set.of(), missing(seen), "event kinds no decided history holds");
    }

    @Test
    void theHistoriesMoveMoneyInEveryWayTheCatalogueKnows() {
        Set<String> seen = new HashSet<>();
        for (int seed = 0; seed < HISTORIES; seed++) {
            RicherHistories.history(seed, 40 + seed % 160, CURRENCIES.get(seed % CURRENCIES.size()))
                    .forEach(event -> seen.add(kind(event)));
        }
        assertEquals(Set.of(), missing(seen), "event kinds no generated history holds");
    }

    private static Set<String> missing(Set<String> seen) {
        return MOVING_MONEY.stream().filter(kind -> !seen.contains(kind)).collect(Collectors.toSet());
    }

    private static void agreeAfterEveryEvent(String history, String currency, List<RecordedEvent> events) {
        List<MoneyFold> folds = List.of(new AccountServiceFold(), new InvoiceProjectionFold(),
                new InvoiceReconciliationFold(), new NotificationLedgerFold());
        for (RecordedEvent event : events) {
            List<Figures> figures = new ArrayList<>();
            for (MoneyFold fold : folds) {
                fold.apply(event);
                figures.add(fold.figures());
            }
            if (!figures.stream().allMatch(figures.get(0)::sameMoneyAs)) {
                fail(difference(history, currency, event, folds, figures));
            }
        }
    }

    private static String difference(String history, String currency, RecordedEvent event, List<MoneyFold> folds,
                                      List<Figures> figures) {
        StringBuilder message = new StringBuilder(history + " (" + currency + "), after event v"
                + event.version() + " " + event.data() + ", the folds disagree:");
        for (int i = 0; i < folds.size(); i++) {
            message.append("\n  ").append(folds.get(i).name()).append(": ").append(figures.get(i));
        }
        return message.toString();
    }

    private static String kind(RecordedEvent event) {
        String type = event.data().getClass().getSimpleName();
        if (event.data() instanceof SaleCharged sale && sale.holdId() != null) {
            return "SaleCharged capturing a hold";
        }
        if (event.data() instanceof CreditNoteIssued note) {
            return type + " " + note.origin();
        }
        if (event.data() instanceof BalanceAdjusted adjusted) {
            return type + " " + adjusted.direction();
        }
        return type;
    }
}
