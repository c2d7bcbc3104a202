package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * An issued invoice as far as money goes: its total, what was paid on it and when it falls due.
 * It becomes overdue when its due date passes, with no event: its status is always taken as of a day.
 */
public record Invoice(String invoiceId, BigDecimal amount, BigDecimal paid, LocalDate dueDate) {

    public Invoice {
        requireNonNull(invoiceId, "invoiceId");
        amount = Amounts.of(requireNonNull(amount, "amount"));
        paid = Amounts.of(requireNonNull(paid, "paid"));
        requireNonNull(dueDate, "dueDate");
    }

    /** What is still owed on it. */
    public BigDecimal owed() {
        return amount.subtract(paid).max(Amounts.ZERO);
    }

    public boolean isPaid() {
        return owed().signum() == 0;
    }

    /** Unpaid and past its due date: due on the 10th, it is overdue from the 11th. */
    public boolean isOverdueOn(LocalDate today) {
        return !isPaid() && dueDate.isBefore(today);
    }

    public InvoiceStatus statusOn(LocalDate today) {
        if (isPaid()) {
            return InvoiceStatus.PAID;
        }
        return isOverdueOn(today) ? InvoiceStatus.OVERDUE : InvoiceStatus.OUTSTANDING;
    }
}
