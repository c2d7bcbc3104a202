package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.Invoice;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
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
    public BigDecimal amount;
    public BigDecimal paid;
    public String lines;
    public String terms;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "due_date")
    public LocalDate dueDate;

    /** Newest first. */
    public static Uni<List<InvoiceRow>> ofAccount(UUID accountId) {
        return list("accountId = ?1 order by issuedOn desc, accountVersion desc", accountId);
    }

    public Invoice toInvoice() {
        return new Invoice(invoiceId, amount, paid, dueDate);
    }
}
