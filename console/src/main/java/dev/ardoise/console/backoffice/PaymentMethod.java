package dev.ardoise.console.backoffice;

/** How a customer pays, as account-service takes it in a payment ({@code method}); the events carry it as text. */
enum PaymentMethod {
    CASH, CARD, CHEQUE, TRANSFER, ONLINE, OTHER
}
