package dev.ardoise.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Charges over HTTP as many registers send them: the sweep to the sustainable maximum, the load at half of it, and
 * a charge on a long-lived account against one on a new account.
 */
final class Charges {
    private final Shop shop;
    private final Sizes sizes;
    private final Report report;
    private final List<String> failureSamples = new ArrayList<>();
    private List<Shop.Account> accounts = List.of();
    private final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();

    Charges(Shop shop, Sizes sizes, Report report) {
        this.shop = shop;
        this.sizes = sizes;
        this.report = report;
    }

    void openAccounts() {
        long start = System.nanoTime();
        accounts = shop.open(sizes.accounts(), Math.min(sizes.maxInFlight(), 32), false);
        report.line("%,d accounts opened by the stores' managers (limit %s each) in %s, over %d stores; %d registers "
                .formatted(accounts.size(), Shop.CREDIT_LIMIT, Latencies.seconds(System.nanoTime() - start),
                        sizes.stores(), sizes.registersPerStore())
                + "per store. Hot set: 20%% of the charges on the first 1%% of the accounts (%,d).".formatted(
                sizes.hotAccounts()));
    }

    List<Shop.Account> accounts() {
        return accounts;
    }

    /** @return the sustainable maximum, charges/s: the median of the sweeps' */
    double sweep(String label, Sweep.Settle settle) throws Exception {
        Sweep sweep = new Sweep(report, settle);
        double maximum = sweep.median(label, sizes.sweeps(), sizes.sweepStart(), sizes.sweepLimit(), sizes.step(),
                sizes.maxInFlight(), this::charge);
        failed.addAndGet(sweep.failed());
        return maximum;
    }

    /** The load at {@code rate} for the half run; the caller measures freshness meanwhile. */
    OpenLoop.Result steady(double rate) {
        OpenLoop.Result result = OpenLoop.run(rate, sizes.halfRun(), sizes.maxInFlight(), this::charge);
        failed.addAndGet(result.failed());
        return result;
    }

    CompletableFuture<OpenLoop.Outcome> charge(long i) {
        SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        Shop.Account account = shop.pick(accounts, sizes.hotAccounts(), random);
        return shop.charge(account, shop.register(account, random), random).handle((answer, error) -> {
            OpenLoop.Outcome outcome = error == null ? Shop.outcome(answer) : OpenLoop.Outcome.FAILED;
            if (outcome == OpenLoop.Outcome.FAILED) {
                sample(error == null ? answer.status() + " " + answer.text() : error.toString());
            }
            return outcome;
        });
    }

    /**
     * Long-lived accounts are charged {@code longLivedEvents} times first (one client per account, in parallel);
     * then one client charges them and new accounts in turn: both latencies and the ratio of their p50s.
     *
     * @return the accounts it charged, long-lived and new
     */
    List<Shop.Account> longLivedAgainstNew() throws Exception {
        List<Shop.Account> longLived = shop.open(sizes.longLivedAccounts(), 8, false);
        List<Shop.Account> fresh = shop.open(Math.max(1, sizes.compareCharges() / 20), 8, false);
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(longLived.size());
        try {
            List<Future<?>> loading = new ArrayList<>();
            for (Shop.Account account : longLived) {
                loading.add(clients.submit(() -> {
                    SplittableRandom random = new SplittableRandom(account.id().hashCode());
                    for (int i = 0; i < sizes.longLivedEvents(); i++) {
                        chargeAndWait(account, random);
                    }
                }));
            }
            for (Future<?> load : loading) {
                load.get();
            }
        } finally {
            clients.shutdownNow();
        }
        report.line("%d long-lived accounts pre-loaded with %,d charges each in %s (one client per account)."
                .formatted(longLived.size(), sizes.longLivedEvents(), Latencies.seconds(System.nanoTime() - start)));
        Latencies onLongLived = new Latencies();
        Latencies onNew = new Latencies();
        SplittableRandom random = new SplittableRandom(42);
        long comparing = System.nanoTime();
        for (int i = 0; i < sizes.compareCharges(); i++) {
            onLongLived.add(chargeAndWait(longLived.get(i % longLived.size()), random));
            onNew.add(chargeAndWait(fresh.get(i % fresh.size()), random));
        }
        long elapsed = System.nanoTime() - comparing;
        report.line("");
        report.tableHead();
        report.row("charge on an account with %,d+ events (1 client, in turn with the next row)"
                .formatted(sizes.longLivedEvents()), onLongLived.count(), elapsed, "charges", onLongLived);
        report.row("charge on a new account (%d accounts, ~20 charges each)".formatted(fresh.size()), onNew.count(),
                elapsed, "charges", onNew);
        report.line("");
        report.line("Long-lived / new, p50: **%.2f** (target: within 20%%, i.e. at most 1.20).".formatted(
                onLongLived.millisAt(50) / Math.max(0.001, onNew.millisAt(50))));
        List<Shop.Account> charged = new ArrayList<>(longLived);
        charged.addAll(fresh);
        return charged;
    }

    private long chargeAndWait(Shop.Account account, SplittableRandom random) {
        long begin = System.nanoTime();
        AsyncHttp.Answer answer = shop.charge(account, shop.register(account, random), random).join();
        if (answer.status() != 201) {
            failed.incrementAndGet();
            sample(answer.status() + " " + answer.text());
        }
        return System.nanoTime() - begin;
    }

    long failed() {
        return failed.get();
    }

    synchronized List<String> failureSamples() {
        return List.copyOf(failureSamples);
    }

    private synchronized void sample(String failure) {
        if (failureSamples.size() < 5) {
            failureSamples.add(failure);
        }
    }
}
