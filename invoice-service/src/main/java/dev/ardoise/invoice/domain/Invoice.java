package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * An issued invoice as far as money goes (the catalogue's "How events change an account"):
 * owed = amount - paid - credited + debited - written off, where paid comes from payments and deposits applied,
 * credited from CREDIT adjustments and the part of refunds that lowered what was owed, debited from DEBIT
 * adjustments. It becomes overdue when its due date passes, with no event: its status is always taken as of a day.
 */
public record Invoice(String invoiceId, String invoiceNumber, String saleId, String storeId, long version,
                      BigDecimal amount, BigDecimal paid, BigDecimal credited, BigDecimal debited,
                      BigDecimal refunded, BigDecimal writtenOffAmount, boolean writtenOff,
                      LocalDate issuedOn, LocalDate dueDate) {

    public Invoice {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(amount, "amount");
        requireNonNull(paid, "paid");
        requireNonNull(credited, "credited");
        requireNonNull(debited, "debited");
        requireNonNull(refunded, "refunded");
        requireNonNull(writtenOffAmount, "writtenOffAmount");
        requireNonNull(issuedOn, "issuedOn");
        requireNonNull(dueDate, "dueDate");
    }

    /** A new invoice, owed in full. */
    public static Invoice issued(String invoiceId, String invoiceNumber, String saleId, String storeId, long version,
                                 BigDecimal amount, LocalDate issuedOn, LocalDate dueDate) {
        BigDecimal zero = amount.subtract(amount);
        return new Invoice(invoiceId, invoiceNumber, saleId, storeId, version, amount, zero, zero, zero, zero, zero,
                false, issuedOn, dueDate);
    }

    /** A simple invoice for tests and queries: amount, what was paid on it, due date. */
    public static Invoice of(String invoiceId, BigDecimal amount, BigDecimal paid, LocalDate dueDate) {
        BigDecimal zero = amount.subtract(amount);
        return new Invoice(invoiceId, invoiceId, invoiceId, null, 0, amount, paid, zero, zero, zero, zero, false,
                dueDate, dueDate);
    }

    /** What is still owed on it. */
    public BigDecimal owed() {
        return amount.subtract(paid).subtract(credited).add(debited).subtract(writtenOffAmount);
    }

    public boolean isPaid() {
        return owed().signum() <= 0;
    }

    /** Owed and past its due date: due on the 10th, it is overdue from the 11th. Written off: never. */
    public boolean isOverdueOn(LocalDate today) {
        return !writtenOff && !isPaid() && dueDate.isBefore(today);
    }

    public InvoiceStatus statusOn(LocalDate today) {
        if (writtenOff) {
            return InvoiceStatus.WRITTEN_OFF;
        }
        if (isPaid()) {
            return InvoiceStatus.PAID;
        }
        if (dueDate.isBefore(today)) {
            return InvoiceStatus.OVERDUE;
        }
        return paid.signum() > 0 || credited.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OUTSTANDING;
    }

    public Invoice withPaid(BigDecimal more) {
        return new Invoice(invoiceId, invoiceNumber, saleId, storeId, version, amount, paid.add(more), credited,
                debited, refunded, writtenOffAmount, writtenOff, issuedOn, dueDate);
    }

    public Invoice withCredited(BigDecimal more) {
        return new Invoice(invoiceId, invoiceNumber, saleId, storeId, version, amount, paid, credited.add(more),
                debited, refunded, writtenOffAmount, writtenOff, issuedOn, dueDate);
    }

    public Invoice withDebited(BigDecimal more) {
        return new Invoice(invoiceId, invoiceNumber, saleId, storeId, version, amount, paid, credited,
                debited.add(more), refunded, writtenOffAmount, writtenOff, issuedOn, dueDate);
    }

    public Invoice withRefund(BigDecimal refundedAmount, BigDecimal reducedOwed) {
        return new Invoice(invoiceId, invoiceNumber, saleId, storeId, version, amount, paid, credited.add(reducedOwed),
                debited, refunded.add(refundedAmount), writtenOffAmount, writtenOff, issuedOn, dueDate);
    }

    public Invoice withWriteOff(BigDecimal writtenOffNow) {
        return new Invoice(invoiceId, invoiceNumber, saleId, storeId, version, amount, paid, credited, debited,
                refunded, writtenOffAmount.add(writtenOffNow), true, issuedOn, dueDate);
    }
}
