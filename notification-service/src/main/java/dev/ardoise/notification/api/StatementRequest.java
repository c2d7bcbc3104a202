package dev.ardoise.notification.api;

/** The body of POST /accounts/{accountId}/statements: ISO dates, both inclusive. */
public record StatementRequest(String from, String to) {
}
