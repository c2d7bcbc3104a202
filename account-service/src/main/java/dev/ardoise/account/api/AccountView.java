package dev.ardoise.account.api;

import dev.ardoise.account.domain.CreditAccount;

import java.math.BigDecimal;
import java.util.UUID;

/** The authoritative state of an account, rebuilt from its stream. */
public record AccountView(UUID accountId, String customerId, String name, String email, boolean emailConsent,
                          String language, String currency, BigDecimal creditLimit, BigDecimal balance,
                          BigDecimal depositBalance, BigDecimal available, long version) {

    static AccountView of(CreditAccount account) {
        var opening = account.opening();
        return new AccountView(account.id(), opening.customerId(), opening.name(), opening.email(),
                opening.emailConsent(), opening.language(), opening.currency(), account.creditLimit().orElse(null),
                account.balance(), account.depositBalance(), account.available(), account.version());
    }
}
