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
 * is held and what is available after every event of hundreds of generated histories, in currencies with 2, 0
 * and 3 decimals. A difference names the history's seed, the event and every fold's figures.
 */
class MoneyFoldsAgreeTest {
    private static final int HISTORIES = 600;
    private static final List<String> CURRENCIES = List.of("CAD", "JPY", "KWD", "EUR");

    @Test
    void everyFoldFindsTheSameMoneyAfterEveryEvent() {
        for (int seed = 0; seed < HISTORIES; seed++) {
            String currency = CURRENCIES.get(seed % CURRENCIES.size());
            List<RecordedEvent> history = RicherHistories.history(seed, 40 + seed % 160, currency);
            agreeAfterEveryEvent(seed, currency, history);
        }
    }

    @Test
    void theHistoriesMoveMoneyInEveryWayTheCatalogueKnows() {
        Set<String> seen = new HashSet<>();
        for (int seed = 0; seed < HISTORIES; seed++) {
            RicherHistories.history(seed, 40 + seed % 160, CURRENCIES.get(seed % CURRENCIES.size()))
                    .forEach(event -> seen.add(kind(event)));
        }
        Set<String> moving = Set.of("SaleCharged", "SaleCharged capturing a hold", "DepositAdded", "DepositApplied",
                "DepositReturned", "PaymentReceived", "CreditNoteIssued OVERPAYMENT", "CreditNoteIssued REFUND",
                "SaleRefunded", "BalanceAdjusted CREDIT", "BalanceAdjusted DEBIT", "DebtWrittenOff",
                "CreditHoldPlaced", "CreditHoldVoided", "CreditHoldExpired", "CreditLimitSet",
                "ChargeOverrideGranted");
        assertEquals(Set.of(), moving.stream().filter(kind -> !seen.contains(kind)).collect(Collectors.toSet()),
                "event kinds no generated history holds");
    }

    private static void agreeAfterEveryEvent(int seed, String currency, List<RecordedEvent> history) {
        List<MoneyFold> folds = List.of(new AccountServiceFold(), new InvoiceProjectionFold(),
                new InvoiceReconciliationFold(), new NotificationLedgerFold());
        for (RecordedEvent event : history) {
            List<Figures> figures = new ArrayList<>();
            for (MoneyFold fold : folds) {
                fold.apply(event);
                figures.add(fold.figures());
            }
            if (!figures.stream().allMatch(figures.get(0)::sameMoneyAs)) {
                fail(difference(seed, currency, event, folds, figures));
            }
        }
    }

    private static String difference(int seed, String currency, RecordedEvent event, List<MoneyFold> folds,
                                      List<Figures> figures) {
        StringBuilder message = new StringBuilder("history seed " + seed + " (" + currency + "), after event v"
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
