package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.InvoiceApplication;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payment, deposit applied, credit, debit, refund or write-off on one invoice. */
@Entity
@Table(name = "invoice_application")
public class ApplicationRow extends PanacheEntityBase {
    @Id
    @Column(name = "application_id")
    public String applicationId;
    @Column(name = "invoice_id")
    public String invoiceId;
    @Column(name = "account_id")
    public UUID accountId;
    public long version;
    @Column(name = "applied_on")
    public LocalDate appliedOn;
    public String kind;
    public String reference;
    public BigDecimal amount;
    @Column(name = "owed_change")
    public BigDecimal owedChange;

    public static ApplicationRow of(InvoiceApplication application) {
        ApplicationRow row = new ApplicationRow();
        row.applicationId = application.applicationId();
        row.invoiceId = application.invoiceId();
        row.accountId = application.accountId();
        row.version = application.version();
        row.appliedOn = application.date();
        row.kind = application.kind().name();
        row.reference = application.reference();
        row.amount = application.amount();
        row.owedChange = application.owedChange();
        return row;
    }
}
