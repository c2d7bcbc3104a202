package dev.ardoise.account.domain;

import dev.ardoise.events.AccountEvent;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import static dev.ardoise.account.domain.Given.TODAY;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.charged;
import static dev.ardoise.account.domain.Given.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A copy of a kept account costs the same however long its history: every charge copies the kept account, so a
 * copy that grew with the history would make an old customer's charge slower than a new one's. Measured in bytes
 * allocated by this thread, not in time: a copy that shares its invoices and outcomes takes a few hundred bytes,
 * one that copies them took ~1.25 MB for 10,000 charges.
 */
class LongHistoryCopyTest {
    private static final int CHARGES = 10_000;
    private static final int COPIES = 1_000;
    private static final long MOST_BYTES_PER_COPY = 10_000;

    @Test
    void copying_an_account_of_ten_thousand_charges_takes_a_few_hundred_bytes_not_its_history() {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        CreditAccount kept = withCharges(CHARGES);
        // the last copies stay reachable, so that no copy can be optimized away, without holding a thousand of them
        CreditAccount[] lastCopies = new CreditAccount[16];
        copy(kept, lastCopies); // classes loaded and code compiled before measuring

        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        copy(kept, lastCopies);
        long perCopy = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / COPIES;

        assertTrue(perCopy < MOST_BYTES_PER_COPY, perCopy + " bytes allocated per copy");
        assertEquals(CHARGES, lastCopies[0].invoices().outstanding().size());
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "this JVM does not count allocated bytes");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count the bytes a thread allocates");
        return counter;
    }

    private static CreditAccount withCharges(int count) {
        List<AccountEvent> history = new ArrayList<>(List.of(limit("1000000.00")));
        for (int i = 0; i < count; i++) {
            history.add(charged("past-" + i, "10.00", TODAY.minusDays(i % 20)));
        }
        return account(history.toArray(AccountEvent[]::new));
    }

    private static void copy(CreditAccount kept, CreditAccount[] lastCopies) {
        for (int i = 0; i < COPIES; i++) {
            lastCopies[i % lastCopies.length] = kept.copy();
        }
    }
}
