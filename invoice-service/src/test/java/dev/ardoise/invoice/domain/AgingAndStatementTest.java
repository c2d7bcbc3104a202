package dev.ardoise.invoice.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgingAndStatementTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
    private static final UUID ACCOUNT = UUID.randomUUID();

    @Test
    void owed_amounts_fall_in_buckets_by_days_past_due() {
        Aging aging = Aging.none("CAD")
                .with(AS_OF, AS_OF, new BigDecimal("10.00"))
                .with(AS_OF, AS_OF.minusDays(1), new BigDecimal("20.00"))
                .with(AS_OF, AS_OF.minusDays(30), new BigDecimal("30.00"))
                .with(AS_OF, AS_OF.minusDays(31), new BigDecimal("40.00"))
                .with(AS_OF, AS_OF.minusDays(60), new BigDecimal("50.00"))
                .with(AS_OF, AS_OF.minusDays(61), new BigDecimal("60.00"))
                .with(AS_OF, AS_OF.minusDays(90), new BigDecimal("70.00"))
                .with(AS_OF, AS_OF.minusDays(91), new BigDecimal("80.00"));

        assertEquals(new BigDecimal("10.00"), aging.current());
        assertEquals(new BigDecimal("50.00"), aging.days1To30());
        assertEquals(new BigDecimal("90.00"), aging.days31To60());
        assertEquals(new BigDecimal("130.00"), aging.days61To90());
        assertEquals(new BigDecimal("80.00"), aging.over90());
        assertEquals(new BigDecimal("360.00"), aging.total());
        assertEquals(new BigDecimal("350.00"), aging.pastDue());
    }

    @Test
    void a_statement_runs_from_the_opening_balance_and_skips_moves_within_the_deposit() {
        List<LedgerEntry> entries = List.of(
                entry(3, LocalDate.of(2026, 10, 3), LedgerType.PAYMENT, "300.00", "0.00"),
                entry(4, LocalDate.of(2026, 10, 5), LedgerType.DEPOSIT_APPLIED, "0.00", "-20.00"),
                entry(5, LocalDate.of(2026, 10, 12), LedgerType.CHARGE, "-120.50", "0.00"));

        Statement statement = Statement.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                new BigDecimal("-700.00"), entries);

        assertEquals(2, statement.lines().size());
        assertEquals(new BigDecimal("-400.00"), statement.lines().get(0).runningBalance());
        assertEquals(new BigDecimal("-520.50"), statement.lines().get(1).runningBalance());
        assertEquals(new BigDecimal("-520.50"), statement.closingBalance());
        assertEquals(new BigDecimal("120.50"), statement.totalCharges());
        assertEquals(new BigDecimal("300.00"), statement.totalCredits());
    }

    private static LedgerEntry entry(long version, LocalDate date, LedgerType type, String amount, String deposit) {
        return new LedgerEntry(ACCOUNT, version, date, type, "R-" + version, type.name(), new BigDecimal(amount),
                new BigDecimal(deposit));
    }
}
