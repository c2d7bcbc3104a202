package dev.ardoise.invoice.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What was owed on one invoice at the end of a day, for aging and statements. */
public record OwedInvoice(UUID accountId, String customerId, String customerName, String currency,
                          LocalDate dueDate, BigDecimal owed) {
}
