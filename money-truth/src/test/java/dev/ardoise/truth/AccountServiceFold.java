package dev.ardoise.truth;

import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.events.RecordedEvent;

import java.util.List;

/** account-service: the account that commands are decided on, rebuilt from its events. */
final class AccountServiceFold implements MoneyFold {
    private CreditAccount account;

    @Override
    public String name() {
        return "account-service CreditAccount";
    }

    @Override
    public void apply(RecordedEvent event) {
        if (account == null) {
            account = CreditAccount.replay(event.accountId(), List.of(event.data()));
        } else {
            account.apply(event.data());
        }
    }

    /** The account as account-service decides on it after the events folded so far. */
    CreditAccount account() {
        return account;
    }

    @Override
    public Figures figures() {
        return new Figures(account.owed(), account.depositBalance(), account.held(), account.available());
    }
}
