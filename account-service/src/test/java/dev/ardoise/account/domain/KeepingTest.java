package dev.ardoise.account.domain;

import dev.ardoise.account.domain.Commands.ChangeCustomerDetails;
import dev.ardoise.account.domain.Commands.ChangeStatus;
import dev.ardoise.account.domain.Commands.SetEmailConsent;
import dev.ardoise.events.AccountClosed;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.AccountReactivated;
import dev.ardoise.events.AccountSuspended;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.CustomerDetailsChanged;
import dev.ardoise.events.EmailConsentGiven;
import dev.ardoise.events.EmailConsentWithdrawn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ardoise.account.domain.Given.NOW;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.cad;
import static dev.ardoise.account.domain.Given.charged;
import static dev.ardoise.account.domain.Given.deposit;
import static dev.ardoise.account.domain.Given.hold;
import static dev.ardoise.account.domain.Given.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Opening and keeping the account: details, consent, limit, suspension, closure. */
class KeepingTest {

    @Test
    void opens_with_the_first_limit_when_one_is_given() {
        assertEquals(List.of(new AccountOpened("C-1", "Marie", null, false, "fr-CA", "CAD", "MAIN"),
                        new CreditLimitSet(cad("500.00"), null)),
                Keeping.open(new OpenAccount("C-1", "Marie", null, false, "fr-CA", "cad", cad("500"), "MAIN")));
    }

    @Test
    void refuses_a_currency_that_does_not_exist() {
        assertEquals("currency", assertThrows(InvalidCommandException.class, () ->
                Keeping.open(new OpenAccount("C-1", "Marie", null, false, "fr-CA", "XYZ1", null, "MAIN"))).field());
    }

    @Test
    void refuses_to_open_again_with_another_currency_naming_it_and_the_account() {
        CreditAccount account = account(limit("1000.00"));

        AccountAlreadyOpenException refusal = assertThrows(AccountAlreadyOpenException.class, () -> account.keeping()
                .openAgain(new OpenAccount("C-1", "Marie Tremblay", "marie@example.com", true, "fr-CA", "USD", null,
                        "MAIN")));

        assertEquals(List.of("currency"), refusal.differences());
        assertEquals(account.id(), refusal.accountId());
    }

    @Test
    void refuses_to_open_again_naming_every_detail_that_differs() {
        CreditAccount account = account(limit("1000.00"));

        assertEquals(List.of("name", "email", "emailConsent", "language", "creditLimit"),
                assertThrows(AccountAlreadyOpenException.class, () -> account.keeping().openAgain(
                        new OpenAccount("C-1", "Jean Roy", null, false, "en", "CAD", cad("500.00"), "MAIN")))
                        .differences());
    }

    @Test
    void opening_again_with_the_same_details_is_the_same_request() {
        CreditAccount account = account(limit("1000.00"));

        account.keeping().openAgain(new OpenAccount("C-1", "Marie Tremblay", "Marie@Example.com", true, "fr-CA",
                "cad", cad("1000.0"), "MAIN"));
        account.keeping().openAgain(new OpenAccount("C-1", "Marie Tremblay", "marie@example.com", true, "fr-CA",
                "CAD", null, "MAIN"));
    }

    @Test
    void opening_again_compares_with_the_details_as_they_are_now() {
        CreditAccount account = account(new CustomerDetailsChanged("Marie Roy", "marie@example.com", "en"));

        account.keeping().openAgain(new OpenAccount("C-1", "Marie Roy", "marie@example.com", true, "en", "CAD", null,
                "MAIN"));
        assertEquals(List.of("name", "language"), assertThrows(AccountAlreadyOpenException.class,
                () -> account.keeping().openAgain(new OpenAccount("C-1", "Marie Tremblay", "marie@example.com", true,
                        "fr-CA", "CAD", null, "MAIN"))).differences());
    }

    @Test
    void records_the_new_limit_and_the_previous_one_and_nothing_when_it_is_the_same() {
        CreditAccount account = account(limit("1000.00"));

        assertEquals(List.of(new CreditLimitSet(cad("1500.00"), cad("1000.00"))),
                account.keeping().setCreditLimit(cad("1500")).events());
        assertEquals(List.of(), account.keeping().setCreditLimit(cad("1000.0")).events());
    }

    @Test
    void refuses_a_negative_limit_or_fractions_of_a_cent() {
        assertEquals("creditLimit", assertThrows(InvalidCommandException.class,
                () -> account().keeping().setCreditLimit(cad("-1.00"))).field());
        assertThrows(InvalidCommandException.class, () -> account().keeping().setCreditLimit(cad("10.001")));
    }

    @Test
    void customer_details_change_only_when_they_differ() {
        CreditAccount account = account();

        assertEquals(List.of(), account.keeping().changeCustomerDetails(
                new ChangeCustomerDetails("Marie Tremblay", "marie@example.com", "fr-CA")).events());
        assertEquals(List.of(new CustomerDetailsChanged("Marie Tremblay", "marie.t@example.com", "en")),
                account.keeping().changeCustomerDetails(
                        new ChangeCustomerDetails("Marie Tremblay", "marie.t@example.com", "en")).events());
    }

    @Test
    void consent_withdrawn_and_given_again_are_recorded_with_the_address() {
        CreditAccount account = account();

        assertEquals(List.of(), account.keeping().setEmailConsent(new SetEmailConsent(true)).events());
        Decision withdrawn = account.keeping().setEmailConsent(new SetEmailConsent(false));
        assertEquals(List.of(new EmailConsentWithdrawn("marie@example.com")), withdrawn.events());
        withdrawn.events().forEach(account::apply);
        assertEquals(List.of(new EmailConsentGiven("marie@example.com")),
                account.keeping().setEmailConsent(new SetEmailConsent(true)).events());
    }

    @Test
    void suspend_and_reactivate_record_only_a_change() {
        CreditAccount account = account(limit("100.00"));

        assertEquals(List.of(new AccountSuspended("late")),
                account.keeping().changeStatus(new ChangeStatus(AccountStatus.SUSPENDED, "late"), NOW).events());
        assertEquals(List.of(), account.keeping().changeStatus(new ChangeStatus(AccountStatus.OPEN, null), NOW)
                .events());
        account.apply(new AccountSuspended("late"));
        assertEquals(List.of(new AccountReactivated(null)),
                account.keeping().changeStatus(new ChangeStatus(AccountStatus.OPEN, null), NOW).events());
    }

    @Test
    void an_account_closes_only_with_nothing_owed_nothing_held_and_no_deposit_left() {
        assertEquals("account-not-closable", assertThrows(CommandRefusedException.class, () ->
                account(limit("100.00"), charged("s1", "1.00")).keeping()
                        .changeStatus(new ChangeStatus(AccountStatus.CLOSED, null), NOW)).problem());
        assertEquals("account-not-closable", assertThrows(CommandRefusedException.class, () ->
                account(limit("100.00"), hold("h1", "1.00", NOW.plusSeconds(60))).keeping()
                        .changeStatus(new ChangeStatus(AccountStatus.CLOSED, null), NOW)).problem());
        assertEquals("account-not-closable", assertThrows(CommandRefusedException.class, () ->
                account(limit("100.00"), deposit("d1", "20.00")).keeping()
                        .changeStatus(new ChangeStatus(AccountStatus.CLOSED, null), NOW)).problem());
        assertEquals(List.of(new AccountClosed("moved away")), account(limit("100.00")).keeping()
                .changeStatus(new ChangeStatus(AccountStatus.CLOSED, "moved away"), NOW).events());
    }

    @Test
    void a_closed_account_cannot_be_reactivated_or_changed() {
        CreditAccount closed = account(limit("100.00"), new AccountClosed(null));

        assertEquals("account-closed", assertThrows(CommandRefusedException.class, () -> closed.keeping()
                .changeStatus(new ChangeStatus(AccountStatus.OPEN, null), NOW)).problem());
        assertEquals("account-closed", assertThrows(CommandRefusedException.class, () -> closed.keeping()
                .setCreditLimit(cad("5.00"))).problem());
    }
}
