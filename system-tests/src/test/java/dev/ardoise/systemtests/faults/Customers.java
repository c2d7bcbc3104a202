package dev.ardoise.systemtests.faults;

import dev.ardoise.localstack.DevTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's own stores and customers, so that its books are checked on its operations alone: three stores, each
 * with a manager and three registers, and 30 accounts round them. One in five has a limit of 40.00, which the load's
 * charges pass within seconds (so that "no charge past the limit" is put to the test); the others 5,000.00. Most
 * have an email and agreed to invoices by email; some have an email and did not agree, some have none.
 */
final class Customers {
    static final int ACCOUNTS = 30;
    static final int REGISTERS_PER_STORE = 3;
    static final BigDecimal NEAR_LIMIT = new BigDecimal("40.00");
    static final BigDecimal ROOMY_LIMIT = new BigDecimal("5000.00");

    record Account(String id, String store, String email, boolean consent, BigDecimal creditLimit) {
        boolean getsInvoiceEmails() {
            return email != null && consent;
        }
    }

    private final List<String> stores;
    private final Map<String, List<String>> cashiers;
    private final List<Account> accounts;

    private Customers(List<String> stores, Map<String, List<String>> cashiers, List<Account> accounts) {
        this.stores = stores;
        this.cashiers = cashiers;
        this.accounts = accounts;
    }

    /** Opens the accounts, each as its store's manager; {@code prefix} makes the stores' ids the scenario's own. */
    static Customers open(FaultStack stack, String prefix) {
        DevTokens tokens = stack.tokens();
        Duration hour = Duration.ofHours(1);
        List<String> stores = List.of(prefix + "A", prefix + "B", prefix + "C");
        Map<String, List<String>> cashiers = new HashMap<>();
        Map<String, String> managers = new HashMap<>();
        for (String store : stores) {
            managers.put(store, tokens.of("MANAGER").user("manager-" + store).stores(store).validFor(hour).sign());
            List<String> registers = new ArrayList<>();
            for (int r = 1; r <= REGISTERS_PER_STORE; r++) {
                registers.add(tokens.of("CASHIER").user("cashier-" + store + "-" + r).register("R" + r)
                        .stores(store).validFor(hour).sign());
            }
            cashiers.put(store, List.copyOf(registers));
        }
        Http http = new Http();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String store = stores.get(i % stores.size());
            String email = i % 6 == 5 ? null : "customer-" + i + "@" + prefix.toLowerCase() + ".example.com";
            boolean consent = email != null && i % 10 != 7;
            BigDecimal limit = i % 5 == 0 ? NEAR_LIMIT : ROOMY_LIMIT;
            accounts.add(open(http, stack.accountService(), managers.get(store), store, prefix + "-" + i, email,
                    consent, limit));
        }
        return new Customers(stores, cashiers, List.copyOf(accounts));
    }

    private static Account open(Http http, String accountService, String manager, String store, String customerId,
                                String email, boolean consent, BigDecimal limit) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("customerId", customerId,
                "name", "Customer " + customerId, "emailConsent", consent, "language", "en", "currency", "CAD",
                "creditLimit", limit.toPlainString()));
        if (email != null) {
            body.put("email", email);
        }
        Http.Answer opened = http.postNow(accountService + "/accounts", manager, body);
        if (opened.status() != 201) {
            throw new IllegalStateException("cannot open an account for " + customerId + ": " + opened);
        }
        return new Account(opened.body().path("accountId").asText(), store, email, consent, limit);
    }

    List<String> stores() {
        return stores;
    }

    List<Account> accounts() {
        return accounts;
    }

    /** A register of the account's own store. */
    String cashier(Account account, int pick) {
        List<String> registers = cashiers.get(account.store());
        return registers.get(Math.floorMod(pick, registers.size()));
    }
}
