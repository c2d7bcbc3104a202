package dev.ardoise.notification.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChargedInvoicesTest {
    private final AccountLedger ledger = AccountLedger.empty();
    private static final UUID ACCOUNT = UUID.randomUUID();
    private final ChargedInvoices invoices = new ChargedInvoices(List.of());
    private long version;

    @Test
    void a_sale_makes_its_invoice_with_the_account_just_after_it() {
        given(new CreditLimitSet(money("1000.00"), null));

        ChargedInvoice invoice = only(when(sale("inv-1", "400.00")));

        assertEquals("inv-1", invoice.invoiceId());
        assertEquals("sale-inv-1", invoice.saleId());
        assertEquals(money("400.00"), invoice.owed());
        assertAfter(invoice, "-400.00", "600.00");
    }

    @Test
    void the_deposit_used_at_the_till_is_in_its_sales_figures_after() {
        given(new CreditLimitSet(money("1000.00"), null), new DepositAdded("D-1", money("200.00"),
                DepositPurpose.SPECIAL_ORDER, null));
        SaleCharged sale = sale("inv-1", "400.00");
        CommandVersions ofTheSale = new CommandVersions(version + 1, version + 2);
        when(sale, ofTheSale);

        ChargedInvoice invoice = only(when(new DepositApplied(sale.saleId(), money("150.00"),
                List.of(new Allocation("inv-1", "MAIN-inv-1", money("150.00")))), ofTheSale));

        assertEquals(money("250.00"), invoice.owed());
        assertAfter(invoice, "-250.00", "750.00");
        assertDepositsAfter(invoice, "50.00");
    }

    /** A deposit application that happens to carry the sale's id, in a later command, is not the one at the till. */
    @Test
    void a_deposit_naming_the_sale_in_another_command_leaves_its_figures_after_the_sale() {
        given(new CreditLimitSet(money("1000.00"), null), new DepositAdded("D-1", money("200.00"),
                DepositPurpose.SPECIAL_ORDER, null));
        SaleCharged sale = sale("inv-1", "400.00");
        when(sale);
        given(new DepositAdded("D-2", money("100.00"), DepositPurpose.LAYAWAY, null));
        CommandVersions later = new CommandVersions(version + 1, version + 2);
        when(new DepositAdded("D-3", money("50.00"), DepositPurpose.LAYAWAY, null), later);

        ChargedInvoice invoice = only(when(new DepositApplied(sale.saleId(), money("150.00"),
                List.of(new Allocation("inv-1", "MAIN-inv-1", money("150.00")))), later));

        assertEquals(money("250.00"), invoice.owed());
        assertAfter(invoice, "-400.00", "600.00");
        assertDepositsAfter(invoice, "200.00");
    }

    @Test
    void a_sale_without_the_deposit_keeps_the_deposit_balance_it_found() {
        given(new CreditLimitSet(money("1000.00"), null), new DepositAdded("D-1", money("200.00"),
                DepositPurpose.SPECIAL_ORDER, null));

        ChargedInvoice invoice = only(when(sale("inv-1", "400.00")));

        assertAfter(invoice, "-400.00", "600.00");
        assertDepositsAfter(invoice, "200.00");
    }

    @Test
    void the_deposit_applied_to_it_later_lowers_what_it_owes_and_leaves_its_deposits_after_the_sale() {
        given(new CreditLimitSet(money("1000.00"), null), new DepositAdded("D-1", money("200.00"),
                DepositPurpose.SPECIAL_ORDER, null), sale("inv-1", "400.00"));

        ChargedInvoice invoice = only(when(new DepositApplied("A-1", money("200.00"),
                List.of(new Allocation("inv-1", "MAIN-inv-1", money("200.00"))))));

        assertEquals(money("200.00"), invoice.owed());
        assertAfter(invoice, "-400.00", "600.00");
        assertDepositsAfter(invoice, "200.00");
    }

    @Test
    void a_later_payment_lowers_what_it_owes_and_leaves_its_figures_after_the_sale() {
        given(new CreditLimitSet(money("1000.00"), null), sale("inv-1", "400.00"));

        ChargedInvoice invoice = only(when(new PaymentReceived("P-1", money("400.00"), "CASH", null,
                List.of(new Allocation("inv-1", "MAIN-inv-1", money("400.00"))))));

        assertEquals(money("0.00"), invoice.owed());
        assertFalse(invoice.stillOwed());
        assertAfter(invoice, "-400.00", "600.00");
    }

    @Test
    void a_write_off_ends_collecting_it() {
        given(sale("inv-1", "400.00"));

        ChargedInvoice invoice = only(when(new DebtWrittenOff("W-1", "inv-1", "MAIN-inv-1", money("400.00"),
                "UNCOLLECTABLE", null)));

        assertTrue(invoice.writtenOff());
        assertFalse(invoice.stillOwed());
    }

    @Test
    void an_invoice_not_loaded_was_never_charged_here_and_nothing_changes() {
        given(sale("inv-1", "100.00"));

        Collection<ChargedInvoice> changed = when(new PaymentReceived("P-1", money("50.00"), "CASH", null,
                List.of(new Allocation("inv-9", "MAIN-inv-9", money("50.00")))));

        assertTrue(changed.isEmpty());
    }

    @Test
    void an_invoice_loaded_for_a_later_batch_is_found_by_its_sale() {
        given(new CreditLimitSet(money("1000.00"), null), new DepositAdded("D-1", money("100.00"),
                DepositPurpose.LAYAWAY, null));
        SaleCharged sale = sale("inv-1", "300.00");
        CommandVersions ofTheSale = new CommandVersions(version + 1, version + 2);
        ChargedInvoice stored = only(when(sale, ofTheSale));
        AccountLedger reloaded = new AccountLedger(ledger.creditLimit(), ledger.depositBalance(), ledger.holds(),
                ledger.owed(), List.of(stored.toOwed()));
        ChargedInvoices later = new ChargedInvoices(List.of(stored));
        DepositApplied atTheTill = new DepositApplied(sale.saleId(), money("100.00"),
                List.of(new Allocation("inv-1", "MAIN-inv-1", money("100.00"))));
        reloaded.apply(atTheTill);

        ChargedInvoice invoice = only(later.apply(recorded(atTheTill, ofTheSale), reloaded));

        assertAfter(invoice, "-200.00", "800.00");
        assertDepositsAfter(invoice, "0.00");
    }

    /** The balance and available credit just after the invoice's sale, as its email shows them. */
    private static void assertAfter(ChargedInvoice invoice, String balance, String available) {
        assertEquals(money(balance), invoice.after().balance(), "balance after the sale");
        assertEquals(money(available), invoice.after().available(), "available credit after the sale");
    }

    /** The deposit balance after the sale's whole command, as its email shows it. */
    private static void assertDepositsAfter(ChargedInvoice invoice, String deposits) {
        assertEquals(money(deposits), invoice.after().deposits(), "deposit balance after the sale");
    }

    private void given(AccountEvent... events) {
        for (AccountEvent event : events) {
            when(event);
        }
    }

    /** A command of its own, at the account's next version. */
    private Collection<ChargedInvoice> when(AccountEvent event) {
        return when(event, CommandVersions.single(version + 1));
    }

    private Collection<ChargedInvoice> when(AccountEvent event, CommandVersions command) {
        ledger.apply(event);
        return invoices.apply(recorded(event, command), ledger);
    }

    /** The event at the account's next version, appended by {@code command}. */
    private RecordedEvent recorded(AccountEvent event, CommandVersions command) {
        version++;
        return new RecordedEvent(UUID.randomUUID(), ACCOUNT, version, Instant.parse("2026-11-29T15:00:00Z"),
                EventMetadata.UNRECORDED.withCommand(command), event);
    }

    private static ChargedInvoice only(Collection<ChargedInvoice> changed) {
        assertEquals(1, changed.size(), changed.toString());
        return changed.iterator().next();
    }

    private static SaleCharged sale(String invoiceId, String amount) {
        return new SaleCharged("sale-" + invoiceId, invoiceId, "MAIN-" + invoiceId, money(amount), List.of(),
                PaymentTerms.NET_30, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 29), "MAIN", "R1");
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
