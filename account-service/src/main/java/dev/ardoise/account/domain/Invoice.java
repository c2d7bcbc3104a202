package dev.ardoise.account.domain;

import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One invoice of the account and what is still owed on it, per the catalogue's derivation rules. Never changed: an
 * event that changes an invoice answers a new one, as an invoice is shared by every copy of the account that has it.
 */
public final class Invoice {
    private final String invoiceId;
    private final String invoiceNumber;
    private final LocalDate issuedOn;
    private final LocalDate dueDate;
    private final BigDecimal total;
    private final BigDecimal owed;
    private final BigDecimal paid;
    private final BigDecimal refunded;
    /** The part of refunds that was already paid and went back as credit notes. */
    private final BigDecimal paidBack;
    private final boolean writtenOff;

    Invoice(SaleCharged sale) {
        this.invoiceId = sale.invoiceId();
        this.invoiceNumber = sale.invoiceNumber();
        this.issuedOn = sale.issuedOn();
        this.dueDate = sale.dueDate();
        this.total = sale.amount();
        this.owed = sale.amount();
        this.paid = sale.amount().subtract(sale.amount());
        this.refunded = paid;
        this.paidBack = paid;
        this.writtenOff = false;
    }

    private Invoice(Invoice before, BigDecimal owed, BigDecimal paid, BigDecimal refunded, BigDecimal paidBack,
                    boolean writtenOff) {
        this.invoiceId = before.invoiceId;
        this.invoiceNumber = before.invoiceNumber;
        this.issuedOn = before.issuedOn;
        this.dueDate = before.dueDate;
        this.total = before.total;
        this.owed = owed;
        this.paid = paid;
        this.refunded = refunded;
        this.paidBack = paidBack;
        this.writtenOff = writtenOff;
    }

    /** The same invoice with {@code amount} paid on it (a payment or a deposit applied). */
    Invoice paid(BigDecimal amount) {
        return new Invoice(this, owed.subtract(amount), paid.add(amount), refunded, paidBack, writtenOff);
    }

    /** The same invoice with {@code amount} less owed by a credit adjustment. */
    Invoice credited(BigDecimal amount) {
        return new Invoice(this, owed.subtract(amount), paid, refunded, paidBack, writtenOff);
    }

    /** The same invoice with {@code amount} more owed by a debit adjustment. */
    Invoice debited(BigDecimal amount) {
        return new Invoice(this, owed.add(amount), paid, refunded, paidBack, writtenOff);
    }

    /**
     * The same invoice with {@code amount} refunded, of which {@code reducedOwed} comes off what is owed and the
     * rest was paid and goes back as a credit note.
     */
    Invoice refunded(BigDecimal amount, BigDecimal reducedOwed) {
        return new Invoice(this, owed.subtract(reducedOwed), paid, refunded.add(amount),
                paidBack.add(amount.subtract(reducedOwed)), writtenOff);
    }

    /** The same invoice with {@code amount} written off: it is no longer outstanding. */
    Invoice writtenOff(BigDecimal amount) {
        return new Invoice(this, owed.subtract(amount), paid, refunded, paidBack, true);
    }

    public boolean isOutstanding() {
        return !writtenOff && owed.signum() > 0;
    }

    /** Days past the due date on {@code today}; zero or less when not overdue. */
    public long daysOverdue(LocalDate today) {
        return isOutstanding() ? ChronoUnit.DAYS.between(dueDate, today) : 0;
    }

    /**
     * What may still be refunded: the total less earlier refunds, and never more than is still owed plus what was
     * paid and not given back yet (a credit adjustment or a write-off is not money the customer can get back).
     */
    public BigDecimal refundable() {
        return total.subtract(refunded).min(owed.add(paid).subtract(paidBack));
    }

    public String invoiceId() {
        return invoiceId;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public BigDecimal total() {
        return total;
    }

    public BigDecimal owed() {
        return owed;
    }

    public BigDecimal paid() {
        return paid;
    }

    public boolean writtenOff() {
        return writtenOff;
    }
}
