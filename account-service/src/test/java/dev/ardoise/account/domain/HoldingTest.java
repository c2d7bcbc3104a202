package dev.ardoise.account.domain;

import dev.ardoise.account.domain.Commands.GrantOverride;
import dev.ardoise.account.domain.Commands.PlaceHold;
import dev.ardoise.account.domain.Commands.VoidHold;
import dev.ardoise.events.AccountSuspended;
import dev.ardoise.events.ChargeOverrideGranted;
import dev.ardoise.events.CreditHoldExpired;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.ardoise.account.domain.Given.MOMENT;
import static dev.ardoise.account.domain.Given.NOW;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.cad;
import static dev.ardoise.account.domain.Given.charged;
import static dev.ardoise.account.domain.Given.hold;
import static dev.ardoise.account.domain.Given.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credit holds and overrides: given past events, when placed, voided, expired or granted, then events or refusals. */
class HoldingTest {
    private static final Instant LATER = NOW.plusSeconds(900);

    private static PlaceHold place(String holdId, String amount) {
        return new PlaceHold(holdId, cad(amount), LATER, "MAIN", "R1");
    }

    @Test
    void a_hold_reserves_credit_for_every_other_register_at_once() {
        CreditAccount account = account(limit("1000.00"), charged("s1", "200.00"));

        Decision decision = account.selling().placeHold(place("h1", "500.00"), MOMENT, OverdueRule.OFF);
        decision.events().forEach(account::apply);

        assertEquals(List.of(new CreditHoldPlaced("h1", cad("500.00"), LATER, "MAIN", "R1")), decision.events());
        assertEquals(cad("500.00"), account.held());
        assertEquals(cad("300.00"), account.available());
    }

    @Test
    void a_hold_over_the_available_credit_is_declined_with_the_available_amount() {
        ChargeDeclinedException declined = assertThrows(ChargeDeclinedException.class, () ->
                account(limit("1000.00"), hold("h0", "800.00", LATER)).selling()
                        .placeHold(place("h1", "200.01"), MOMENT, OverdueRule.OFF));

        assertEquals(DeclineReason.OVER_AVAILABLE, declined.reason());
        assertEquals(cad("200.00"), declined.available());
    }

    @Test
    void a_suspended_account_or_one_without_a_limit_takes_no_hold() {
        assertEquals(DeclineReason.ACCOUNT_SUSPENDED, assertThrows(ChargeDeclinedException.class, () ->
                account(limit("10.00"), new AccountSuspended(null)).selling()
                        .placeHold(place("h1", "1.00"), MOMENT, OverdueRule.OFF)).reason());
        assertEquals(DeclineReason.NO_CREDIT_LIMIT, assertThrows(ChargeDeclinedException.class, () ->
                account().selling().placeHold(place("h1", "1.00"), MOMENT, OverdueRule.OFF)).reason());
    }

    @Test
    void a_hold_that_expires_now_or_before_is_refused() {
        assertEquals("expiresInSeconds", assertThrows(InvalidCommandException.class, () ->
                account(limit("10.00")).selling().placeHold(new PlaceHold("h1", cad("1.00"), NOW, null, null),
                        MOMENT, OverdueRule.OFF)).field());
    }

    @Test
    void the_same_hold_again_answers_the_first_and_another_amount_is_a_conflict() {
        CreditAccount account = account(limit("1000.00"), hold("h1", "500.00", LATER));

        assertTrue(account.selling().placeHold(place("h1", "500.00"), MOMENT, OverdueRule.OFF).replayed());
        assertThrows(IdempotencyConflictException.class,
                () -> account.selling().placeHold(place("h1", "400.00"), MOMENT, OverdueRule.OFF));
    }

    @Test
    void voiding_releases_the_hold_and_voiding_again_answers_the_first_void() {
        CreditAccount account = account(limit("1000.00"), hold("h1", "500.00", LATER));

        Decision voided = account.selling().voidHold(new VoidHold("h1", "paid by card"), NOW);
        voided.events().forEach(account::apply);

        assertEquals(List.of(new CreditHoldVoided("h1", cad("500.00"), "paid by card")), voided.events());
        assertEquals(cad("1000.00"), account.available());
        assertTrue(account.selling().voidHold(new VoidHold("h1", null), NOW).replayed());
    }

    @Test
    void a_captured_hold_cannot_be_voided() {
        CreditAccount account = account(limit("1000.00"), hold("h1", "500.00", LATER),
                new dev.ardoise.events.SaleCharged("s1", "i1", "MAIN-1", cad("500.00"), List.of(),
                        dev.ardoise.events.PaymentTerms.NET_30, Given.TODAY, Given.TODAY, "MAIN", "R1", "h1", null));

        assertEquals("hold-ended", assertThrows(CommandRefusedException.class,
                () -> account.selling().voidHold(new VoidHold("h1", null), NOW)).problem());
        assertThrows(InvalidCommandException.class, () -> account.selling().voidHold(new VoidHold("h9", null), NOW));
    }

    @Test
    void a_lapsed_hold_expires_once_and_a_live_one_does_not() {
        CreditAccount account = account(limit("1000.00"), hold("h1", "500.00", LATER));

        assertEquals(List.of(), account.selling().expireHold("h1", NOW).events());
        Decision expired = account.selling().expireHold("h1", LATER);
        assertEquals(List.of(new CreditHoldExpired("h1", cad("500.00"))), expired.events());
        expired.events().forEach(account::apply);
        assertEquals(List.of(), account.selling().expireHold("h1", LATER.plusSeconds(60)).events());
        assertEquals(cad("1000.00"), account.available());
    }

    @Test
    void a_manager_grants_an_override_that_lapses() {
        Decision granted = account(limit("100.00")).selling().grantOverride(
                new GrantOverride("o1", cad("250"), "TRUSTED_CUSTOMER", "builder", LATER), NOW);

        assertEquals(List.of(new ChargeOverrideGranted("o1", cad("250.00"), "TRUSTED_CUSTOMER", "builder", LATER)),
                granted.events());
        assertThrows(InvalidCommandException.class, () -> account(limit("100.00")).selling().grantOverride(
                new GrantOverride("o1", cad("250"), "X", null, NOW), NOW));
    }
}
