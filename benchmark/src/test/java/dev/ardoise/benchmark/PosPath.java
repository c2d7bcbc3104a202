package dev.ardoise.benchmark;

import dev.ardoise.localstack.DevTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The register's path: charges to account-service over HTTP, one client then eight at once, and how long until
 * invoice-service's balance shows a charge (the projection lag). About a minute and a half in all.
 */
final class PosPath {
    private static final long SEQUENTIAL_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long CONCURRENT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int CLIENTS = 8;
    private static final int WARM_UP_CHARGES = 100;
    private static final int LAG_SAMPLES = 30;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long LAG_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private final Http cashier;
    private final Http manager;
    private final Http viewer;
    private final String accounts;
    private final String invoices;
    private final Report report;
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> failureSamples = new ArrayList<>();

    PosPath(String accounts, String invoices, DevTokens tokens, Report report) {
        this.cashier = new Http(tokens.of("CASHIER").user("benchmark-cashier").register("B1").sign());
        this.manager = new Http(tokens.of("MANAGER").user("benchmark-manager").sign());
        this.viewer = new Http(tokens.of("VIEWER").user("benchmark-back-office").sign());
        this.accounts = accounts;
        this.invoices = invoices;
        this.report = report;
    }

    void run() throws Exception {
        String register = openAccount();
        for (int i = 0; i < WARM_UP_CHARGES; i++) {
            charge(register);
        }
        report.line("Accounts opened by a manager with a 1,000,000.00 limit; %d charges first to warm the JVMs up "
                .formatted(WARM_UP_CHARGES) + "(not counted). Each charge is 1.00, a new `saleId`, no lines.");
        report.line("");
        report.tableHead();
        sequential(register);
        concurrent();
        projectionLag(register);
    }

    /** Answers that were not 201 (the benchmark fails on any, after writing its report). */
    int failures() {
        return failures.get();
    }

    synchronized List<String> failureSamples() {
        return List.copyOf(failureSamples);
    }

    private void sequential(String account) {
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        while (System.nanoTime() - start < SEQUENTIAL_NANOS) {
            latencies.add(charge(account).elapsedNanos());
        }
        report.row("(a) charges, 1 client, sequential", latencies.count(), System.nanoTime() - start, "commands",
                latencies);
    }

    private void concurrent() throws Exception {
        List<String> accountIds = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            accountIds.add(openAccount());
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            List<Future<Latencies>> results = new ArrayList<>();
            for (String account : accountIds) {
                results.add(clients.submit(() -> {
                    Latencies latencies = new Latencies();
                    while (System.nanoTime() - start < CONCURRENT_NANOS) {
                        latencies.add(charge(account).elapsedNanos());
                    }
                    return latencies;
                }));
            }
            Latencies all = new Latencies();
            for (Future<Latencies> result : results) {
                all.addAll(result.get());
            }
            report.row("(b) charges, %d clients at once, one account each".formatted(CLIENTS), all.count(),
                    System.nanoTime() - start, "commands", all);
        } finally {
            clients.shutdownNow();
        }
    }

    /** From a charge's answer until invoice-service answers the balance at that charge's version. */
    private void projectionLag(String account) {
        Latencies lags = new Latencies();
        long start = System.nanoTime();
        for (int i = 0; i < LAG_SAMPLES; i++) {
            Http.Answer charged = charge(account);
            long answered = System.nanoTime();
            long version = charged.body().path("version").asLong();
            while (projectedVersion(account) < version) {
                if (System.nanoTime() - answered > LAG_TIMEOUT_NANOS) {
                    throw new IllegalStateException("invoice-service did not reach version " + version);
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            lags.add(System.nanoTime() - answered);
        }
        report.row("(c) projection lag: charge answered -> invoice-service balance at its version "
                        + "(polled every 5 ms)", LAG_SAMPLES,
                System.nanoTime() - start, "samples", lags);
    }

    private long projectedVersion(String account) {
        Http.Answer balance = viewer.get(invoices + "/accounts/" + account + "/balance");
        return balance.status() == 200 ? balance.body().path("version").asLong() : 0;
    }

    private String openAccount() {
        Http.Answer opened = manager.post(accounts + "/accounts", Map.of("customerId", "C-" + UUID.randomUUID(),
                "name", "Benchmark Customer", "emailConsent", false, "language", "en", "currency", "CAD",
                "creditLimit", "1000000.00"));
        if (opened.status() != 201) {
            throw new IllegalStateException("cannot open an account: " + opened);
        }
        return opened.text("accountId");
    }

    private Http.Answer charge(String account) {
        Http.Answer answer = cashier.post(accounts + "/accounts/" + account + "/charges",
                Map.of("saleId", "B-" + UUID.randomUUID(), "amount", "1.00"));
        if (answer.status() != 201) {
            failures.incrementAndGet();
            synchronized (this) {
                if (failureSamples.size() < 5) {
                    failureSamples.add(answer.status() + " " + answer.body());
                }
            }
        }
        return answer;
    }
}
