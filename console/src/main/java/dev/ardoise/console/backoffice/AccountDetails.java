package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The account as account-service rebuilds it from its events: the customer, consent, store, status, and the
 * figures the page shows: the limit (null: none set), the balance (minus what is owed: {@code -700.00}), the
 * deposit balance, what is held and what is available.
 */
public record AccountDetails(String accountId, String storeId, String customerId, String name, String email,
                             boolean emailConsent, String currency, Word status, String creditLimit,
                             String balance, String owed, String depositBalance, String held, String available,
                             List<Hold> holds, List<Owing> outstandingInvoices, long version) {

    /** A hold still reserving credit, until it is captured, voided or lapses. */
    public record Hold(String holdId, String amount, String expiresAt) {
    }

    /** An invoice with something still owed on it, oldest first: what a payment, adjustment or write-off names. */
    public record Owing(String invoiceId, String invoiceNumber, String owed) {
    }

    static AccountDetails of(JsonNode account) {
        return new AccountDetails(Json.text(account, "accountId"), Json.text(account, "storeId"),
                Json.text(account, "customerId"), Json.text(account, "name"), Json.text(account, "email"),
                account.path("emailConsent").asBoolean(false), Json.text(account, "currency"),
                Word.of("account_", Json.text(account, "status"), Words.ACCOUNT_STATUSES),
                Json.text(account, "creditLimit"), Json.text(account, "balance"), Json.text(account, "owed"),
                Json.text(account, "depositBalance"), Json.text(account, "held"), Json.text(account, "available"),
                Json.list(account.get("holds"), hold -> new Hold(Json.text(hold, "holdId"),
                        Json.text(hold, "amount"), Json.text(hold, "expiresAt"))),
                Json.list(account.get("outstandingInvoices"), invoice -> new Owing(Json.text(invoice, "invoiceId"),
                        Json.text(invoice, "invoiceNumber"), Json.text(invoice, "owed"))),
                account.path("version").asLong());
    }

    public boolean suspended() {
        return "SUSPENDED".equals(status == null ? null : status.raw());
    }

    public boolean closed() {
        return "CLOSED".equals(status == null ? null : status.raw());
    }
}
