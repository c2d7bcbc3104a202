package dev.ardoise.account.api;

import dev.ardoise.account.domain.OpenAccount;

import dev.ardoise.http.InvalidRequestException;

import java.math.BigDecimal;
import java.util.Locale;

/** {@code POST /accounts}. */
public record OpenAccountRequest(String customerId, String name, String email, Boolean emailConsent,
                                 String language, String currency, BigDecimal creditLimit) {

    OpenAccount toCommand() {
        String language = Fields.requiredText(this.language, "language");
        if (Locale.forLanguageTag(language).getLanguage().isEmpty()) {
            throw new InvalidRequestException("language", "is not a language tag such as fr-CA or en");
        }
        return new OpenAccount(Fields.key(customerId, "customerId"), Fields.requiredText(name, "name"),
                Fields.optionalEmail(email, "email"), Boolean.TRUE.equals(emailConsent), language,
                Fields.requiredText(currency, "currency"), creditLimit);
    }
}
