package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.Amounts;
import dev.ardoise.invoice.domain.Invoice;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One issued invoice; its lines are kept as the JSON array they arrived in. */
@Entity
@Table(name = "invoice")
public class InvoiceRow extends PanacheEntityBase {
    @Id
    @Column(name = "invoice_id")
    public String invoiceId;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Column(name = "sale_id")
    public String saleId;
    @Column(name = "account_id")
    public UUID accountId;
    /** The version of the SaleCharged event: orders invoices issued on the same day. */
    @Column(name = "account_version")
    public long accountVersion;
    @Column(name = "store_id")
    public String storeId;
    public BigDecimal amount;
    public BigDecimal paid;
    public BigDecimal credited;
    public BigDecimal debited;
    public BigDecimal refunded;
    @Column(name = "written_off_amount")
    public BigDecimal writtenOffAmount;
    @Column(name = "written_off")
    public boolean writtenOff;
    /** Kept for queries (filters, sums); always {@link Invoice#owed()}. */
    public BigDecimal owed;
    public String lines;
    public String terms;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "due_date")
    public LocalDate dueDate;

    public static InvoiceRow issued(UUID accountId, Invoice invoice, String linesJson, String terms) {
        InvoiceRow row = new InvoiceRow();
        row.invoiceId = invoice.invoiceId();
        row.invoiceNumber = invoice.invoiceNumber();
        row.saleId = invoice.saleId();
        row.accountId = accountId;
        row.accountVersion = invoice.version();
        row.storeId = invoice.storeId();
        row.issuedOn = invoice.issuedOn();
        row.dueDate = invoice.dueDate();
        row.lines = linesJson;
        row.terms = terms;
        row.update(invoice);
        return row;
    }

    public void update(Invoice invoice) {
        amount = invoice.amount();
        paid = invoice.paid();
        credited = invoice.credited();
        debited = invoice.debited();
        refunded = invoice.refunded();
        writtenOffAmount = invoice.writtenOffAmount();
        writtenOff = invoice.writtenOff();
        owed = invoice.owed();
    }

    /** Newest first. */
    public static Uni<List<InvoiceRow>> ofAccount(UUID accountId) {
        return list("accountId = ?1 order by issuedOn desc, accountVersion desc", accountId);
    }

    public static Uni<List<InvoiceRow>> named(UUID accountId, Collection<String> invoiceIds) {
        return list("accountId = ?1 and invoiceId in ?2", accountId, invoiceIds);
    }

    public Invoice toInvoice(String currency) {
        return new Invoice(invoiceId, invoiceNumber, saleId, storeId, accountVersion, Amounts.of(amount, currency),
                Amounts.of(paid, currency), Amounts.of(credited, currency), Amounts.of(debited, currency),
                Amounts.of(refunded, currency), Amounts.of(writtenOffAmount, currency), writtenOff, issuedOn,
                dueDate);
    }
}
