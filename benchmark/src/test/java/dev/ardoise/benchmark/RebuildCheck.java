package dev.ardoise.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.localstack.DevTokens;
import dev.ardoise.testing.ReadModelDump;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * invoice-service's read models rebuilt from the whole topic end equal, row by row, to what the live projection
 * made; balances keep being answered meanwhile.
 */
final class RebuildCheck {
    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(30);

    private final Http operator;
    private final Http viewer;
    private final String invoices;
    private final Report report;

    RebuildCheck(String invoices, DevTokens tokens, Report report) {
        this.operator = new Http(tokens.of("OPERATOR").user("benchmark-operator").sign());
        this.viewer = new Http(tokens.of("VIEWER").user("benchmark-back-office").sign());
        this.invoices = invoices;
        this.report = report;
    }

    /** @return events/s of the rebuild as the benchmark saw it */
    double run(DataSource database, List<UUID> accountIds) throws Exception {
        reconcile();
        long dumping = System.nanoTime();
        String live = ReadModelDump.all(database);
        report.line("Live read models reconciled with account-events (no differences), then dumped: %,d rows in %s."
                .formatted(live.lines().count(), Latencies.seconds(System.nanoTime() - dumping)));

        AtomicBoolean querying = new AtomicBoolean(true);
        AtomicInteger failed = new AtomicInteger();
        Latencies queries = new Latencies();
        Thread balances = new Thread(() -> queryBalances(accountIds, querying, queries, failed), "balance-queries");
        balances.start();
        JsonNode progress;
        long start = System.nanoTime();
        try {
            progress = rebuild();
        } finally {
            querying.set(false);
            balances.join();
        }
        long elapsed = System.nanoTime() - start;
        String rebuilt = ReadModelDump.all(database);
        report.line("");
        report.tableHead();
        report.row("rebuild, as the benchmark saw it (POST until GET says DONE)", progress.path("recordsRead").asLong(),
                elapsed, "events", null);
        report.row("rebuild, as invoice-service reports it (`elapsedMillis`, %s events/s, %d accounts, %d rounds)"
                        .formatted(progress.path("eventsPerSecond").asText(), progress.path("accounts").asInt(),
                                progress.path("rounds").asInt()),
                progress.path("recordsRead").asLong(),
                TimeUnit.MILLISECONDS.toNanos(progress.path("elapsedMillis").asLong()),
                "events", null);
        report.row("balance queries during the rebuild (%d failed)".formatted(failed.get()), queries.count(), elapsed,
                "queries", queries);
        boolean equal = live.equals(rebuilt);
        report.line("");
        report.line("Rebuilt read models equal to the live ones, row by row (%,d rows): **%s**."
                .formatted(rebuilt.lines().count(),
                        equal ? "yes" : "NO, " + ReadModelDump.firstDifference(live, rebuilt)));

        assertEquals(0, failed.get(), "every balance query during the rebuild was answered");
        assertTrue(queries.count() > 0, "balances were queried during the rebuild");
        assertTrue(equal, () -> ReadModelDump.firstDifference(live, rebuilt));
        return Latencies.perSecond(progress.path("recordsRead").asLong(), elapsed);
    }

    /**
     * The reconciliation folds account-events on its own: no differences means the live projection is complete.
     * Asked until it finds none; the last one's time and batches are reported. It runs in invoice-service at the
     * stack's heap (local-stack Service.MEMORY_OPTIONS).
     */
    void reconcile() {
        long start = System.nanoTime();
        while (true) {
            long asked = System.nanoTime();
            Http.Answer reconciled = operator.post(invoices + "/admin/reconciliation", Map.of());
            if (reconciled.status() == 200 && reconciled.body().path("differences").isEmpty()) {
                report.line("Reconciliation: %,d accounts, no differences, in %d batch(es), in %s (invoice-service at "
                        .formatted(reconciled.body().path("accountsChecked").asInt(),
                                reconciled.body().path("batches").asInt(),
                                Latencies.seconds(System.nanoTime() - asked)) + "the stack's heap).");
                return;
            }
            if (System.nanoTime() - start > TIMEOUT_NANOS) {
                throw new AssertionError("the live read models never reconciled: " + reconciled.body());
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        }
    }

    private JsonNode rebuild() {
        Http.Answer started = operator.post(invoices + "/admin/rebuild", Map.of());
        assertEquals(202, started.status(), () -> "rebuild not started: " + started.body());
        String rebuildId = started.text("rebuildId");
        long start = System.nanoTime();
        while (System.nanoTime() - start < TIMEOUT_NANOS) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            JsonNode progress = operator.get(invoices + "/admin/rebuild").body();
            if (!rebuildId.equals(progress.path("rebuildId").asText())) {
                throw new AssertionError("another rebuild answered: " + progress);
            }
            String state = progress.path("state").asText();
            if ("DONE".equals(state)) {
                return progress;
            }
            if ("FAILED".equals(state)) {
                throw new AssertionError("the rebuild failed: " + progress);
            }
        }
        throw new AssertionError("the rebuild did not end in 30 minutes");
    }

    private void queryBalances(List<UUID> accountIds, AtomicBoolean querying, Latencies latencies,
                               AtomicInteger failed) {
        for (int i = 0; querying.get(); i++) {
            UUID accountId = accountIds.get(i % accountIds.size());
            Http.Answer balance = viewer.get(invoices + "/accounts/" + accountId + "/balance");
            latencies.add(balance.elapsedNanos());
            if (balance.status() != 200) {
                failed.incrementAndGet();
            }
        }
    }
}
