package dev.ardoise.account.payments;

import dev.ardoise.account.domain.Commands;
import dev.ardoise.account.domain.InputRules;
import dev.ardoise.http.InvalidRequestException;

import java.math.BigDecimal;
import java.util.UUID;

/** What the provider says was paid: its payment id, the account and invoice of the payment link, amount, currency. */
public record ProviderCallback(String paymentId, String accountId, String invoiceId, BigDecimal amount,
                               String currency) {

    UUID account() {
        try {
            return UUID.fromString(required(accountId, "accountId"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("accountId", "is not an account id");
        }
    }

    String currencyCode() {
        String code = required(currency, "currency");
        if (!code.matches("[A-Z]{3}")) {
            throw new InvalidRequestException("currency", "is not an ISO 4217 code");
        }
        return code;
    }

    /**
     * A payment ONLINE to the link's invoice, keyed {@code <provider>:<provider's payment id>}: the provider's ids
     * live in their own namespace, apart from the ids the registers choose.
     */
    Commands.ReceivePayment toCommand(String provider) {
        String id = InputRules.key("paymentId", paymentId);
        if (amount == null) {
            throw new InvalidRequestException("amount", "is required");
        }
        return new Commands.ReceivePayment(InputRules.key("paymentId", key(provider, id)), amount, "ONLINE",
                provider + " " + id, InputRules.key("invoiceId", invoiceId));
    }

    /** The idempotency key of the provider's payment {@code id}. */
    static String key(String provider, String id) {
        return provider + ":" + id;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        return value.strip();
    }
}
