package dev.ardoise.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registers that sell at a fixed rate whatever the answers (an open loop: a service that does not answer does not
 * slow the load down): charges over HTTP and sales over {@code pos-sales} (as many of each), payments, deposits and
 * holds mixed in, spread over the scenario's customers. Every operation carries its idempotency key; one whose
 * answer never came (no connection, a timeout, a 5xx, no POS answer within {@link #POS_ANSWER_WAIT}) is sent again
 * with the same key, a second later, until answered or {@link #GIVE_UP_AFTER} has passed. Each operation's final
 * outcome is kept.
 */
final class Registers implements AutoCloseable {
    static final Duration POS_ANSWER_WAIT = Duration.ofSeconds(5);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);
    private static final Duration AGAIN_AFTER = Duration.ofSeconds(1);

    enum Kind { HTTP_CHARGE, POS_SALE, PAYMENT, DEPOSIT, HOLD }

    enum Outcome {
        ACCEPTED, DECLINED,
        /** a 4xx other than a decline: the register's request was wrong, a fault of the suite, never of a service */
        REFUSED,
        NEVER_ANSWERED
    }

    /** @param invoiceNumber the charge's invoice number as the register was answered; null for the others */
    record Operation(Kind kind, String key, Customers.Account account, BigDecimal amount, Outcome outcome,
                     String invoiceNumber, int attempts, String lastProblem) {
        boolean isCharge() {
            return kind == Kind.HTTP_CHARGE || kind == Kind.POS_SALE;
        }
    }

    private final FaultStack stack;
    private final Customers customers;
    private final Http http = new Http();
    private final PosLine pos;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, daemon("registers"));
    private final ExecutorService publishing = Executors.newFixedThreadPool(4, daemon("pos-publish"));
    private final List<CompletableFuture<Operation>> operations = new CopyOnWriteArrayList<>();
    private final AtomicLong next = new AtomicLong();
    private final long seed;
    private ScheduledFuture<?> selling;

    private Registers(FaultStack stack, Customers customers, long seed) {
        this.stack = stack;
        this.customers = customers;
        this.seed = seed;
        this.pos = new PosLine(stack.register());
    }

    /** Starts selling at {@code perSecond} operations a second. */
    static Registers start(FaultStack stack, Customers customers, int perSecond, long seed) {
        Registers registers = new Registers(stack, customers, seed);
        registers.selling = registers.clock.scheduleAtFixedRate(registers::sellNext, 0,
                TimeUnit.SECONDS.toNanos(1) / perSecond, TimeUnit.NANOSECONDS);
        return registers;
    }

    /** Stops starting operations, and waits until every one started has its final outcome. */
    List<Operation> stop() {
        selling.cancel(false);
        List<Operation> done = new ArrayList<>();
        for (CompletableFuture<Operation> operation : operations) {
            done.add(operation.orTimeout(GIVE_UP_AFTER.plusSeconds(30).toSeconds(), TimeUnit.SECONDS).join());
        }
        return done;
    }

    private void sellNext() {
        long i = next.getAndIncrement();
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + i);
        Customers.Account account = customers.accounts().get(random.nextInt(customers.accounts().size()));
        String cashier = customers.cashier(account, random.nextInt(Customers.REGISTERS_PER_STORE));
        int pick = random.nextInt(100);
        Kind kind = pick < 40 ? Kind.HTTP_CHARGE : pick < 80 ? Kind.POS_SALE : pick < 90 ? Kind.PAYMENT
                : pick < 95 ? Kind.DEPOSIT : Kind.HOLD;
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(kind == Kind.PAYMENT ? 3_000 : 1_500), 2);
        String key = kind.name().charAt(0) + "-" + UUID.randomUUID();
        Attempts attempts = new Attempts(kind, key, account, amount, cashier, System.nanoTime());
        operations.add(attempts.result);
        attempts.send();
    }

    /** One operation: its key, and its attempts until an answer or the bound. */
    private final class Attempts {
        private final Kind kind;
        private final String key;
        private final Customers.Account account;
        private final BigDecimal amount;
        private final String cashier;
        private final long started;
        private final CompletableFuture<Operation> result = new CompletableFuture<>();
        private int count;
        private String lastProblem;

        Attempts(Kind kind, String key, Customers.Account account, BigDecimal amount, String cashier, long started) {
            this.kind = kind;
            this.key = key;
            this.account = account;
            this.amount = amount;
            this.cashier = cashier;
            this.started = started;
        }

        void send() {
            count++;
            try {
                attempt();
            } catch (RuntimeException e) {
                again(e.toString());
            }
        }

        private void attempt() {
            if (kind == Kind.POS_SALE) {
                CompletableFuture.supplyAsync(() -> pos.sell(key, account.id(), amount.toPlainString(), cashier),
                                publishing)
                        .thenCompose(answer -> answer.orTimeout(POS_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .whenComplete((answer, error) -> {
                            if (error != null) {
                                again(error instanceof TimeoutException || error.getCause() instanceof TimeoutException
                                        ? "no answer on pos-sale-results" : String.valueOf(error.getCause()));
                            } else {
                                answeredOnPos(answer);
                            }
                        });
            } else {
                http.post(stack.accountService() + "/accounts/" + account.id() + path(), cashier, body())
                        .whenComplete((answer, error) -> {
                            if (error != null) {
                                again(String.valueOf(error.getCause() == null ? error : error.getCause()));
                            } else {
                                answeredOverHttp(answer);
                            }
                        });
            }
        }

        private String path() {
            return switch (kind) {
                case HTTP_CHARGE -> "/charges";
                case PAYMENT -> "/payments";
                case DEPOSIT -> "/deposits";
                case HOLD -> "/holds";
                case POS_SALE -> throw new IllegalStateException();
            };
        }

        private Map<String, Object> body() {
            String money = amount.toPlainString();
            return switch (kind) {
                case HTTP_CHARGE -> Map.of("saleId", key, "amount", money);
                case PAYMENT -> Map.of("paymentId", key, "amount", money, "method", "CASH");
                case DEPOSIT -> Map.of("depositId", key, "amount", money, "purpose", "OTHER");
                case HOLD -> Map.of("holdId", key, "amount", money, "expiresInSeconds", 20);
                case POS_SALE -> throw new IllegalStateException();
            };
        }

        private void answeredOverHttp(Http.Answer answer) {
            int status = answer.status();
            if (status == 200 || status == 201) {
                finish(Outcome.ACCEPTED, invoiceNumber(answer.body()));
            } else if (status == 422) {
                finish(Outcome.DECLINED, null);
            } else if (status >= 500 || status == 408 || status == 429) {
                again("HTTP " + status);
            } else {
                lastProblem = "HTTP " + status + " " + answer.body();
                finish(Outcome.REFUSED, null);
            }
        }

        private void answeredOnPos(JsonNode answer) {
            switch (answer.path("outcome").asText()) {
                case "CHARGED" -> finish(Outcome.ACCEPTED, answer.path("invoiceNumber").asText(null));
                case "DECLINED" -> finish(Outcome.DECLINED, null);
                default -> {
                    lastProblem = answer.toString();
                    finish(Outcome.REFUSED, null);
                }
            }
        }

        private String invoiceNumber(JsonNode body) {
            return kind == Kind.HTTP_CHARGE ? body.path("invoiceNumber").asText(null) : null;
        }

        private void again(String problem) {
            lastProblem = problem;
            if (System.nanoTime() - started > GIVE_UP_AFTER.toNanos()) {
                finish(Outcome.NEVER_ANSWERED, null);
            } else {
                clock.schedule(this::send, AGAIN_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void finish(Outcome outcome, String invoiceNumber) {
            result.complete(new Operation(kind, key, account, amount, outcome, invoiceNumber, count, lastProblem));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws InterruptedException {
        if (selling != null) {
            selling.cancel(false);
        }
        clock.shutdownNow();
        publishing.shutdownNow();
        pos.close();
    }
}
