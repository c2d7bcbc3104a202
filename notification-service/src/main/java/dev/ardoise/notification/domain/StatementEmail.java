package dev.ardoise.notification.domain;

import java.util.List;

/** An account statement ready for its template, every value written in the customer's language. */
public record StatementEmail(String language, String subject, Store store, String customerName, String from,
                             String to, String openingBalance, List<Line> lines, String closingBalance,
                             String totalCharges, String totalCredits, String owed, String overdue,
                             boolean hasOverdue, String depositBalance) {
    public StatementEmail {
        lines = List.copyOf(lines);
    }

    public boolean hasLines() {
        return !lines.isEmpty();
    }

    public record Line(String date, String description, String amount, String runningBalance) {
    }
}
