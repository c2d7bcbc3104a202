package dev.ardoise.notification.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.SaleRefunded;
import dev.ardoise.testing.Histories;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountLedgerTest {
    private final AccountLedger ledger = AccountLedger.empty();

    @Test
    void the_worked_example_limit_1000_a_sale_of_700_a_deposit_of_200() {
        ledger.apply(new CreditLimitSet(money("1000.00"), null));
        ledger.apply(sale("inv-1", "700.00", null));
        ledger.apply(new DepositAdded("D-1", money("200.00"), DepositPurpose.SPECIAL_ORDER, null));

        assertEquals(money("-700.00"), ledger.balance());
        assertEquals(money("200.00"), ledger.depositBalance());
        assertEquals(money("300.00"), ledger.available());
    }

    @Test
    void a_hold_lowers_available_until_the_charge_that_captures_it_releases_all_of_it() {
        ledger.apply(new CreditLimitSet(money("1000.00"), null));
        ledger.apply(new CreditHoldPlaced("H-1", money("500.00"), Instant.now(), "MAIN", "R1"));
        assertEquals(money("500.00"), ledger.available());

        ledger.apply(sale("inv-1", "450.00", "H-1"));

        assertEquals(money("550.00"), ledger.available());
        ledger.apply(new CreditHoldPlaced("H-2", money("100.00"), Instant.now(), "MAIN", "R1"));
        ledger.apply(new CreditHoldVoided("H-2", money("100.00"), "paid by card"));
        assertEquals(money("550.00"), ledger.available());
    }

    @Test
    void payments_deposits_applied_credits_refunds_and_write_offs_lower_what_an_invoice_owes() {
        ledger.apply(new CreditLimitSet(money("2000.00"), null));
        ledger.apply(sale("inv-1", "400.00", null));
        ledger.apply(sale("inv-2", "300.00", null));
        ledger.apply(sale("inv-3", "100.00", null));
        ledger.apply(new DepositAdded("D-1", money("50.00"), DepositPurpose.OTHER, null));

        ledger.apply(new PaymentReceived("P-1", money("150.00"), "CASH", null, List.of(alloc("inv-1", "150.00"))));
        ledger.apply(new DepositApplied("A-1", money("50.00"), List.of(alloc("inv-1", "50.00"))));
        ledger.apply(new BalanceAdjusted("B-1", AdjustmentDirection.CREDIT, money("20.00"), "GOODWILL", null,
                List.of(alloc("inv-2", "20.00"))));
        ledger.apply(new BalanceAdjusted("B-2", AdjustmentDirection.DEBIT, money("5.00"), "FEE", null,
                List.of(alloc("inv-2", "5.00"))));
        ledger.apply(new SaleRefunded("R-1", "inv-2", "MAIN-2", money("85.00"), money("85.00"), "RETURNED"));
        ledger.apply(new DebtWrittenOff("W-1", "inv-3", "MAIN-3", money("100.00"), "UNCOLLECTABLE", null));

        assertEquals(money("200.00"), ledger.invoice("inv-1").owed());
        assertEquals(money("200.00"), ledger.invoice("inv-2").owed());
        assertEquals(money("0.00"), ledger.invoice("inv-3").owed());
        assertTrue(ledger.invoice("inv-1").stillOwed());
        assertFalse(ledger.invoice("inv-3").stillOwed());
        assertEquals(money("-400.00"), ledger.balance());
        assertEquals(money("0.00"), ledger.depositBalance());
        assertEquals(money("1600.00"), ledger.available());
    }

    @Test
    void a_paid_invoice_is_no_longer_owed_and_a_credit_note_adds_to_the_deposit_balance() {
        ledger.apply(sale("inv-1", "100.00", null));
        ledger.apply(new PaymentReceived("P-1", money("120.00"), "CASH", null, List.of(alloc("inv-1", "100.00"))));
        ledger.apply(new CreditNoteIssued("P-1", money("20.00"), CreditNoteOrigin.OVERPAYMENT, "P-1", null));

        assertFalse(ledger.invoice("inv-1").stillOwed());
        assertEquals(money("20.00"), ledger.depositBalance());
        assertEquals(BigDecimal.ZERO, ledger.available(), "no limit was ever set");
    }

    @Test
    void available_never_goes_below_zero_when_the_limit_is_lowered_below_what_is_owed() {
        ledger.apply(new CreditLimitSet(money("1000.00"), null));
        ledger.apply(sale("inv-1", "700.00", null));
        ledger.apply(new CreditLimitSet(money("500.00"), money("1000.00")));

        assertEquals(BigDecimal.ZERO, ledger.available());
    }

    @Test
    void a_ledger_given_only_the_invoices_each_event_names_folds_a_long_history_as_the_whole_ledger_does() {
        UUID accountId = UUID.randomUUID();
        AccountLedger partial = AccountLedger.empty();
        Map<String, AccountLedger.OwedInvoice> stored = new HashMap<>();
        for (RecordedEvent recorded : Histories.history(accountId, 4, 2_000)) {
            AccountEvent event = recorded.data();
            ledger.apply(event);
            List<AccountLedger.OwedInvoice> named = AccountLedger.invoicesNamedBy(event).stream()
                    .map(stored::get).filter(Objects::nonNull).toList();
            partial = new AccountLedger(partial.creditLimit(), partial.depositBalance(), partial.holds(),
                    partial.owed(), named);
            partial.apply(event);
            partial.invoices().forEach(invoice -> stored.put(invoice.invoiceId(), invoice));

            assertEquals(0, ledger.balance().compareTo(partial.balance()), "balance after " + recorded.version());
            assertEquals(ledger.available(), partial.available(), "available after " + recorded.version());
        }
        assertEquals(ledger.invoices().size(), stored.size());
        ledger.invoices().forEach(invoice -> assertEquals(invoice, stored.get(invoice.invoiceId())));
        assertTrue(ledger.invoices().stream().anyMatch(invoice -> !invoice.stillOwed()), "some invoices were paid");
    }

    @Test
    void an_event_names_the_invoices_it_changes_and_a_deposit_used_at_the_till_names_its_sale() {
        assertEquals(Set.of("inv-1"), AccountLedger.invoicesNamedBy(sale("inv-1", "10.00", null)));
        assertEquals(Set.of("inv-1", "inv-2"), AccountLedger.invoicesNamedBy(new PaymentReceived("P-1",
                money("30.00"), "CASH", null, List.of(alloc("inv-1", "10.00"), alloc("inv-2", "20.00")))));
        assertEquals(Set.of(), AccountLedger.invoicesNamedBy(new DepositAdded("D-1", money("5.00"),
                DepositPurpose.OTHER, null)));
        DepositApplied atTheTill = new DepositApplied("sale-inv-1", money("5.00"), List.of(alloc("inv-1", "5.00")));
        assertEquals("sale-inv-1", AccountLedger.saleCompletedBy(at(4, new CommandVersions(3, 4), atTheTill)));
        assertEquals(null, AccountLedger.saleCompletedBy(at(4, CommandVersions.single(4), atTheTill)),
                "a deposit applied by a command of its own completes no sale");
        assertEquals(null, AccountLedger.saleCompletedBy(at(3, new CommandVersions(3, 3),
                sale("inv-1", "10.00", null))));
    }

    @Test
    void a_payment_naming_an_invoice_never_charged_here_changes_nothing() {
        ledger.apply(new CreditLimitSet(money("1000.00"), null));
        ledger.apply(sale("inv-1", "100.00", null));
        ledger.apply(new PaymentReceived("P-1", money("50.00"), "CASH", null, List.of(alloc("inv-9", "50.00"))));
        ledger.apply(new DebtWrittenOff("W-1", "inv-9", "MAIN-9", money("50.00"), "UNCOLLECTABLE", null));

        assertEquals(money("-100.00"), ledger.balance());
        assertEquals(money("900.00"), ledger.available());
    }

    private static SaleCharged sale(String invoiceId, String amount, String holdId) {
        return new SaleCharged("sale-" + invoiceId, invoiceId, "MAIN-" + invoiceId, money(amount), List.of(),
                PaymentTerms.NET_30, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), "MAIN", "R1", holdId,
                null);
    }

    private static Allocation alloc(String invoiceId, String amount) {
        return new Allocation(invoiceId, "MAIN-" + invoiceId, money(amount));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static RecordedEvent at(long version, CommandVersions command, AccountEvent event) {
        return new RecordedEvent(UUID.randomUUID(), UUID.randomUUID(), version, Instant.parse("2026-11-29T15:00:00Z"),
                EventMetadata.UNRECORDED.withCommand(command), event);
    }
}
