package dev.ardoise.account.domain;

import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One invoice of the account and what is still owed on it, per the catalogue's derivation rules. */
public final class Invoice {
    private final String invoiceId;
    private final String invoiceNumber;
    private final LocalDate issuedOn;
    private final LocalDate dueDate;
    private final BigDecimal total;
    private BigDecimal owed;
    private BigDecimal paid;
    private BigDecimal refunded;
    /** The part of refunds that was already paid and went back as credit notes. */
    private BigDecimal paidBack;
    private boolean writtenOff;

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
    }

    private Invoice(Invoice other) {
        this.invoiceId = other.invoiceId;
        this.invoiceNumber = other.invoiceNumber;
        this.issuedOn = other.issuedOn;
        this.dueDate = other.dueDate;
        this.total = other.total;
        this.owed = other.owed;
        this.paid = other.paid;
        this.refunded = other.refunded;
        this.paidBack = other.paidBack;
        this.writtenOff = other.writtenOff;
    }

    Invoice copy() {
        return new Invoice(this);
    }

    void pay(BigDecimal amount) {
        owed = owed.subtract(amount);
        paid = paid.add(amount);
    }

    void credit(BigDecimal amount) {
        owed = owed.subtract(amount);
    }

    void debit(BigDecimal amount) {
        owed = owed.add(amount);
    }

    void refund(BigDecimal amount, BigDecimal reducedOwed) {
        refunded = refunded.add(amount);
        owed = owed.subtract(reducedOwed);
        paidBack = paidBack.add(amount.subtract(reducedOwed));
    }

    void writeOff(BigDecimal amount) {
        owed = owed.subtract(amount);
        writtenOff = true;
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
