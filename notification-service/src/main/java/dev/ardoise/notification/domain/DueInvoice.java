package dev.ardoise.notification.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** invoice-service's invoice, as much of it as the pay page shows: what it was, what is still due, its status. */
public record DueInvoice(String invoiceId, String invoiceNumber, UUID accountId, String currency, BigDecimal amount,
                         BigDecimal owed, LocalDate issuedOn, LocalDate dueDate, String status,
                         List<Applied> applications) {

    /** A payment, credit or write-off on the invoice. */
    public record Applied(LocalDate date, String kind) {
    }

    public boolean writtenOff() {
        return "WRITTEN_OFF".equals(status);
    }

    public boolean nothingDue() {
        return owed == null || owed.signum() <= 0 || writtenOff();
    }

    /** When it was paid or settled: the date of the last thing applied to it. */
    public LocalDate settledOn() {
        return applications == null ? null : applications.stream().map(Applied::date)
                .filter(date -> date != null).max(Comparator.naturalOrder()).orElse(null);
    }
}
