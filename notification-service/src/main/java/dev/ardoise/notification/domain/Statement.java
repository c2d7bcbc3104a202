package dev.ardoise.notification.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A balance-forward account statement as invoice-service serves it (docs: the statement contract). Balances are
 * the customer's net position: negative when the customer owes; each line's amount is its signed effect on it.
 */
public record Statement(String accountId, String customerId, String customerName, String currency, LocalDate from,
                        LocalDate to, BigDecimal openingBalance, List<Line> lines, BigDecimal closingBalance,
                        BigDecimal totalCharges, BigDecimal totalCredits, BigDecimal owed, BigDecimal overdue,
                        BigDecimal depositBalance, long version) {
    public Statement {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(LocalDate date, String type, String reference, String description, BigDecimal amount,
                       BigDecimal runningBalance) {
    }
}
