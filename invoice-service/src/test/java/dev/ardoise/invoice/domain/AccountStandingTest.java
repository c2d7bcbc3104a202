package dev.ardoise.invoice.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountStandingTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private static AccountBalance owing(String owed) {
        return new AccountBalance(UUID.randomUUID(), "MAIN", "C-1", "Marie", "CAD", new BigDecimal("1000.00"),
                new BigDecimal(owed), new BigDecimal("0.00"), new BigDecimal("0.00"), AccountStatus.OPEN);
    }

    private static Invoice due(String amount, LocalDate dueDate) {
        return Invoice.of("I-" + amount, new BigDecimal(amount), new BigDecimal("0.00"), dueDate);
    }

    @Test
    void settled_when_nothing_is_owed() {
        AccountStanding standing = AccountStanding.on(TODAY, owing("0.00"), List.of());

        assertEquals(BalanceStatus.SETTLED, standing.status());
        assertEquals(new BigDecimal("0.00"), standing.overdue());
    }

    @Test
    void outstanding_when_owed_but_nothing_past_due() {
        AccountStanding standing = AccountStanding.on(TODAY, owing("700.00"),
                List.of(due("400.00", TODAY), due("300.00", TODAY.plusDays(30))));

        assertEquals(BalanceStatus.OUTSTANDING, standing.status());
        assertEquals(new BigDecimal("0.00"), standing.overdue());
    }

    @Test
    void overdue_counts_only_invoices_past_their_due_date_as_of_the_day() {
        List<Invoice> invoices = List.of(due("400.00", TODAY.minusDays(1)), due("300.00", TODAY.plusDays(1)));

        AccountStanding today = AccountStanding.on(TODAY, owing("700.00"), invoices);
        AccountStanding twoDaysLater = AccountStanding.on(TODAY.plusDays(2), owing("700.00"), invoices);

        assertEquals(BalanceStatus.OVERDUE, today.status());
        assertEquals(new BigDecimal("400.00"), today.overdue());
        assertEquals(new BigDecimal("700.00"), twoDaysLater.overdue());
    }

    @Test
    void paid_invoices_are_never_overdue() {
        Invoice paid = Invoice.of("I-1", new BigDecimal("50.00"), new BigDecimal("50.00"), TODAY.minusDays(40));

        AccountStanding standing = AccountStanding.on(TODAY, owing("0.00"), List.of(paid));

        assertEquals(BalanceStatus.SETTLED, standing.status());
        assertEquals(new BigDecimal("0.00"), standing.overdue());
    }
}
