package dev.ardoise.truth;

import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
