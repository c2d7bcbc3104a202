package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A balance-forward statement of an account for a period: the net position (deposit balance - owed, negative when
 * the customer owes) at the end of the day before, every movement of the period in stream order with the
 * position after it, and the position at the end of the period.
 */
public record Statement(LocalDate from, LocalDate to, BigDecimal openingBalance, List<Line> lines,
                        BigDecimal closingBalance, BigDecimal totalCharges, BigDecimal totalCredits) {

    public record Line(LocalDate date, LedgerType type, String reference, String description, BigDecimal amount,
                       BigDecimal runningBalance) {
    }

    /**
     * @param openingBalance the sum of the amounts of every entry dated before {@code from}
     * @param entries        the entries dated from {@code from} to {@code to}, in stream order
     */
    public static Statement of(LocalDate from, LocalDate to, BigDecimal openingBalance, List<LedgerEntry> entries) {
        BigDecimal running = openingBalance;
        BigDecimal charges = openingBalance.subtract(openingBalance);
        BigDecimal credits = charges;
        List<Line> lines = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            if (!entry.type().onStatement()) {
                continue;
            }
            running = running.add(entry.amount());
            if (entry.amount().signum() < 0) {
                charges = charges.subtract(entry.amount());
            } else {
                credits = credits.add(entry.amount());
            }
            lines.add(new Line(entry.date(), entry.type(), entry.reference(), entry.description(), entry.amount(),
                    running));
        }
        return new Statement(from, to, openingBalance, List.copyOf(lines), running, charges, credits);
    }
}
