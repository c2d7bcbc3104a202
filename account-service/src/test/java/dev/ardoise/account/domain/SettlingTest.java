package dev.ardoise.account.domain;

import dev.ardoise.account.domain.Commands.AdjustBalance;
import dev.ardoise.account.domain.Commands.ApplyDeposit;
import dev.ardoise.account.domain.Commands.ReceivePayment;
import dev.ardoise.account.domain.Commands.RefundSale;
import dev.ardoise.account.domain.Commands.ReturnDeposit;
import dev.ardoise.account.domain.Commands.WriteOffDebt;
import dev.ardoise.events.AccountClosed;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.DepositReturned;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.SaleRefunded;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ardoise.account.domain.Given.TODAY;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.cad;
import static dev.ardoise.account.domain.Given.charged;
import static dev.ardoise.account.domain.Given.deposit;
import static dev.ardoise.account.domain.Given.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deposits, payments, refunds, adjustments and write-offs: given past events, when a command, then events. */
class SettlingTest {
    private static Allocation on(String saleId, String amount) {
        return new Allocation("inv-" + saleId, "MAIN-" + saleId, cad(amount));
    }

    private static CreditAccount owing() {
        // s1 issued before s2: oldest first
        return account(limit("1000.00"), charged("s2", "300.00", TODAY), charged("s1", "400.00", TODAY.minusDays(3)));
    }

    private static String refusal(Runnable command) {
        return assertThrows(CommandRefusedException.class, command::run).problem();
    }

    @Nested
    class Deposits {
        @Test
        void a_deposit_adds_to_the_deposit_balance() {
            assertEquals(List.of(new DepositAdded("d2", cad("50.00"), DepositPurpose.SPECIAL_ORDER, "order 42")),
                    account(deposit("d1", "200.00")).settling().addDeposit(new AddDeposit("d2", cad("50"),
                            DepositPurpose.SPECIAL_ORDER, "order 42")).events());
        }

        @Test
        void the_same_deposit_again_is_replayed_and_another_amount_is_a_conflict() {
            CreditAccount account = account(deposit("d1", "200.00"));

            assertTrue(account.settling().addDeposit(new AddDeposit("d1", cad("200.00"), DepositPurpose.LAYAWAY,
                    null)).replayed());
            assertThrows(IdempotencyConflictException.class, () -> account.settling().addDeposit(
                    new AddDeposit("d1", cad("20.00"), DepositPurpose.LAYAWAY, null)));
        }

        @Test
        void refuses_a_negative_deposit() {
            assertThrows(InvalidCommandException.class, () -> account().settling().addDeposit(
                    new AddDeposit("d1", cad("-5.00"), DepositPurpose.OTHER, null)));
        }

        @Test
        void deposit_balance_pays_the_oldest_invoices_first() {
            CreditAccount account = owing();
            account.apply(deposit("d1", "500.00"));

            Decision applied = account.settling().applyDeposit(new ApplyDeposit("a1", cad("500.00"), null));
            applied.events().forEach(account::apply);

            assertEquals(List.of(new DepositApplied("a1", cad("500.00"), List.of(on("s1", "400.00"),
                    on("s2", "100.00")))), applied.events());
            assertEquals(cad("-200.00"), account.balance());
            assertEquals(cad("0.00"), account.depositBalance());
        }

        @Test
        void applying_more_than_the_deposit_balance_or_than_is_owed_is_refused() {
            CreditAccount account = owing();
            account.apply(deposit("d1", "800.00"));

            assertEquals("more-than-owed", refusal(() -> account.settling().applyDeposit(
                    new ApplyDeposit("a1", cad("700.01"), null))));
            assertEquals("more-than-owed", refusal(() -> account.settling().applyDeposit(
                    new ApplyDeposit("a1", cad("300.01"), "inv-s2"))));
            assertEquals("insufficient-deposit-balance", refusal(() -> account(limit("10.00"), deposit("d", "5.00"))
                    .settling().applyDeposit(new ApplyDeposit("a1", cad("5.01"), null))));
        }

        @Test
        void deposit_balance_is_returned_but_never_more_than_there_is() {
            CreditAccount account = account(deposit("d1", "200.00"));

            assertEquals(List.of(new DepositReturned("r1", cad("200.00"), "CASH", "layaway cancelled")),
                    account.settling().returnDeposit(new ReturnDeposit("r1", cad("200"), "CASH",
                            "layaway cancelled")).events());
            assertEquals("insufficient-deposit-balance", refusal(() -> account.settling().returnDeposit(
                    new ReturnDeposit("r1", cad("200.01"), "CASH", null))));
        }
    }

    @Nested
    class Payments {
        @Test
        void a_payment_with_no_invoice_named_pays_the_oldest_first_partially() {
            Decision paid = owing().settling().receivePayment(new ReceivePayment("p1", cad("450.00"), "CHEQUE",
                    "cheque 42", null));

            assertEquals(List.of(new PaymentReceived("p1", cad("450.00"), "CHEQUE", "cheque 42",
                    List.of(on("s1", "400.00"), on("s2", "50.00")))), paid.events());
        }

        @Test
        void a_payment_pays_the_invoice_it_names() {
            assertEquals(List.of(on("s2", "100.00")), owing().settling().receivePayment(
                    new ReceivePayment("p1", cad("100.00"), "CASH", null, "inv-s2")).first(PaymentReceived.class)
                    .orElseThrow().allocations());
        }

        @Test
        void an_overpayment_becomes_a_credit_note() {
            CreditAccount account = owing();

            Decision paid = account.settling().receivePayment(new ReceivePayment("p1", cad("750.00"), "CASH", null,
                    null));
            paid.events().forEach(account::apply);

            assertEquals(new CreditNoteIssued("p1", cad("50.00"), CreditNoteOrigin.OVERPAYMENT, "p1", null),
                    paid.events().get(1));
            assertEquals(cad("0.00"), account.balance());
            assertEquals(cad("50.00"), account.depositBalance());
            assertEquals(cad("1000.00"), account.available());
        }

        @Test
        void the_same_payment_again_answers_both_first_events() {
            CreditAccount account = owing();
            account.settling().receivePayment(new ReceivePayment("p1", cad("750.00"), "CASH", null, null)).events()
                    .forEach(account::apply);

            Decision replay = account.settling().receivePayment(new ReceivePayment("p1", cad("750.00"), "CASH", null,
                    null));

            assertTrue(replay.replayed());
            assertEquals(2, replay.events().size());
            assertThrows(IdempotencyConflictException.class, () -> account.settling().receivePayment(
                    new ReceivePayment("p1", cad("75.00"), "CASH", null, null)));
            assertThrows(IdempotencyConflictException.class, () -> account.settling().receivePayment(
                    new ReceivePayment("p1", cad("750.00"), "CARD", null, null)));
        }

        @Test
        void a_payment_naming_an_unknown_invoice_is_refused_naming_invoice_id() {
            assertEquals("invoiceId", assertThrows(InvalidCommandException.class, () -> owing().settling()
                    .receivePayment(new ReceivePayment("p1", cad("1.00"), "CASH", null, "nope"))).field());
        }
    }

    @Nested
    class Refunds {
        @Test
        void a_refund_lowers_what_is_still_owed_and_the_paid_part_becomes_a_credit_note() {
            CreditAccount account = owing();
            account.apply(new PaymentReceived("p1", cad("300.00"), "CASH", null, List.of(on("s1", "300.00"))));

            Decision refunded = account.settling().refund(new RefundSale("rf1", "inv-s1", cad("250.00"), "RETURNED"));
            refunded.events().forEach(account::apply);

            assertEquals(List.of(new SaleRefunded("rf1", "inv-s1", "MAIN-s1", cad("250.00"), cad("100.00"),
                            "RETURNED"),
                    new CreditNoteIssued("rf1", cad("150.00"), CreditNoteOrigin.REFUND, "rf1", "inv-s1")),
                    refunded.events());
            assertEquals(cad("-300.00"), account.balance());
            assertEquals(cad("150.00"), account.depositBalance());
        }

        @Test
        void never_more_than_the_invoice_total_less_earlier_refunds() {
            CreditAccount account = owing();
            account.apply(new SaleRefunded("rf1", "inv-s1", "MAIN-s1", cad("300.00"), cad("300.00"), null));

            assertEquals("refund-over-invoice", refusal(() -> account.settling().refund(
                    new RefundSale("rf2", "inv-s1", cad("100.01"), null))));
        }
    }

    @Nested
    class RefundsAfterCredits {
        @Test
        void a_credited_part_is_not_money_the_customer_gets_back_as_a_credit_note() {
            CreditAccount account = owing();
            account.apply(new BalanceAdjusted("adj1", AdjustmentDirection.CREDIT, cad("50.00"), "GOODWILL", null,
                    List.of(on("s1", "50.00"))));

            assertEquals("refund-over-invoice", refusal(() -> account.settling().refund(
                    new RefundSale("rf1", "inv-s1", cad("350.01"), null))));
            assertEquals(List.of(new SaleRefunded("rf1", "inv-s1", "MAIN-s1", cad("350.00"), cad("350.00"), null)),
                    account.settling().refund(new RefundSale("rf1", "inv-s1", cad("350.00"), null)).events());
        }
    }

    @Nested
    class DepositAppliedAtTheTill {
        @Test
        void applying_again_with_the_sale_id_as_key_replays_the_application_made_with_the_sale() {
            CreditAccount account = account(limit("1000.00"), deposit("d1", "200.00"),
                    charged("s1", "400.00", TODAY));
            account.apply(new DepositApplied("s1", cad("150.00"), List.of(on("s1", "150.00"))));

            Decision again = account.settling().applyDeposit(new ApplyDeposit("s1", cad("150.00"), null));

            assertTrue(again.replayed());
            assertEquals(cad("50.00"), account.depositBalance());
        }
    }

    @Nested
    class AdjustmentsAndWriteOffs {
        @Test
        void a_credit_adjustment_is_allocated_like_a_payment_but_never_more_than_is_owed() {
            CreditAccount account = owing();

            assertEquals(List.of(new BalanceAdjusted("adj1", AdjustmentDirection.CREDIT, cad("450.00"), "GOODWILL",
                            null, List.of(on("s1", "400.00"), on("s2", "50.00")))),
                    account.settling().adjust(new AdjustBalance("adj1", AdjustmentDirection.CREDIT, cad("450"),
                            "GOODWILL", null, null)).events());
            assertEquals("more-than-owed", refusal(() -> account.settling().adjust(new AdjustBalance("adj1",
                    AdjustmentDirection.CREDIT, cad("700.01"), "GOODWILL", null, null))));
        }

        @Test
        void a_debit_adjustment_raises_what_is_owed_on_the_named_invoice() {
            CreditAccount account = owing();

            account.settling().adjust(new AdjustBalance("adj1", AdjustmentDirection.DEBIT, cad("15.00"), "FEE",
                    "late fee", "inv-s2")).events().forEach(account::apply);

            assertEquals(cad("-715.00"), account.balance());
            assertEquals("invoiceId", assertThrows(InvalidCommandException.class, () -> account.settling().adjust(
                    new AdjustBalance("adj2", AdjustmentDirection.DEBIT, cad("1"), "FEE", null, null))).field());
        }

        @Test
        void a_write_off_zeroes_what_is_still_owed_on_the_invoice() {
            CreditAccount account = owing();
            account.apply(new PaymentReceived("p1", cad("100.00"), "CASH", null, List.of(on("s1", "100.00"))));

            Decision writeOff = account.settling().writeOff(new WriteOffDebt("w1", "inv-s1", "UNCOLLECTABLE", null));
            writeOff.events().forEach(account::apply);

            assertEquals(List.of(new DebtWrittenOff("w1", "inv-s1", "MAIN-s1", cad("300.00"), "UNCOLLECTABLE", null)),
                    writeOff.events());
            assertEquals(cad("-300.00"), account.balance());
            assertEquals("invoice-written-off", refusal(() -> account.settling().writeOff(
                    new WriteOffDebt("w2", "inv-s1", "X", null))));
            assertEquals(List.of(), account.settling().receivePayment(new ReceivePayment("p2", cad("1.00"), "CASH",
                    null, "inv-s1")).first(PaymentReceived.class).orElseThrow().allocations());
        }

        @Test
        void a_paid_invoice_has_nothing_to_write_off() {
            CreditAccount account = account(limit("100.00"), charged("s1", "10.00"),
                    new PaymentReceived("p1", cad("10.00"), "CASH", null, List.of(on("s1", "10.00"))));

            assertEquals("nothing-owed", refusal(() -> account.settling().writeOff(
                    new WriteOffDebt("w1", "inv-s1", "X", null))));
        }
    }

    @Test
    void a_closed_account_accepts_nothing_more() {
        CreditAccount account = account(limit("100.00"), new AccountClosed(null));

        assertEquals("account-closed", refusal(() -> account.settling().receivePayment(
                new ReceivePayment("p1", cad("1.00"), "CASH", null, null))));
        assertEquals("account-closed", refusal(() -> account.settling().addDeposit(
                new AddDeposit("d1", cad("1.00"), DepositPurpose.OTHER, null))));
    }
}
