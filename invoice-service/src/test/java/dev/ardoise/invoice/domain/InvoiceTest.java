package dev.ardoise.invoice.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvoiceTest {
    private static final LocalDate DUE = LocalDate.of(2025, 4, 10);

    private static Invoice invoice(String amount, String paid) {
        return Invoice.of("I-1", new BigDecimal(amount), new BigDecimal(paid), DUE);
    }

    @Test
    void owed_is_what_is_left_after_payments() {
        assertEquals(new BigDecimal("150.25"), invoice("400.00", "249.75").owed());
    }

    @Test
    void outstanding_up_to_and_on_its_due_date() {
        Invoice invoice = invoice("400.00", "0.00");

        assertEquals(InvoiceStatus.OUTSTANDING, invoice.statusOn(DUE.minusDays(1)));
        assertEquals(InvoiceStatus.OUTSTANDING, invoice.statusOn(DUE));
        assertFalse(invoice.isOverdueOn(DUE));
    }

    @Test
    void partially_paid_until_due_then_overdue_the_day_after_with_no_event() {
        Invoice invoice = invoice("400.00", "100.00");

        assertEquals(InvoiceStatus.PARTIALLY_PAID, invoice.statusOn(DUE));
        assertEquals(InvoiceStatus.OVERDUE, invoice.statusOn(DUE.plusDays(1)));
        assertTrue(invoice.isOverdueOn(DUE.plusDays(1)));
    }

    @Test
    void a_credit_counts_as_partly_paid() {
        Invoice invoice = invoice("400.00", "0.00").withCredited(new BigDecimal("10.00"));

        assertEquals(InvoiceStatus.PARTIALLY_PAID, invoice.statusOn(DUE));
        assertEquals(new BigDecimal("390.00"), invoice.owed());
    }

    @Test
    void a_paid_invoice_is_never_overdue() {
        Invoice invoice = invoice("400.00", "400.00");

        assertEquals(InvoiceStatus.PAID, invoice.statusOn(DUE.plusDays(90)));
        assertFalse(invoice.isOverdueOn(DUE.plusDays(90)));
        assertEquals(new BigDecimal("0.00"), invoice.owed());
    }

    @Test
    void a_written_off_invoice_owes_nothing_and_says_so() {
        Invoice invoice = invoice("400.00", "100.00").withWriteOff(new BigDecimal("300.00"));

        assertEquals(InvoiceStatus.WRITTEN_OFF, invoice.statusOn(DUE.plusDays(200)));
        assertEquals(new BigDecimal("0.00"), invoice.owed());
        assertFalse(invoice.isOverdueOn(DUE.plusDays(200)));
    }

    @Test
    void outstanding_lists_include_partially_paid_and_overdue_invoices() {
        assertTrue(InvoiceStatus.OUTSTANDING.includes(InvoiceStatus.OUTSTANDING));
        assertTrue(InvoiceStatus.OUTSTANDING.includes(InvoiceStatus.OVERDUE));
        assertTrue(InvoiceStatus.OUTSTANDING.includes(InvoiceStatus.PARTIALLY_PAID));
        assertFalse(InvoiceStatus.OUTSTANDING.includes(InvoiceStatus.PAID));
        assertFalse(InvoiceStatus.OVERDUE.includes(InvoiceStatus.OUTSTANDING));
        assertFalse(InvoiceStatus.OUTSTANDING.includes(InvoiceStatus.WRITTEN_OFF));
    }
}
