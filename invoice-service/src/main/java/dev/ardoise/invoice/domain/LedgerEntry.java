package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One movement of an account, in stream order: {@code amount} is its signed effect on the net position
 * (negative when the customer owes more), {@code depositChange} its effect on the deposit balance.
 */
public record LedgerEntry(UUID accountId, long version, LocalDate date, LedgerType type, String reference,
                          String description, BigDecimal amount, BigDecimal depositChange) {

    public String entryId() {
        return accountId + ":" + version + ":" + type;
    }
}
