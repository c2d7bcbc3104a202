package dev.ardoise.notification.domain;

import java.util.Map;

/** Writes an account statement as an email, in the customer's language. */
public final class StatementEmailWriter {
    private static final Map<String, String> FRENCH_TYPES = Map.of("CHARGE", "Facture", "PAYMENT", "Paiement",
            "DEPOSIT", "Dépôt", "DEPOSIT_RETURNED", "Dépôt remboursé", "REFUND", "Remboursement",
            "ADJUSTMENT", "Ajustement", "WRITE_OFF", "Radiation");
    private static final Map<String, String> ENGLISH_TYPES = Map.of("CHARGE", "Invoice", "PAYMENT", "Payment",
            "DEPOSIT", "Deposit", "DEPOSIT_RETURNED", "Deposit returned", "REFUND", "Refund",
            "ADJUSTMENT", "Adjustment", "WRITE_OFF", "Write-off");

    private final Store store;

    public StatementEmailWriter(Store store) {
        this.store = store;
    }

    public StatementEmail write(Statement statement, String customerName, CustomerLanguage language) {
        boolean french = language == CustomerLanguage.FRENCH;
        String currency = statement.currency();
        String from = language.date(statement.from());
        String to = language.date(statement.to());
        String subject = french
                ? "Relevé de compte du " + from + " au " + to + " de " + store.name()
                : "Account statement from " + from + " to " + to + " from " + store.name();
        return new StatementEmail(language.code(), subject, store, customerName, from, to,
                language.money(statement.openingBalance(), currency),
                statement.lines().stream().map(line -> line(line, currency, language)).toList(),
                language.money(statement.closingBalance(), currency),
                language.money(statement.totalCharges(), currency), language.money(statement.totalCredits(), currency),
                language.money(statement.owed(), currency), language.money(statement.overdue(), currency),
                statement.overdue().signum() > 0, language.money(statement.depositBalance(), currency));
    }

    private static StatementEmail.Line line(Statement.Line line, String currency, CustomerLanguage language) {
        Map<String, String> types = language == CustomerLanguage.FRENCH ? FRENCH_TYPES : ENGLISH_TYPES;
        String description = types.getOrDefault(line.type(), line.type())
                + (line.reference() == null ? "" : " " + line.reference());
        return new StatementEmail.Line(language.date(line.date()), description,
                language.money(line.amount(), currency), language.money(line.runningBalance(), currency));
    }
}
