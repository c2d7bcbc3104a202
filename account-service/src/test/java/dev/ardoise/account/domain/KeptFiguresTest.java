package dev.ardoise.account.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.SaleRefunded;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dev.ardoise.account.domain.Given.TODAY;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.charged;
import static dev.ardoise.account.domain.Given.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The owed total, the most days overdue and the outstanding list are kept as events apply: after a long random
 * history of every event that changes an invoice they equal a walk of all the invoices, on the account and on
 * copies taken along the way (which keep the figures of the moment they were taken).
 */
class KeptFiguresTest {
    private static final List<LocalDate> DAYS = List.of(TODAY, TODAY.minusDays(200), TODAY.plusDays(200));

    private final Random random = new Random(20261202);
    private final List<String> invoiceIds = new ArrayList<>();

    @Test
    void the_kept_figures_equal_a_walk_of_all_invoices_after_a_long_random_history() {
        CreditAccount account = account(limit("1000000.00"));
        List<CreditAccount> copies = new ArrayList<>();
        List<Figures> copiedFigures = new ArrayList<>();
        for (int step = 0; step < 4_000; step++) {
            account.apply(next(account, step));
            if (step % 25 == 0) {
                assertEquals(walk(account), Figures.kept(account), "after step " + step);
            }
            if (step % 500 == 0) {
                copies.add(account.copy());
                copiedFigures.add(walk(account));
            }
        }
        for (int i = 0; i < copies.size(); i++) {
            assertEquals(copiedFigures.get(i), Figures.kept(copies.get(i)), "copy " + i);
            assertEquals(copiedFigures.get(i), walk(copies.get(i)), "copy " + i);
        }
    }

    @Test
    void the_most_days_overdue_is_negative_only_while_every_invoice_is_outstanding_and_none_is_due() {
        CreditAccount account = account(limit("1000.00"), charged("s1", "100.00"));

        assertEquals(-30, account.invoices().mostDaysOverdue(TODAY));
        account.apply(charged("s2", "50.00", TODAY.minusDays(5)));
        account.apply(new PaymentReceived("p1", new BigDecimal("50.00"), "CASH", null,
                List.of(new Allocation("inv-s2", "MAIN-s2", new BigDecimal("50.00")))));
        assertEquals(0, account.invoices().mostDaysOverdue(TODAY));
        assertEquals(0, account(limit("1000.00")).invoices().mostDaysOverdue(TODAY));
    }

    /** What every figure is by a walk of all the invoices, as the account computed it before it kept them. */
    private Figures walk(CreditAccount account) {
        List<Invoice> all = invoiceIds.stream().map(id -> account.invoices().find(id)).flatMap(Optional::stream)
                .toList();
        BigDecimal owed = all.stream().map(Invoice::owed).reduce(account.zero(), BigDecimal::add);
        List<Long> overdue = DAYS.stream()
                .map(day -> all.stream().mapToLong(invoice -> invoice.daysOverdue(day)).max().orElse(0)).toList();
        List<String> outstanding = all.stream().filter(Invoice::isOutstanding)
                .sorted(Comparator.comparing(Invoice::issuedOn).thenComparing(Invoice::invoiceNumber))
                .map(invoice -> invoice.invoiceId() + "=" + invoice.owed()).toList();
        return new Figures(owed, overdue, outstanding);
    }

    private record Figures(BigDecimal owed, List<Long> mostDaysOverdue, List<String> outstanding) {
        static Figures kept(CreditAccount account) {
            return new Figures(account.owed(),
                    DAYS.stream().map(day -> account.invoices().mostDaysOverdue(day)).toList(),
                    account.invoices().outstanding().stream()
                            .map(invoice -> invoice.invoiceId() + "=" + invoice.owed()).toList());
        }
    }

    private AccountEvent next(CreditAccount account, int step) {
        List<Invoice> outstanding = account.invoices().outstanding();
        int kind = random.nextInt(10);
        if (kind < 3 || outstanding.isEmpty()) {
            return charge(step);
        }
        Invoice invoice = outstanding.get(random.nextInt(outstanding.size()));
        Invoice any = account.invoices().find(invoiceIds.get(random.nextInt(invoiceIds.size()))).orElseThrow();
        String id = "e" + step;
        BigDecimal part = upTo(invoice.owed());
        List<Allocation> onInvoice = List.of(new Allocation(invoice.invoiceId(), invoice.invoiceNumber(), part));
        BigDecimal fee = amount();
        return switch (kind) {
            case 3 -> new PaymentReceived(id, part, "CASH", null, onInvoice);
            case 4 -> new DepositApplied(id, part, onInvoice);
            case 5 -> new BalanceAdjusted(id, AdjustmentDirection.CREDIT, part, "GOODWILL", null, onInvoice);
            case 6 -> any.writtenOff() ? charge(step) : new BalanceAdjusted(id, AdjustmentDirection.DEBIT, fee, "FEE",
                    null, List.of(new Allocation(any.invoiceId(), any.invoiceNumber(), fee)));
            case 7 -> refund(id, any, step);
            case 8 -> new DebtWrittenOff(id, invoice.invoiceId(), invoice.invoiceNumber(), invoice.owed(), "BAD_DEBT",
                    null);
            default -> charge(step);
        };
    }

    private AccountEvent refund(String id, Invoice invoice, int step) {
        if (invoice.writtenOff() || invoice.refundable().signum() <= 0) {
            return charge(step);
        }
        BigDecimal amount = upTo(invoice.refundable());
        return new SaleRefunded(id, invoice.invoiceId(), invoice.invoiceNumber(), amount, amount.min(invoice.owed()),
                "DAMAGED");
    }

    /** A sale issued on one of 120 days, due up to 60 days later, its number shared by others (ties in order). */
    private SaleCharged charge(int step) {
        String invoiceId = "inv-" + step;
        invoiceIds.add(invoiceId);
        LocalDate issuedOn = TODAY.minusDays(random.nextInt(120));
        return new SaleCharged("s" + step, invoiceId, "N-" + (step % 50), amount(), List.of(), PaymentTerms.CUSTOM,
                issuedOn, issuedOn.plusDays(random.nextInt(61)), "MAIN", null);
    }

    /** Sometimes all of {@code most}, else part of it. */
    private BigDecimal upTo(BigDecimal most) {
        BigDecimal some = amount();
        return random.nextBoolean() || some.compareTo(most) >= 0 ? most : some;
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(1 + random.nextInt(50_000), 2);
    }
}
