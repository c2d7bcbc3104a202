package dev.ardoise.account.domain;

import dev.ardoise.events.AccountSuspended;
import dev.ardoise.events.AccountClosed;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.ChargeOverrideGranted;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.ardoise.account.domain.Given.MOMENT;
import static dev.ardoise.account.domain.Given.NOW;
import static dev.ardoise.account.domain.Given.TODAY;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.cad;
import static dev.ardoise.account.domain.Given.charged;
import static dev.ardoise.account.domain.Given.deposit;
import static dev.ardoise.account.domain.Given.hold;
import static dev.ardoise.account.domain.Given.invoice;
import static dev.ardoise.account.domain.Given.limit;
import static dev.ardoise.account.domain.Given.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given past events, when a sale is charged, then a SaleCharged (and maybe a DepositApplied) or a decline. */
class ChargingTest {

    private static SaleCharged charge(CreditAccount account, ChargeSale sale) {
        return account.selling().charge(sale, invoice("MAIN-000009"), MOMENT, OverdueRule.OFF)
                .first(SaleCharged.class).orElseThrow();
    }

    private static ChargeDeclinedException declined(CreditAccount account, ChargeSale sale, OverdueRule rule) {
        return assertThrows(ChargeDeclinedException.class,
                () -> account.selling().charge(sale, invoice("MAIN-000009"), MOMENT, rule));
    }

    @Test
    void the_merchants_worked_example() {
        CreditAccount account = account(limit("1000.00"), charged("s1", "400.00"), charged("s2", "300.00"),
                deposit("d1", "200.00"));

        assertEquals(cad("-700.00"), account.balance());
        assertEquals(cad("200.00"), account.depositBalance());
        assertEquals(cad("300.00"), account.available());
        assertEquals(5, account.version());
    }

    @Test
    void a_sale_within_the_available_credit_becomes_an_invoice_due_by_its_terms() {
        SaleCharged sale = charge(account(limit("1000.00"), charged("s1", "700.00")), sale("s2", "300.00"));

        assertEquals(cad("300.00"), sale.amount());
        assertEquals("MAIN-000009", sale.invoiceNumber());
        assertEquals(TODAY, sale.issuedOn());
        assertEquals(LocalDate.of(2026, 12, 29), sale.dueDate());
        assertEquals("R1", sale.registerId());
    }

    @Test
    void lines_with_tax_add_up_to_the_total() {
        ChargeSale withTax = new ChargeSale("s1", cad("57.48"), List.of(
                new ChargeSale.SaleLine("Paint 4 L", cad("2"), cad("24.99"), cad("7.50"))),
                PaymentTerms.NET_30, null, null);

        SaleCharged sale = charge(account(limit("100.00")), withTax);

        assertEquals(List.of(new InvoiceLine("Paint 4 L", cad("2"), cad("24.99"), cad("49.98"), cad("7.50"))),
                sale.lines());
    }

    @Test
    void lines_that_do_not_add_up_to_the_amount_are_refused_naming_lines() {
        ChargeSale twoPots = new ChargeSale("s1", cad("50.00"),
                List.of(new ChargeSale.SaleLine("Paint 4 L", cad("2"), cad("24.99"))), PaymentTerms.NET_30, null, null);

        InvalidCommandException refusal = assertThrows(InvalidCommandException.class,
                () -> charge(account(limit("1000.00")), twoPots));

        assertEquals("lines", refusal.field());
        assertTrue(refusal.reason().contains("49.98"), refusal.reason());
    }

    @Test
    void refuses_zero_and_fractions_of_a_cent() {
        CreditAccount account = account(limit("1000.00"));

        assertEquals("amount", assertThrows(InvalidCommandException.class,
                () -> charge(account, sale("s1", "0.00"))).field());
        assertEquals("amount", assertThrows(InvalidCommandException.class,
                () -> charge(account, sale("s1", "10.005"))).field());
    }

    @Test
    void custom_terms_need_a_due_date_not_in_the_past() {
        CreditAccount account = account(limit("1000.00"));

        assertEquals(TODAY.plusDays(45), charge(account, new ChargeSale("s1", cad("10"), List.of(),
                PaymentTerms.CUSTOM, TODAY.plusDays(45), null)).dueDate());
        assertEquals("dueDate", assertThrows(InvalidCommandException.class, () -> charge(account,
                new ChargeSale("s2", cad("10"), List.of(), PaymentTerms.CUSTOM, null, null))).field());
        assertEquals("dueDate", assertThrows(InvalidCommandException.class, () -> charge(account,
                new ChargeSale("s3", cad("10"), List.of(), PaymentTerms.CUSTOM, TODAY.minusDays(1), null))).field());
        assertEquals("dueDate", assertThrows(InvalidCommandException.class, () -> charge(account,
                new ChargeSale("s4", cad("10"), List.of(), PaymentTerms.NET_15, TODAY, null))).field());
    }

    @Nested
    class Declines {
        @Test
        void one_cent_over_the_available_credit_is_declined_with_the_available_amount() {
            CreditAccount account = account(limit("1000.00"), charged("s1", "400.00"), charged("s2", "300.00"),
                    deposit("d1", "200.00"));

            ChargeDeclinedException declined = declined(account, sale("s3", "300.01"), OverdueRule.OFF);

            assertEquals(DeclineReason.OVER_AVAILABLE, declined.reason());
            assertEquals(cad("300.00"), declined.available());
        }

        @Test
        void an_account_without_a_limit_cannot_charge() {
            ChargeDeclinedException declined = declined(account(), sale("s1", "1.00"), OverdueRule.OFF);

            assertEquals(DeclineReason.NO_CREDIT_LIMIT, declined.reason());
            assertEquals(cad("0.00"), declined.available());
        }

        @Test
        void a_limit_lowered_below_what_is_owed_blocks_new_charges() {
            CreditAccount account = account(limit("1000.00"), charged("s1", "800.00"), limit("500.00"));

            assertEquals(cad("0.00"), account.available());
            assertEquals(DeclineReason.OVER_AVAILABLE, declined(account, sale("s2", "0.01"), OverdueRule.OFF).reason());
        }

        @Test
        void deposits_do_not_raise_the_available_credit() {
            CreditAccount account = account(limit("100.00"), deposit("d1", "500.00"));

            assertEquals(DeclineReason.OVER_AVAILABLE, declined(account, sale("s1", "100.01"), OverdueRule.OFF)
                    .reason());
        }

        @Test
        void a_suspended_account_declines() {
            ChargeDeclinedException declined = declined(account(limit("100.00"), new AccountSuspended("late")),
                    sale("s1", "1.00"), OverdueRule.OFF);

            assertEquals(DeclineReason.ACCOUNT_SUSPENDED, declined.reason());
        }

        @Test
        void a_closed_account_declines() {
            assertEquals(DeclineReason.ACCOUNT_CLOSED, declined(account(limit("100.00"), new AccountClosed(null)),
                    sale("s1", "1.00"), OverdueRule.OFF).reason());
        }

        @Test
        void the_store_rule_blocks_charges_when_an_invoice_is_more_than_n_days_overdue() {
            // issued 45 days ago on NET_30: 15 days overdue
            CreditAccount account = account(limit("1000.00"), charged("s1", "100.00", TODAY.minusDays(45)));

            ChargeDeclinedException declined = declined(account, sale("s2", "10.00"), new OverdueRule(14));

            assertEquals(DeclineReason.OVERDUE_INVOICES, declined.reason());
            assertEquals(cad("900.00"), declined.available());
            assertEquals(cad("10.00"), charge(account, sale("s2", "10.00")).amount());
            assertEquals(cad("10.00"), account.selling().charge(sale("s2", "10.00"), invoice("n"), MOMENT,
                    new OverdueRule(15)).first(SaleCharged.class).orElseThrow().amount());
        }
    }

    @Nested
    class Idempotency {
        @Test
        void the_same_sale_again_answers_the_first_charge() {
            CreditAccount account = account(limit("1000.00"), charged("s1", "400.00"));

            Decision replay = account.selling().previousCharge(sale("s1", "400.00")).orElseThrow();

            assertTrue(replay.replayed());
            assertEquals(List.of(charged("s1", "400.00")), replay.events());
            assertTrue(account.selling().previousCharge(sale("s2", "400.00")).isEmpty());
        }

        @Test
        void the_same_sale_id_for_another_amount_is_a_conflict() {
            CreditAccount account = account(limit("1000.00"), charged("s1", "400.00"));

            assertEquals("s1", assertThrows(IdempotencyConflictException.class,
                    () -> account.selling().previousCharge(sale("s1", "401.00"))).key());
        }
    }

    @Nested
    class Holds {
        @Test
        void a_capture_releases_the_whole_hold_and_may_charge_up_to_the_hold_plus_available() {
            CreditAccount account = account(limit("1000.00"), hold("h1", "500.00", NOW.plusSeconds(600)));
            assertEquals(cad("500.00"), account.available());

            SaleCharged sale = charge(account, sale("s1", "800.00", "h1", null, null));
            account.apply(sale);

            assertEquals("h1", sale.holdId());
            assertEquals(cad("0.00"), account.held());
            assertEquals(cad("200.00"), account.available());
        }

        @Test
        void a_capture_over_the_hold_plus_available_is_declined_with_what_it_could_be() {
            CreditAccount account = account(limit("1000.00"), hold("h1", "500.00", NOW.plusSeconds(600)));

            ChargeDeclinedException declined = declined(account, sale("s1", "1000.01", "h1", null, null),
                    OverdueRule.OFF);

            assertEquals(cad("1000.00"), declined.available());
        }

        @Test
        void a_voided_hold_cannot_be_captured() {
            CreditAccount account = account(limit("1000.00"), hold("h1", "500.00", NOW.plusSeconds(600)),
                    new dev.ardoise.events.CreditHoldVoided("h1", cad("500.00"), null));

            assertEquals(DeclineReason.HOLD_ENDED, declined(account, sale("s1", "10.00", "h1", null, null),
                    OverdueRule.OFF).reason());
        }

        @Test
        void an_unknown_hold_is_refused_naming_hold_id() {
            assertEquals("holdId", assertThrows(InvalidCommandException.class,
                    () -> charge(account(limit("10.00")), sale("s1", "1.00", "nope", null, null))).field());
        }

        @Test
        void another_registers_hold_lowers_what_this_one_may_charge() {
            CreditAccount account = account(limit("1000.00"), hold("h1", "600.00", NOW.plusSeconds(600)));

            assertEquals(cad("400.00"), declined(account, sale("s1", "400.01"), OverdueRule.OFF).available());
        }

        @Test
        void a_hold_past_its_expiry_no_longer_counts_when_deciding() {
            CreditAccount account = account(limit("1000.00"), hold("h1", "600.00", NOW.minusSeconds(1)));

            assertEquals(cad("1000.00"), charge(account, sale("s1", "1000.00")).amount());
        }
    }

    @Nested
    class Overrides {
        private final ChargeOverrideGranted granted = new ChargeOverrideGranted("o1", cad("250.00"),
                "TRUSTED_CUSTOMER", null, NOW.plusSeconds(3600));

        @Test
        void an_override_allows_one_charge_over_the_limit_up_to_its_amount() {
            CreditAccount account = account(limit("100.00"), granted);

            SaleCharged sale = charge(account, sale("s1", "250.00", null, "o1", null));
            account.apply(sale);

            assertEquals("o1", sale.overrideId());
            assertEquals(DeclineReason.OVERRIDE_NOT_USABLE, declined(account, sale("s2", "200.00", null, "o1", null),
                    OverdueRule.OFF).reason());
        }

        @Test
        void an_override_passes_the_overdue_rule() {
            CreditAccount account = account(limit("1000.00"), charged("s0", "100.00", TODAY.minusDays(90)), granted);

            assertEquals("o1", account.selling().charge(sale("s1", "50.00", null, "o1", null), invoice("n"), MOMENT,
                    new OverdueRule(0)).first(SaleCharged.class).orElseThrow().overrideId());
        }

        @Test
        void an_override_allows_no_more_than_its_amount() {
            assertEquals(DeclineReason.OVERRIDE_NOT_USABLE, declined(account(limit("100.00"), granted),
                    sale("s1", "250.01", null, "o1", null), OverdueRule.OFF).reason());
        }

        @Test
        void a_lapsed_override_allows_nothing() {
            CreditAccount account = account(limit("100.00"), new ChargeOverrideGranted("o1", cad("250.00"), "X",
                    null, NOW.minusSeconds(1)));

            assertEquals(DeclineReason.OVERRIDE_NOT_USABLE, declined(account, sale("s1", "200.00", null, "o1", null),
                    OverdueRule.OFF).reason());
        }

        @Test
        void an_override_does_not_give_credit_to_an_account_without_a_limit() {
            assertEquals(DeclineReason.NO_CREDIT_LIMIT, declined(account(granted), sale("s1", "1.00", null, "o1", null),
                    OverdueRule.OFF).reason());
        }
    }

    @Nested
    class DepositAtTheTill {
        @Test
        void part_of_the_sale_paid_from_the_deposit_follows_the_sale_on_its_invoice() {
            CreditAccount account = account(limit("100.00"), deposit("d1", "150.00"));

            Decision decision = account.selling().charge(sale("s1", "200.00", null, null, "150.00"),
                    invoice("MAIN-000001"), MOMENT, OverdueRule.OFF);
            decision.events().forEach(account::apply);

            assertEquals(new DepositApplied("s1", cad("150.00"),
                            List.of(new Allocation("inv-MAIN-000001", "MAIN-000001", cad("150.00")))),
                    decision.events().get(1));
            assertEquals(cad("-50.00"), account.balance());
            assertEquals(cad("0.00"), account.depositBalance());
            assertEquals(cad("50.00"), account.available());
        }

        @Test
        void a_sale_paid_wholly_from_the_deposit_needs_no_limit() {
            Decision decision = account(deposit("d1", "20.00")).selling().charge(sale("s1", "20.00", null, null,
                    "20.00"), invoice("n"), MOMENT, OverdueRule.OFF);

            assertEquals(2, decision.events().size());
        }

        @Test
        void more_than_the_deposit_balance_is_declined() {
            ChargeDeclinedException declined = declined(account(limit("100.00"), deposit("d1", "20.00")),
                    sale("s1", "50.00", null, null, "20.01"), OverdueRule.OFF);

            assertEquals(DeclineReason.INSUFFICIENT_DEPOSIT, declined.reason());
        }

        @Test
        void the_replay_of_a_sale_with_a_deposit_answers_both_events() {
            CreditAccount account = account(limit("100.00"), deposit("d1", "150.00"));
            account.selling().charge(sale("s1", "200.00", null, null, "150.00"), invoice("n"), MOMENT,
                    OverdueRule.OFF).events().forEach(account::apply);

            Decision replay = account.selling().previousCharge(sale("s1", "200.00")).orElseThrow();

            assertEquals(2, replay.events().size());
            assertFalse(replay.first(DepositApplied.class).isEmpty());
            assertNull(replay.first(SaleCharged.class).orElseThrow().holdId());
        }
    }
}
