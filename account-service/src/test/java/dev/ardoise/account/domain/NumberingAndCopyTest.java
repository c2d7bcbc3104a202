package dev.ardoise.account.domain;

import dev.ardoise.events.Allocation;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.SaleCharged;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ardoise.account.domain.Given.MOMENT;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.cad;
import static dev.ardoise.account.domain.Given.charged;
import static dev.ardoise.account.domain.Given.deposit;
import static dev.ardoise.account.domain.Given.limit;
import static dev.ardoise.account.domain.Given.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A charge decided before its number is taken, then numbered; an account copied so that the original stays put. */
class NumberingAndCopyTest {

    @Test
    void a_charge_decided_unnumbered_carries_the_number_taken_afterwards_in_the_sale_and_the_deposit_applied() {
        CreditAccount account = account(limit("1000.00"), deposit("d1", "30.00"));
        Decision decided = account.selling().charge(sale("s1", "100.00", null, null, "30.00"),
                InvoiceIdentity.unnumbered("inv-1", "MAIN"), MOMENT, OverdueRule.OFF);

        Decision numbered = Selling.numbered(decided, "MAIN-000042");

        SaleCharged sale = numbered.first(SaleCharged.class).orElseThrow();
        assertEquals("MAIN-000042", sale.invoiceNumber());
        assertEquals("inv-1", sale.invoiceId());
        assertEquals(cad("100.00"), sale.amount());
        assertEquals(List.of(new Allocation("inv-1", "MAIN-000042", cad("30.00"))),
                numbered.first(DepositApplied.class).orElseThrow().allocations());
        assertEquals(InvoiceIdentity.UNNUMBERED, decided.first(SaleCharged.class).orElseThrow().invoiceNumber());
    }

    @Test
    void a_declined_charge_is_refused_before_any_number_is_needed() {
        CreditAccount account = account(limit("100.00"), charged("s1", "90.00"));

        assertThrows(ChargeDeclinedException.class, () -> account.selling().charge(sale("s2", "20.00"),
                InvoiceIdentity.unnumbered("inv-2", "MAIN"), MOMENT, OverdueRule.OFF));
    }

    @Test
    void events_applied_to_the_original_after_a_copy_leave_the_copy_as_it_was() {
        CreditAccount original = account(limit("1000.00"), charged("s1", "400.00"));
        String invoiceId = original.invoices().outstanding().get(0).invoiceId();

        CreditAccount copy = original.copy();
        original.apply(new PaymentReceived("p1", cad("100.00"), "CASH", null, List.of(
                new Allocation(invoiceId, "MAIN-000001", cad("100.00")))));

        assertEquals(cad("300.00"), original.invoices().outstanding().get(0).owed());
        assertEquals(cad("400.00"), copy.invoices().outstanding().get(0).owed());
    }

    @Test
    void events_applied_to_a_copy_leave_the_original_as_it_was() {
        CreditAccount original = account(limit("1000.00"), charged("s1", "400.00"), deposit("d1", "50.00"));
        String invoiceId = original.invoices().outstanding().get(0).invoiceId();

        CreditAccount copy = original.copy();
        copy.apply(new PaymentReceived("p1", cad("150.00"), "CASH", null, List.of(
                new Allocation(invoiceId, "MAIN-000001", cad("150.00")))));
        copy.apply(charged("s2", "100.00"));

        assertEquals(cad("-400.00"), original.balance());
        assertEquals(cad("400.00"), original.invoices().outstanding().get(0).owed());
        assertEquals(4, original.version());
        assertEquals(cad("-350.00"), copy.balance());
        assertEquals(6, copy.version());
        assertEquals(cad("50.00"), copy.depositBalance());
        assertEquals(true, copy.selling().previousCharge(sale("s1", "400.00")).isPresent());
    }
}
