package dev.ardoise.account.api;

import dev.ardoise.account.domain.OpenAccount;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** {@code POST /accounts}. {@code storeId} only when the caller's token names several stores. */
public record OpenAccountRequest(String customerId, String name, String email, Boolean emailConsent,
                                 String language, String currency, BigDecimal creditLimit,
                                 @Schema(description = "the store the account belongs to, one of the token's stores; "
                                         + "only needed when the token names several")
                                 String storeId) {

    OpenAccount toCommand(String storeId) {
        String language = Requests.language(this.language);
        return new OpenAccount(Fields.key(customerId, "customerId"), Fields.requiredText(name, "name"),
                Fields.optionalEmail(email, "email"), Boolean.TRUE.equals(emailConsent), language,
                Fields.requiredText(currency, "currency"), creditLimit, storeId);
    }
}
