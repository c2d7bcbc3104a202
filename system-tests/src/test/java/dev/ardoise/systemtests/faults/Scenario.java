package dev.ardoise.systemtests.faults;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One fault under load: the scenario's own customers are opened, the registers sell for {@link #BEFORE}, the fault is
 * applied (and ended), they sell {@link #AFTER} more, then stop (each operation answered or given up), and the
 * {@link Books} are checked. Every step is bounded, so a scenario ends by itself.
 */
final class Scenario {
    static final Duration BEFORE = Duration.ofSeconds(5);
    static final Duration AFTER = Duration.ofSeconds(5);
    static final int PER_SECOND = 20;
    /**
     * The emails are counted for the last time this long after the fault ended: past FaultStack's 40 s
     * SENDER_SENDING_TIMEOUT, after which an email claimed by a killed sender is sent again.
     */
    static final Duration MAIL_SETTLES = Duration.ofSeconds(40);

    /** One line of the report: what was sent during the fault, and what the books say after it. */
    record Row(String fault, int sent, long sentAgain, long accepted, long declined, long neverAnswered, long lost,
               long doubled, long overLimit, long missingEmails, long duplicateEmails, long copiesSentAgain,
               double faultSeconds,
               double recoverSeconds, double mailSeconds, List<String> problems) {
        boolean clean() {
            return problems.isEmpty();
        }

        /** The registers sold, and the books found nothing. */
        void assertClean() {
            assertTrue(accepted > 0, "the registers sold: " + markdown());
            assertTrue(clean(), () -> "the books after " + fault + ":\n" + String.join("\n", problems));
        }

        String markdown() {
            return "| %s | %,d | %,d | %,d | %,d | %,d | %d | %d | %d | %d | %d | %d | %.1f s | %.1f s | %.1f s |"
                    .formatted(fault, sent, sentAgain, accepted, declined, neverAnswered, lost, doubled, overLimit,
                    missingEmails, duplicateEmails, copiesSentAgain, faultSeconds, recoverSeconds, mailSeconds);
        }
    }

    static final String TABLE_HEAD = """
            | fault | operations sent | of them sent again | accepted | declined | never answered | lost | doubled | over limit | emails missing | duplicate emails | email copies sent again (same Message-ID) | fault lasted | readers current after the load | last email in after that |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|""";

    private Scenario() {
    }

    /** @param prefix makes the scenario's stores its own (letters and digits) */
    static Row run(FaultStack stack, String prefix, Fault fault, long seed) throws Exception {
        Customers customers = Customers.open(stack, prefix);
        List<Registers.Operation> operations;
        long start;
        long faultNanos;
        try (Registers registers = Registers.start(stack, customers, PER_SECOND, seed)) {
            Fault.pause(BEFORE);
            start = System.nanoTime();
            fault.apply(stack, customers);
            faultNanos = System.nanoTime() - start;
            Fault.pause(AFTER);
            operations = registers.stop();
        }
        Books.Findings books = new Books(stack, customers, operations, fault.mailBefore(),
                start + faultNanos + MAIL_SETTLES.toNanos()).check();
        long sentAgain = operations.stream().filter(operation -> operation.attempts() > 1).count();
        Row row = new Row(fault.name(), operations.size(), sentAgain, count(operations, Registers.Outcome.ACCEPTED),
                count(operations, Registers.Outcome.DECLINED), count(operations, Registers.Outcome.NEVER_ANSWERED),
                books.lost, books.doubled, books.overLimit, books.missingEmails, books.duplicateEmails,
                books.copiesSentAgain, faultNanos / 1e9, books.readersSeconds, books.mailSeconds, List.copyOf(books.problems));
        System.out.println(TABLE_HEAD + "\n" + row.markdown() + (row.clean() ? "" : "\n" + row.problems()));
        return row;
    }

    private static long count(List<Registers.Operation> operations, Registers.Outcome outcome) {
        return operations.stream().filter(operation -> operation.outcome() == outcome).count();
    }
}
