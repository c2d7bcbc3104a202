package dev.ardoise.account.api;

import dev.ardoise.account.domain.OpenAccount;

import java.math.BigDecimal;

/** {@code POST /accounts}. */
public record OpenAccountRequest(String customerId, String name, String email, Boolean emailConsent,
                                 String language, String currency, BigDecimal creditLimit) {

    OpenAccount toCommand() {
        String language = Requests.language(this.language);
        return new OpenAccount(Fields.key(customerId, "customerId"), Fields.requiredText(name, "name"),
                Fields.optionalEmail(email, "email"), Boolean.TRUE.equals(emailConsent), language,
                Fields.requiredText(currency, "currency"), creditLimit);
    }
}
