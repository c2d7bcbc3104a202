package dev.ardoise.benchmark;

import dev.ardoise.localstack.DevTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The merchant as the load sees it: several stores, each with its manager (who opens accounts with a limit; the
 * store comes from the token) and its registers (one cashier token each), and the accounts opened in them. Charges
 * are spread with a hot set: 20% of them on 1% of the accounts.
 */
final class Shop {
    /**
     * High enough that no charge of the load is declined: a long-lived account takes 10,000 charges of 1.00-20.99
     * (about 110,000.00 in all), and a declined charge is a different, cheaper path than the one measured.
     */
    static final String CREDIT_LIMIT = "1000000.00";
    private final String accountService;
    /** Where each account's charges go: the service's address, or one instance per account (see {@link #byAccount}). */
    private List<String> chargesTo;
    private final List<String> stores = new ArrayList<>();
    private final Map<String, String> managers = new java.util.HashMap<>();
    private final Map<String, List<String>> registers = new java.util.HashMap<>();
    private final List<Account> accounts = Collections.synchronizedList(new ArrayList<>());
    private final String viewer;
    private final AsyncHttp http = new AsyncHttp();

    record Account(String id, String store, String email) {
    }

    Shop(String accountService, DevTokens tokens, int storeCount, int registersPerStore) {
        this.accountService = accountService;
        this.chargesTo = List.of(accountService);
        Duration day = Duration.ofHours(24);
        for (int s = 1; s <= storeCount; s++) {
            String store = "BENCH" + s;
            stores.add(store);
            managers.put(store, tokens.of("MANAGER").user("manager-" + s).stores(store).validFor(day).sign());
            List<String> cashiers = new ArrayList<>();
            for (int r = 1; r <= registersPerStore; r++) {
                cashiers.add(tokens.of("CASHIER").user("cashier-" + s + "-" + r).register("R" + r).stores(store)
                        .validFor(day).sign());
            }
            registers.put(store, cashiers);
        }
        viewer = tokens.of("VIEWER").user("benchmark-back-office").stores(stores.toArray(String[]::new))
                .validFor(day).sign();
    }

    /**
     * Each account's charges to one of these instances, always the same (by its id's hash), as a balancer that hashes
     * the account id in the path would send them; accounts are still opened through the service's address.
     */
    void byAccount(List<String> instances) {
        chargesTo = List.copyOf(instances);
    }

    AsyncHttp http() {
        return http;
    }

    String viewerToken() {
        return viewer;
    }

    /** Opens {@code count} accounts round the stores, at most {@code maxInFlight} at once; they join the shop's. */
    List<Account> open(int count, int maxInFlight, boolean withEmail) {
        List<Account> opened = Collections.synchronizedList(new ArrayList<>());
        OpenLoop.Result result = OpenLoop.run(1_000_000, Duration.ofNanos(count * 1_000L), maxInFlight,
                i -> open(stores.get((int) (i % stores.size())), withEmail).thenApply(account -> {
                    opened.add(account);
                    return OpenLoop.Outcome.ACCEPTED;
                }).exceptionally(error -> OpenLoop.Outcome.FAILED));
        if (result.failed() > 0) {
            throw new IllegalStateException(result.failed() + " accounts could not be opened");
        }
        accounts.addAll(opened);
        return List.copyOf(opened);
    }

    private CompletableFuture<Account> open(String store, boolean withEmail) {
        String email = withEmail ? "bench." + UUID.randomUUID() + "@example.com" : null;
        Map<String, Object> body = new java.util.HashMap<>(Map.of("customerId", "C-" + UUID.randomUUID(),
                "name", "Benchmark Customer", "emailConsent", withEmail, "language", "en", "currency", "CAD",
                "creditLimit", CREDIT_LIMIT));
        if (withEmail) {
            body.put("email", email);
        }
        return http.post(accountService + "/accounts", managers.get(store), body).thenApply(answer -> {
            if (answer.status() != 201) {
                throw new IllegalStateException("cannot open an account: " + answer);
            }
            return new Account(answer.json().path("accountId").asText(), store, email);
        });
    }

    /** The account of charge {@code i} of a load: one in five on the hot set (the first 1%). */
    Account pick(List<Account> among, int hot, SplittableRandom random) {
        if (random.nextInt(5) == 0) {
            return among.get(random.nextInt(Math.min(hot, among.size())));
        }
        return among.get(random.nextInt(among.size()));
    }

    /** A register of the account's store, so that the token's store is the account's. */
    String register(Account account, SplittableRandom random) {
        List<String> cashiers = registers.get(account.store());
        return cashiers.get(random.nextInt(cashiers.size()));
    }

    /** A charge of 1.00 to 20.00 with a new saleId: 201 accepted, 422 declined by a rule, anything else failed. */
    CompletableFuture<AsyncHttp.Answer> charge(Account account, String register, SplittableRandom random) {
        String amount = "%d.%02d".formatted(1 + random.nextInt(20), random.nextInt(100));
        String to = chargesTo.get(Math.floorMod(account.id().hashCode(), chargesTo.size()));
        return http.post(to + "/accounts/" + account.id() + "/charges", register,
                Map.of("saleId", "B-" + UUID.randomUUID(), "amount", amount));
    }

    static OpenLoop.Outcome outcome(AsyncHttp.Answer answer) {
        return switch (answer.status()) {
            case 201 -> OpenLoop.Outcome.ACCEPTED;
            case 422 -> OpenLoop.Outcome.DECLINED;
            default -> OpenLoop.Outcome.FAILED;
        };
    }
}
