package dev.ardoise.invoice.domain;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccountBalanceTest {
    private static final UUID ACCOUNT = UUID.randomUUID();

    private static AccountBalance opened() {
        return AccountBalance.opened(ACCOUNT, new AccountOpened("C-1", "Marie Tremblay", null, false, "fr-CA", "CAD"));
    }

    private static SaleCharged charge(String amount) {
        LocalDate today = LocalDate.of(2025, 3, 1);
        return new SaleCharged("S-" + amount, "I-" + amount, "MAIN-1", new BigDecimal(amount), List.of(),
                PaymentTerms.NET_30, today, today.plusDays(30), "MAIN", "R1");
    }

    private static DepositAdded deposit(String amount) {
        return new DepositAdded("D-1", new BigDecimal(amount), DepositPurpose.LAYAWAY, null);
    }

    @Test
    void a_new_account_owes_nothing_and_has_no_limit() {
        AccountBalance account = opened();

        assertNull(account.creditLimit());
        assertEquals(new BigDecimal("0.00"), account.balance());
        assertEquals(new BigDecimal("0.00"), account.depositBalance());
        assertEquals(new BigDecimal("0.00"), account.available());
        assertEquals("CAD", account.currency());
    }

    @Test
    void the_merchants_worked_example() {
        AccountBalance account = opened()
                .apply(new CreditLimitSet(new BigDecimal("1000.00"), null))
                .apply(charge("400.00"))
                .apply(charge("300.00"))
                .apply(deposit("200.00"));

        assertEquals(new BigDecimal("-700.00"), account.balance());
        assertEquals(new BigDecimal("700.00"), account.owed());
        assertEquals(new BigDecimal("200.00"), account.depositBalance());
        assertEquals(new BigDecimal("300.00"), account.available());
        assertEquals(new BigDecimal("1000.00"), account.creditLimit());
    }

    @Test
    void deposits_do_not_add_to_available_credit() {
        AccountBalance account = opened()
                .apply(new CreditLimitSet(new BigDecimal("100.00"), null))
                .apply(deposit("500.00"));

        assertEquals(new BigDecimal("100.00"), account.available());
        assertEquals(new BigDecimal("500.00"), account.depositBalance());
    }

    @Test
    void available_is_never_below_zero_when_the_limit_is_lowered_under_what_is_owed() {
        AccountBalance account = opened()
                .apply(new CreditLimitSet(new BigDecimal("1000.00"), null))
                .apply(charge("800.00"))
                .apply(new CreditLimitSet(new BigDecimal("500.00"), new BigDecimal("1000.00")));

        assertEquals(new BigDecimal("0.00"), account.available());
        assertEquals(new BigDecimal("-800.00"), account.balance());
    }

    @Test
    void without_a_limit_nothing_is_available_even_with_deposits() {
        AccountBalance account = opened().apply(deposit("50.00"));

        assertEquals(new BigDecimal("0.00"), account.available());
    }

    @Test
    void amounts_keep_two_decimals() {
        AccountBalance account = opened().apply(charge("12.5")).apply(charge("0.1"));

        assertEquals("-12.60", account.balance().toPlainString());
    }

    @Test
    void a_second_opening_is_refused() {
        AccountBalance account = opened();

        assertThrows(IllegalStateException.class,
                () -> account.apply(new AccountOpened("C-1", "Marie", null, false, "fr-CA", "CAD")));
    }

    @Test
    void fractions_of_a_cent_are_refused_rather_than_rounded() {
        AccountBalance account = opened();

        assertThrows(ArithmeticException.class, () -> account.charged(new BigDecimal("1.005")));
    }
}
