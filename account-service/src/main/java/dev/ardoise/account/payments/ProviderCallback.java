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

    /** A payment ONLINE, keyed by the provider's payment id, to the link's invoice. */
    Commands.ReceivePayment toCommand(String provider) {
        String key = InputRules.key("paymentId", paymentId);
        if (amount == null) {
            throw new InvalidRequestException("amount", "is required");
        }
        return new Commands.ReceivePayment(key, amount, "ONLINE", provider + " " + key,
                InputRules.key("invoiceId", invoiceId));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        return value.strip();
    }
}
