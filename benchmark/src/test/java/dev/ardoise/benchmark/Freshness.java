package dev.ardoise.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * While a load runs, samples of how soon a charge shows elsewhere, each probe light enough not to set the figure it
 * measures. Its balance in invoice-service: from the charge's answer, one {@code GET .../balance?minVersion=<the
 * charge's version>}, which invoice-service holds until the account reaches that version (re-reading it every
 * {@code ardoise.read-your-writes.poll-interval}, 50 ms, for up to 2 s; asked again while it answers {@code
 * X-Projection-Lagging: true}); a sample every 100 ms at most. Its invoice email in the SMTP server: its REST API
 * polled every 50 ms until the customer's inbox holds one more message; a sample every 500 ms at most. The samples
 * use accounts of their own, charged besides the load, one at a time.
 */
final class Freshness {
    private static final String LAGGING = "X-Projection-Lagging";
    private static final long MAIL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long BALANCE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAIL_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Shop shop;
    private final String invoiceService;
    private final String mailApi;
    private final Http viewer;
    private final Latencies balances = new Latencies();
    private final Latencies mails = new Latencies();
    private final AtomicInteger lost = new AtomicInteger();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean sampling = new AtomicBoolean();
    private final List<Thread> samplers = new ArrayList<>();
    private List<Shop.Account> balanceAccounts;
    private List<Shop.Account> mailAccounts;

    Freshness(Shop shop, String invoiceService, String mailApi) {
        this.shop = shop;
        this.invoiceService = invoiceService;
        this.mailApi = mailApi;
        this.viewer = new Http(shop.viewerToken());
    }

    void openAccounts() {
        balanceAccounts = shop.open(20, 8, false);
        mailAccounts = shop.open(10, 8, true);
    }

    void start() {
        sampling.set(true);
        samplers.add(sampler("freshness-balance", this::balanceSamples));
        samplers.add(sampler("freshness-mail", this::mailSamples));
    }

    /**
     * Stops sampling once each kind has at least one sample (or has given one up), and waits for the samples under
     * way (each ends within a minute).
     */
    void stop() throws InterruptedException {
        long deadline = System.nanoTime() + 2 * TIMEOUT_NANOS;
        while (lost.get() == 0 && (balances.count() == 0 || mails.count() == 0) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        sampling.set(false);
        for (Thread sampler : samplers) {
            sampler.join();
        }
    }

    Latencies balances() {
        return balances;
    }

    Latencies mails() {
        return mails;
    }

    /** Samples that never showed within a minute, or whose charge was not accepted. */
    int lost() {
        return lost.get();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private Thread sampler(String name, Runnable samples) {
        Thread thread = new Thread(samples, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void balanceSamples() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; sampling.get(); i++) {
            long begin = System.nanoTime();
            Shop.Account account = balanceAccounts.get(i % balanceAccounts.size());
            AsyncHttp.Answer charged = shop.charge(account, shop.register(account, random), random).join();
            long answered = System.nanoTime();
            if (charged.status() == 201) {
                long version = charged.json().path("version").asLong();
                String url = invoiceService + "/accounts/" + account.id() + "/balance?minVersion=" + version;
                if (awaitVersion(url, version, answered)) {
                    balances.add(System.nanoTime() - answered);
                }
            } else {
                notAccepted(charged);
            }
            LockSupport.parkNanos(begin + BALANCE_EVERY_NANOS - System.nanoTime());
        }
    }

    private void mailSamples() {
        SplittableRandom random = new SplittableRandom(11);
        int[] charged = new int[mailAccounts.size()];
        for (int i = 0; sampling.get(); i++) {
            long begin = System.nanoTime();
            int index = i % mailAccounts.size();
            Shop.Account account = mailAccounts.get(index);
            long sent = System.nanoTime();
            AsyncHttp.Answer answer = shop.charge(account, shop.register(account, random), random).join();
            if (answer.status() == 201) {
                int expected = ++charged[index];
                String url = mailApi + "/api/user/" + URLEncoder.encode(account.email(), StandardCharsets.UTF_8)
                        + "/messages/INBOX";
                if (await(sent, () -> {
                    Http.Answer inbox = viewer.get(url);
                    return inbox.status() == 200 && inbox.body().size() >= expected;
                }, MAIL_POLL_NANOS)) {
                    mails.add(System.nanoTime() - sent);
                }
            } else {
                notAccepted(answer);
            }
            LockSupport.parkNanos(begin + MAIL_EVERY_NANOS - System.nanoTime());
        }
    }

    private void notAccepted(AsyncHttp.Answer answer) {
        problem(answer.status() + " " + answer.text());
    }

    /** Asks until invoice-service answers at the version (each ask waits there up to 2 s), within a minute. */
    private boolean awaitVersion(String url, long version, long from) {
        while (System.nanoTime() - from <= TIMEOUT_NANOS) {
            Http.Answer balance = viewer.get(url);
            boolean lagging = "true".equals(balance.header(LAGGING));
            if (balance.status() == 200 && !lagging) {
                if (balance.body().path("version").asLong() >= version) {
                    return true;
                }
                return problem("answered without lagging below version " + version + ": " + balance.body());
            }
            if (!lagging) {
                return problem("balance answered " + balance.status() + " " + balance.body());
            }
        }
        return problem("not shown within a minute");
    }

    private boolean problem(String what) {
        lost.incrementAndGet();
        if (problems.size() < 5) {
            problems.add(what);
        }
        return false;
    }

    private boolean await(long from, java.util.function.BooleanSupplier shown, long pollNanos) {
        while (!shown.getAsBoolean()) {
            if (System.nanoTime() - from > TIMEOUT_NANOS) {
                return problem("not shown within a minute");
            }
            LockSupport.parkNanos(pollNanos);
        }
        return true;
    }
}
