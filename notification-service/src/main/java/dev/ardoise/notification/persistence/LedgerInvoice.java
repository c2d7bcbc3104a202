package dev.ardoise.notification.persistence;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.domain.AccountFigures;
import dev.ardoise.notification.domain.ChargedInvoice;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What is owed on one invoice, the invoice itself, and the account just after its sale (balance, deposits, credit). */
@Entity
@Table(name = "ledger_invoices")
public class LedgerInvoice extends PanacheEntityBase {
    @Id
    @Column(name = "invoice_id")
    public String invoiceId;
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    public BigDecimal total;
    public BigDecimal owed;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "written_off")
    public boolean writtenOff;
    @Column(name = "balance_after")
    public BigDecimal balanceAfter;
    @Column(name = "available_after")
    public BigDecimal availableAfter;
    /** The deposit balance after the sale's whole command; null for an invoice charged before it was kept (V8). */
    @Column(name = "deposits_after")
    public BigDecimal depositsAfter;
    /** The sale it came from (SaleCharged.saleId): a deposit used at the till names it. */
    @Column(name = "sale_id")
    public String saleId;
    /** The account's version of its SaleCharged (which command it was of); null for one kept before V9. */
    @Column(name = "sale_version")
    public Long saleVersion;
    /** The SaleCharged event's own JSON. */
    public String sale;

    /** A new invoice's row: the domain's {@link ChargedInvoice} and the sale it came from. */
    static LedgerInvoice of(UUID accountId, ChargedInvoice invoice, SaleCharged sale) {
        LedgerInvoice row = new LedgerInvoice();
        row.invoiceId = invoice.invoiceId();
        row.accountId = accountId;
        row.sale = AccountEventJson.writeData(sale);
        row.keep(invoice);
        return row;
    }

    void keep(ChargedInvoice invoice) {
        saleId = invoice.saleId();
        saleVersion = invoice.saleVersion();
        invoiceNumber = invoice.invoiceNumber();
        total = invoice.total();
        owed = invoice.owed();
        issuedOn = invoice.issuedOn();
        dueDate = invoice.dueDate();
        writtenOff = invoice.writtenOff();
        balanceAfter = invoice.after().balance();
        availableAfter = invoice.after().available();
        depositsAfter = invoice.after().deposits();
    }

    public ChargedInvoice toCharged() {
        return new ChargedInvoice(invoiceId, saleId, invoiceNumber, total, owed, issuedOn, dueDate, writtenOff,
                after(), saleVersion);
    }

    public SaleCharged toSale() {
        return (SaleCharged) AccountEventJson.readData("SaleCharged", sale);
    }

    public AccountFigures after() {
        return new AccountFigures(balanceAfter, availableAfter, depositsAfter);
    }

    public boolean stillOwed() {
        return toCharged().stillOwed();
    }
}
