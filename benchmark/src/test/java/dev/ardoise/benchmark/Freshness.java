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
 * While a load runs, samples of how soon a charge shows elsewhere: its balance in invoice-service (polled every
 * 2 ms from the charge's answer until the balance is at the charge's version) and its invoice email in the SMTP
 * server (its REST API polled every 50 ms until the customer's inbox holds one more message). The samples use
 * accounts of their own, charged besides the load.
 */
final class Freshness {
    private static final long BALANCE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
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
                String url = invoiceService + "/accounts/" + account.id() + "/balance";
                if (await(answered, () -> {
                    Http.Answer balance = viewer.get(url);
                    return balance.status() == 200 && balance.body().path("version").asLong() >= version;
                }, BALANCE_POLL_NANOS)) {
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
        lost.incrementAndGet();
        if (problems.size() < 5) {
            problems.add(answer.status() + " " + answer.text());
        }
    }

    private boolean await(long from, java.util.function.BooleanSupplier shown, long pollNanos) {
        while (!shown.getAsBoolean()) {
            if (System.nanoTime() - from > TIMEOUT_NANOS) {
                lost.incrementAndGet();
                problems.add("not shown within a minute");
                return false;
            }
            LockSupport.parkNanos(pollNanos);
        }
        return true;
    }
}
