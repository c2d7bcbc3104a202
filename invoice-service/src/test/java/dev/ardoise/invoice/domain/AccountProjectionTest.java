package dev.ardoise.invoice.domain;

import dev.ardoise.events.AccountSuspended;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.CustomerDetailsChanged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.ardoise.invoice.domain.History.adjustment;
import static dev.ardoise.invoice.domain.History.applied;
import static dev.ardoise.invoice.domain.History.creditNote;
import static dev.ardoise.invoice.domain.History.deposit;
import static dev.ardoise.invoice.domain.History.hold;
import static dev.ardoise.invoice.domain.History.limit;
import static dev.ardoise.invoice.domain.History.opened;
import static dev.ardoise.invoice.domain.History.openedIn;
import static dev.ardoise.invoice.domain.History.payment;
import static dev.ardoise.invoice.domain.History.refund;
import static dev.ardoise.invoice.domain.History.returned;
import static dev.ardoise.invoice.domain.History.sale;
import static dev.ardoise.invoice.domain.History.saleCapturing;
import static dev.ardoise.invoice.domain.History.to;
import static dev.ardoise.invoice.domain.History.voided;
import static dev.ardoise.invoice.domain.History.writeOff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountProjectionTest {
    private static final LocalDate DAY = LocalDate.of(2026, 9, 1);

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void the_merchants_worked_example() {
        History history = new History().add(DAY, opened("CAD")).add(DAY, limit("1000.00"))
                .add(DAY, sale("I-1", "700.00", DAY, 30)).add(DAY, deposit("D-1", "200.00"));

        AccountBalance account = History.project(history.events, new ArrayList<>()).balance();

        assertEquals(money("-700.00"), account.balance());
        assertEquals(money("200.00"), account.depositBalance());
        assertEquals(money("300.00"), account.available());
    }

    @Test
    void an_account_belongs_to_the_store_its_opening_names() {
        History history = new History().add(DAY, openedIn("OTHER")).add(DAY, limit("1000.00"))
                .add(DAY, sale("I-1", "700.00", DAY, 30));

        assertEquals("OTHER", History.project(history.events, new ArrayList<>()).balance().storeId());
    }

    @Test
    void an_account_opened_before_openings_named_a_store_belongs_to_the_default_store() {
        History history = new History().add(DAY, opened("CAD"));

        assertEquals(History.DEFAULT_STORE, History.project(history.events, new ArrayList<>()).balance().storeId());
    }

    @Test
    void a_new_account_owes_nothing_and_has_nothing_available() {
        AccountBalance account = History.project(new History().add(DAY, opened("CAD")).events, new ArrayList<>())
                .balance();

        assertNull(account.creditLimit());
        assertEquals(money("0.00"), account.balance());
        assertEquals(money("0.00"), account.available());
        assertEquals(AccountStatus.OPEN, account.accountStatus());
    }

    @Test
    void payments_deposits_credits_refunds_and_write_offs_change_invoices_and_the_account_per_the_catalogue() {
        History history = new History().add(DAY, opened("CAD")).add(DAY, limit("2000.00"))
                .add(DAY, sale("I-1", "400.00", DAY, 30))
                .add(DAY, sale("I-2", "300.00", DAY, 30))
                .add(DAY, sale("I-3", "100.00", DAY, 30))
                .add(DAY.plusDays(3), payment("P-1", "450.00", to("I-1", "400.00")))
                .add(DAY.plusDays(3), creditNote("P-1", "50.00", CreditNoteOrigin.OVERPAYMENT, null))
                .add(DAY.plusDays(4), applied("A-1", "50.00", to("I-2", "50.00")))
                .add(DAY.plusDays(5), refund("R-1", "I-1", "100.00", "0.00"))
                .add(DAY.plusDays(5), creditNote("R-1", "100.00", CreditNoteOrigin.REFUND, "I-1"))
                .add(DAY.plusDays(6), adjustment("ADJ-1", AdjustmentDirection.CREDIT, "20.00", to("I-2", "20.00")))
                .add(DAY.plusDays(6), adjustment("ADJ-2", AdjustmentDirection.DEBIT, "5.00", to("I-2", "5.00")))
                .add(DAY.plusDays(7), writeOff("W-1", "I-3", "100.00"))
                .add(DAY.plusDays(8), returned("DR-1", "30.00"));
        List<Change> changes = new ArrayList<>();

        AccountProjection projection = History.project(history.events, changes);

        AccountBalance account = projection.balance();
        assertEquals(money("235.00"), account.owed(), "300 - 50 - 20 + 5");
        assertEquals(money("70.00"), account.depositBalance(), "50 - 50 + 100 - 30");
        Invoice first = projection.invoices().get("I-1");
        assertEquals(InvoiceStatus.PAID, first.statusOn(DAY));
        assertEquals(money("100.00"), first.refunded());
        Invoice second = projection.invoices().get("I-2");
        assertEquals(money("235.00"), second.owed());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, second.statusOn(DAY.plusDays(30)));
        assertEquals(InvoiceStatus.OVERDUE, second.statusOn(DAY.plusDays(31)));
        assertEquals(InvoiceStatus.WRITTEN_OFF, projection.invoices().get("I-3").statusOn(DAY.plusDays(90)));
        BigDecimal net = changes.stream().flatMap(change -> change.entries().stream()).map(LedgerEntry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(account.depositBalance().subtract(account.owed()), net,
                "the ledger sums to the net position: deposit balance - owed");
    }

    @Test
    void holds_lower_available_until_captured_voided_or_expired() {
        History history = new History().add(DAY, opened("CAD")).add(DAY, limit("1000.00"))
                .add(DAY, hold("H-1", "500.00")).add(DAY, hold("H-2", "100.00"));
        AccountProjection projection = History.project(history.events, new ArrayList<>());
        assertEquals(money("600.00"), projection.balance().held());
        assertEquals(money("400.00"), projection.balance().available());

        History more = history.add(DAY, saleCapturing("I-1", "450.00", DAY, "H-1")).add(DAY, voided("H-2", "100.00"));
        AccountBalance account = History.project(more.events, new ArrayList<>()).balance();

        assertEquals(money("0.00"), account.held(), "the whole hold is released, whatever the charge");
        assertEquals(money("550.00"), account.available());
    }

    @Test
    void amounts_take_the_currency_scale() {
        History history = new History().add(DAY, opened("JPY")).add(DAY, limit("100000"))
                .add(DAY, sale("I-1", "1200", DAY, 30));

        AccountBalance account = History.project(history.events, new ArrayList<>()).balance();

        assertEquals("-1200", account.balance().toPlainString());
        assertEquals("98800", account.available().toPlainString());
    }

    @Test
    void fractions_of_the_currencys_unit_are_refused_rather_than_rounded() {
        History history = new History().add(DAY, opened("CAD")).add(DAY, sale("I-1", "1.005", DAY, 30));

        assertThrows(ArithmeticException.class, () -> History.project(history.events, new ArrayList<>()));
    }

    @Test
    void names_and_status_follow_their_events() {
        History history = new History().add(DAY, opened("CAD"))
                .add(DAY, new CustomerDetailsChanged("Marie T.", null, "en"))
                .add(DAY, new AccountSuspended("late"));

        AccountBalance account = History.project(history.events, new ArrayList<>()).balance();

        assertEquals("Marie T.", account.customerName());
        assertEquals(AccountStatus.SUSPENDED, account.accountStatus());
    }

    @Test
    void an_allocation_to_an_unknown_invoice_is_refused() {
        History history = new History().add(DAY, opened("CAD")).add(DAY, payment("P-1", "10.00", to("NOPE", "10.00")));

        assertThrows(IllegalStateException.class, () -> History.project(history.events, new ArrayList<>()));
    }

    @Test
    void the_reconciliation_fold_agrees_with_the_projection() {
        History history = new History().add(DAY, opened("CAD")).add(DAY, limit("900.00"))
                .add(DAY, hold("H-1", "50.00"))
                .add(DAY, sale("I-1", "400.00", DAY, 30))
                .add(DAY, payment("P-1", "120.00", to("I-1", "100.00")))
                .add(DAY, creditNote("P-1", "20.00", CreditNoteOrigin.OVERPAYMENT, null))
                .add(DAY, refund("R-1", "I-1", "50.00", "50.00"))
                .add(DAY, writeOff("W-1", "I-1", "250.00"));

        AccountBalance account = History.project(history.events, new ArrayList<>()).balance();
        BalanceFold.Figures figures = History.fold(history.events);

        assertEquals(account.owed(), figures.owed());
        assertEquals(account.depositBalance(), figures.depositBalance());
        assertEquals(account.held(), figures.held());
        assertEquals(account.available(), figures.available());
        assertEquals(money("850.00"), figures.available());
        assertTrue(figures.owed().signum() == 0);
    }
}
