package dev.ardoise.account.domain;

import dev.ardoise.account.domain.Commands.ChangeCustomerDetails;
import dev.ardoise.account.domain.Commands.ChangeStatus;
import dev.ardoise.account.domain.Commands.SetEmailConsent;
import dev.ardoise.events.AccountClosed;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.AccountReactivated;
import dev.ardoise.events.AccountSuspended;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.CustomerDetailsChanged;
import dev.ardoise.events.EmailConsentGiven;
import dev.ardoise.events.EmailConsentWithdrawn;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Keeping the account: opening, the customer's details and consent, the limit, suspension and closure. */
public final class Keeping {
    private final CreditAccount account;

    Keeping(CreditAccount account) {
        this.account = account;
    }

    /** The events that open an account, with its first credit limit when one is given. */
    public static List<AccountEvent> open(OpenAccount command) {
        String currency = currencyCode(command.currency());
        List<AccountEvent> events = new ArrayList<>();
        events.add(new AccountOpened(command.customerId(), command.name(), command.email(), command.emailConsent(),
                command.language(), currency, command.storeId()));
        if (command.creditLimit() != null) {
            events.add(new CreditLimitSet(Money.notNegative("creditLimit", command.creditLimit(), currency), null));
        }
        return events;
    }

    /**
     * Opening again for the customer of this account: the same details are the same request, answered by this
     * account with nothing recorded (a register retrying after a lost answer); other details are refused, each named.
     * The details compared are the account's current ones; the limit only when the opening gives one.
     *
     * @throws AccountAlreadyOpenException naming every field that differs
     */
    public void openAgain(OpenAccount command) {
        List<String> differences = new ArrayList<>();
        differ(differences, "name", !Objects.equals(command.name(), account.name()));
        differ(differences, "email", !sameEmail(command.email(), account.email()));
        differ(differences, "emailConsent", command.emailConsent() != account.emailConsent());
        differ(differences, "language", !Objects.equals(command.language(), account.language()));
        differ(differences, "currency", !currencyCode(command.currency()).equals(account.currency()));
        differ(differences, "creditLimit", command.creditLimit() != null && account.creditLimit()
                .map(limit -> limit.compareTo(command.creditLimit()) != 0).orElse(true));
        if (!differences.isEmpty()) {
            throw new AccountAlreadyOpenException(account.id(), differences);
        }
    }

    private static void differ(List<String> differences, String field, boolean differs) {
        if (differs) {
            differences.add(field);
        }
    }

    private static boolean sameEmail(String given, String kept) {
        return given == null ? kept == null : given.equalsIgnoreCase(kept);
    }

    /** Nothing is recorded when nothing changes. */
    public Decision changeCustomerDetails(ChangeCustomerDetails command) {
        account.requireNotClosed();
        if (Objects.equals(command.name(), account.name()) && Objects.equals(command.email(), account.email())
                && Objects.equals(command.language(), account.language())) {
            return Decision.nothing();
        }
        return Decision.of(new CustomerDetailsChanged(command.name(), command.email(), command.language()));
    }

    public Decision setEmailConsent(SetEmailConsent command) {
        account.requireNotClosed();
        if (command.consent() == account.emailConsent()) {
            return Decision.nothing();
        }
        return Decision.of(command.consent() ? new EmailConsentGiven(account.email())
                : new EmailConsentWithdrawn(account.email()));
    }

    /** A limit below what is owed is allowed: it leaves nothing available until the balance is paid down. */
    public Decision setCreditLimit(BigDecimal newLimit) {
        account.requireNotClosed();
        BigDecimal limit = Money.notNegative("creditLimit", newLimit, account.currency());
        BigDecimal previous = account.creditLimit().orElse(null);
        if (limit.equals(previous)) {
            return Decision.nothing();
        }
        return Decision.of(new CreditLimitSet(limit, previous));
    }

    /** Suspend, reactivate or close; asking for the status the account already has records nothing. */
    public Decision changeStatus(ChangeStatus command, Instant now) {
        if (command.to() == account.status()) {
            return Decision.nothing();
        }
        account.requireNotClosed();
        if (command.to() == AccountStatus.SUSPENDED) {
            return Decision.of(new AccountSuspended(command.reason()));
        }
        if (command.to() == AccountStatus.OPEN) {
            return Decision.of(new AccountReactivated(command.reason()));
        }
        // a closed account accepts nothing, not even a deposit return: the customer's money would be stranded
        if (account.owed().signum() > 0 || account.heldAt(now).signum() > 0 || account.depositBalance().signum() > 0) {
            throw new CommandRefusedException("account-not-closable", "the account can be closed only with nothing"
                    + " owed, nothing held and no deposit left (return it first); owed " + account.owed()
                    + ", held " + account.heldAt(now) + ", deposit " + account.depositBalance());
        }
        return Decision.of(new AccountClosed(command.reason()));
    }

    /** A currency prices are written in: gold (XAU) or "no currency" (XXX) have no decimals to keep amounts at. */
    private static String currencyCode(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCommandException("currency", "is not an ISO 4217 currency code");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidCommandException("currency", "is not the currency of a price (it has no decimals)");
        }
        return currency.getCurrencyCode();
    }
}
