package dev.ardoise.account.domain;

import dev.ardoise.events.AccountEvent;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static dev.ardoise.account.domain.Given.MOMENT;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.charged;
import static dev.ardoise.account.domain.Given.limit;
import static dev.ardoise.account.domain.Given.sale;

/**
 * Not a test: a plain JVM loop, run by hand, that decides a charge on a kept account and applies it to a copy (what
 * CreditAccounts does for every charge), on an account of 20 past charges and on one of 10,000. Prints the mean
 * microseconds and bytes allocated per charge. Run after test-compile with the module's test classpath:
 * {@code java -cp ... dev.ardoise.account.domain.LongHistoryChargeLoop}.
 */
public final class LongHistoryChargeLoop {
    private static final OverdueRule RULE = new OverdueRule(60);

    private LongHistoryChargeLoop() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        CreditAccount young = withCharges(20);
        CreditAccount old = withCharges(10_000);
        for (int round = 1; round <= rounds; round++) {
            double[] youngFigures = measure(young, 5_000);
            double[] oldFigures = measure(old, 5_000);
            System.out.printf("round %d: 20 charges %.1f us %.0f B | 10,000 charges %.1f us %.0f B | ratio %.2f%n",
                    round, youngFigures[0], youngFigures[1], oldFigures[0], oldFigures[1],
                    oldFigures[0] / youngFigures[0]);
        }
    }

    private static CreditAccount withCharges(int count) {
        List<AccountEvent> history = new ArrayList<>(List.of(limit("1000000.00")));
        for (int i = 0; i < count; i++) {
            history.add(charged("past-" + i, "10.00", Given.TODAY.minusDays(i % 20)));
        }
        return account(history.toArray(AccountEvent[]::new));
    }

    /** Mean microseconds and bytes allocated per charge decided and applied on {@code kept}. */
    private static double[] measure(CreditAccount kept, int charges) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long sink = 0;
        long bytesBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        for (int i = 0; i < charges; i++) {
            ChargeSale command = sale("new-" + i, "25.00");
            if (kept.selling().previousCharge(command).isPresent()) {
                throw new IllegalStateException("sale already charged");
            }
            Decision decision = kept.selling().charge(command, new InvoiceIdentity("inv-new-" + i, "N-" + i, "MAIN"),
                    MOMENT, RULE);
            CreditAccount after = kept.copy();
            decision.events().forEach(after::apply);
            sink += after.version();
        }
        long elapsed = System.nanoTime() - start;
        long bytes = threads.getThreadAllocatedBytes(thread) - bytesBefore;
        if (sink == 0) {
            throw new IllegalStateException();
        }
        return new double[] {elapsed / 1000.0 / charges, (double) bytes / charges};
    }
}
