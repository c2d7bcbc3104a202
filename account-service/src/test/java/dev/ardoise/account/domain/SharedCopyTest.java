package dev.ardoise.account.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.ChargeOverrideGranted;
import dev.ardoise.events.CreditHoldExpired;
import dev.ardoise.events.CreditHoldVoided;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.SaleRefunded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static dev.ardoise.account.domain.Given.NOW;
import static dev.ardoise.account.domain.Given.TODAY;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.cad;
import static dev.ardoise.account.domain.Given.charged;
import static dev.ardoise.account.domain.Given.deposit;
import static dev.ardoise.account.domain.Given.hold;
import static dev.ardoise.account.domain.Given.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A copy shares the invoices, holds, overrides and idempotency outcomes of the account it was made from: whatever one
 * side applies afterwards, for every event that changes an invoice, ends a hold or uses an override, never shows on
 * the other.
 */
class SharedCopyTest {
    private static final Allocation ON_S1 = new Allocation("inv-s1", "MAIN-s1", cad("100.00"));

    static Stream<Arguments> invoiceChanges() {
        return Stream.of(
                Arguments.of(new PaymentReceived("p1", cad("100.00"), "CASH", null, List.of(ON_S1)),
                        "payment", "p1", "300.00"),
                Arguments.of(new BalanceAdjusted("a1", AdjustmentDirection.CREDIT, cad("100.00"), "GOODWILL", null,
                        List.of(ON_S1)), "adjustment", "a1", "300.00"),
                Arguments.of(new BalanceAdjusted("a2", AdjustmentDirection.DEBIT, cad("100.00"), "FEE", null,
                        List.of(ON_S1)), "adjustment", "a2", "500.00"),
                Arguments.of(new SaleRefunded("r1", "inv-s1", "MAIN-s1", cad("100.00"), cad("100.00"), "DAMAGED"),
                        "refund", "r1", "300.00"),
                Arguments.of(new DebtWrittenOff("w1", "inv-s1", "MAIN-s1", cad("400.00"), "BAD_DEBT", null),
                        "write-off", "w1", "0.00"),
                Arguments.of(new DepositApplied("ap1", cad("100.00"), List.of(ON_S1)),
                        "application", "ap1", "300.00"));
    }

    private static CreditAccount original() {
        return account(limit("1000.00"), charged("s1", "400.00", TODAY.minusDays(40)), charged("s2", "300.00"),
                deposit("d1", "100.00"));
    }

    @ParameterizedTest
    @MethodSource("invoiceChanges")
    void what_a_copy_applies_never_shows_on_the_original(AccountEvent change, String kind, String key,
                                                          String owedAfter) {
        CreditAccount original = original();

        CreditAccount copy = original.copy();
        copy.apply(change);

        assertUntouched(original, kind, key);
        assertChanged(copy, kind, key, owedAfter);
    }

    @ParameterizedTest
    @MethodSource("invoiceChanges")
    void what_the_original_applies_after_a_copy_never_shows_on_the_copy(AccountEvent change, String kind,
                                                                       String key, String owedAfter) {
        CreditAccount original = original();

        CreditAccount copy = original.copy();
        original.apply(change);

        assertUntouched(copy, kind, key);
        assertChanged(original, kind, key, owedAfter);
    }

    @Test
    void a_credit_note_completing_a_payment_on_a_copy_is_not_replayed_by_the_original() {
        CreditAccount original = account(limit("1000.00"), charged("s1", "400.00"),
                new PaymentReceived("p1", cad("500.00"), "CASH", null,
                        List.of(new Allocation("inv-s1", "MAIN-s1", cad("400.00")))));

        CreditAccount copy = original.copy();
        copy.apply(new CreditNoteIssued("p1", cad("100.00"), CreditNoteOrigin.OVERPAYMENT, "p1", null));

        assertEquals(1, replayed(original, "payment", "p1").size());
        assertEquals(2, replayed(copy, "payment", "p1").size());
        assertEquals(cad("0.00"), original.depositBalance());
        assertEquals(cad("100.00"), copy.depositBalance());
    }

    @Test
    void a_sale_charged_on_a_copy_is_neither_an_invoice_nor_an_outcome_of_the_original() {
        CreditAccount original = original();

        CreditAccount copy = original.copy();
        copy.apply(charged("s3", "50.00"));

        assertTrue(original.invoices().find("inv-s3").isEmpty());
        assertFalse(original.selling().previousCharge(Given.sale("s3", "50.00")).isPresent());
        assertEquals(cad("700.00"), original.owed());
        assertEquals(cad("750.00"), copy.owed());
        assertEquals(3, copy.invoices().outstanding().size());
    }

    static Stream<Arguments> holdEnds() {
        return Stream.of(
                Arguments.of(new SaleCharged("s9", "inv-s9", "MAIN-s9", cad("60.00"), List.of(), PaymentTerms.NET_30,
                        TODAY, TODAY.plusDays(30), "MAIN", "R1", "h1", null), Hold.State.CAPTURED),
                Arguments.of(new CreditHoldVoided("h1", cad("60.00"), "customer left"), Hold.State.VOIDED),
                Arguments.of(new CreditHoldExpired("h1", cad("60.00")), Hold.State.EXPIRED));
    }

    @ParameterizedTest
    @MethodSource("holdEnds")
    void a_hold_ended_on_either_side_of_a_copy_still_holds_on_the_other(AccountEvent end, Hold.State state) {
        CreditAccount original = account(limit("1000.00"), hold("h1", "60.00", NOW.plusSeconds(600)),
                hold("h2", "40.00", NOW.plusSeconds(600)));
        CreditAccount copy = original.copy();
        CreditAccount otherOriginal = account(limit("1000.00"), hold("h1", "60.00", NOW.plusSeconds(600)),
                hold("h2", "40.00", NOW.plusSeconds(600)));
        CreditAccount otherCopy = otherOriginal.copy();

        copy.apply(end);
        otherOriginal.apply(end);

        for (CreditAccount untouched : List.of(original, otherCopy)) {
            assertEquals(Hold.State.HELD, untouched.holds().find("h1").orElseThrow().state());
            assertEquals(List.of("h1", "h2"), untouched.holds().open().stream().map(Hold::holdId).toList());
            assertEquals(cad("100.00"), untouched.held());
            assertEquals(cad("100.00"), untouched.heldAt(NOW));
        }
        for (CreditAccount ended : List.of(copy, otherOriginal)) {
            assertEquals(state, ended.holds().find("h1").orElseThrow().state());
            assertEquals(List.of("h2"), ended.holds().open().stream().map(Hold::holdId).toList());
            assertEquals(cad("40.00"), ended.held());
            assertEquals(cad("40.00"), ended.heldAt(NOW));
        }
    }

    @Test
    void an_override_used_on_a_copy_is_still_usable_on_the_original() {
        CreditAccount original = account(limit("100.00"),
                new ChargeOverrideGranted("o1", cad("500.00"), "REGULAR", null, NOW.plusSeconds(600)));

        CreditAccount copy = original.copy();
        copy.apply(new SaleCharged("s1", "inv-s1", "MAIN-s1", cad("300.00"), List.of(), PaymentTerms.NET_30, TODAY,
                TODAY.plusDays(30), "MAIN", "R1", null, "o1"));

        assertTrue(copy.override("o1").orElseThrow().used());
        assertFalse(original.override("o1").orElseThrow().used());
        assertTrue(original.override("o1").orElseThrow().usableAt(NOW));
    }

    private static void assertUntouched(CreditAccount account, String kind, String key) {
        assertEquals(cad("400.00"), account.invoices().find("inv-s1").orElseThrow().owed());
        assertEquals(cad("700.00"), account.owed());
        assertEquals(List.of("inv-s1", "inv-s2"), outstandingIds(account));
        assertEquals(10, account.invoices().mostDaysOverdue(TODAY));
        assertTrue(replayed(account, kind, key).isEmpty());
    }

    private static void assertChanged(CreditAccount account, String kind, String key, String owedAfter) {
        BigDecimal owed = cad(owedAfter);
        assertEquals(owed, account.invoices().find("inv-s1").orElseThrow().owed());
        assertEquals(owed.add(cad("300.00")), account.owed());
        boolean stillOwing = owed.signum() > 0;
        assertEquals(stillOwing ? List.of("inv-s1", "inv-s2") : List.of("inv-s2"), outstandingIds(account));
        assertEquals(stillOwing ? 10 : 0, account.invoices().mostDaysOverdue(TODAY));
        assertEquals(1, replayed(account, kind, key).size());
    }

    private static List<String> outstandingIds(CreditAccount account) {
        return account.invoices().outstanding().stream().map(Invoice::invoiceId).toList();
    }

    private static List<AccountEvent> replayed(CreditAccount account, String kind, String key) {
        return account.previous(kind, "key", key, AccountEvent.class, first -> true)
                .map(Decision::events).orElse(List.of());
    }
}
