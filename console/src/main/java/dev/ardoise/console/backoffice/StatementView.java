package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * invoice-service's balance-forward statement of a period, to print: the opening balance, each line with the
 * running balance, the closing balance (negative when the customer owes), what is owed, overdue and on deposit;
 * {@code interim} while the period is not over (the statement so far).
 */
public record StatementView(String accountId, String customerId, String customerName, String currency, String from,
                            String to, String openingBalance, List<Line> lines, String closingBalance,
                            String totalCharges, String totalCredits, String owed, String overdue,
                            String depositBalance, boolean interim) {

    /** A charge, payment, deposit, refund, adjustment... with the balance after it. */
    public record Line(String date, Word type, String reference, String description, String amount,
                       String runningBalance) {
    }

    static StatementView of(JsonNode statement) {
        return new StatementView(Json.text(statement, "accountId"), Json.text(statement, "customerId"),
                Json.text(statement, "customerName"), Json.text(statement, "currency"),
                Json.text(statement, "from"), Json.text(statement, "to"), Json.text(statement, "openingBalance"),
                Json.list(statement.get("lines"), line -> new Line(Json.text(line, "date"),
                        Word.of("ledger_", Json.text(line, "type"), Words.LEDGER_TYPES),
                        Json.text(line, "reference"), Json.text(line, "description"), Json.text(line, "amount"),
                        Json.text(line, "runningBalance"))),
                Json.text(statement, "closingBalance"), Json.text(statement, "totalCharges"),
                Json.text(statement, "totalCredits"), Json.text(statement, "owed"), Json.text(statement, "overdue"),
                Json.text(statement, "depositBalance"), statement.path("interim").asBoolean(false));
    }
}
