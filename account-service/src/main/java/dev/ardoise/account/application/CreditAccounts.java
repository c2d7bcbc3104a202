package dev.ardoise.account.application;

import dev.ardoise.account.domain.AddDeposit;
import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.InvoiceIdentity;
import dev.ardoise.account.domain.OpenAccount;
import dev.ardoise.account.eventstore.ConcurrentAppendException;
import dev.ardoise.account.eventstore.CustomerAccounts;
import dev.ardoise.account.eventstore.EventStore;
import dev.ardoise.account.eventstore.InvoiceNumbers;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The merchant's operations on credit accounts. Each one reads the account's stream, decides on that state and
 * appends the new events at the next versions, in one transaction; when another command got there first, it is
 * decided again on the fresh state, a bounded number of times.
 */
@ApplicationScoped
public class CreditAccounts {
    private static final int ATTEMPTS = 10;

    private final Pool pool;
    private final EventStore eventStore;
    private final CustomerAccounts customerAccounts;
    private final InvoiceNumbers invoiceNumbers;
    private final StoreSettings store;
    private final Clock clock;

    CreditAccounts(Pool pool, EventStore eventStore, CustomerAccounts customerAccounts, InvoiceNumbers invoiceNumbers,
                   StoreSettings store) {
        this.pool = pool;
        this.eventStore = eventStore;
        this.customerAccounts = customerAccounts;
        this.invoiceNumbers = invoiceNumbers;
        this.store = store;
        this.clock = Clock.system(store.timeZone());
    }

    public Uni<AccountOpening> open(OpenAccount command) {
        List<AccountEvent> events = CreditAccount.open(command);
        UUID newAccountId = UUID.randomUUID();
        return pool.withTransaction(tx -> customerAccounts.claim(tx, command.customerId(), newAccountId)
                .chain(accountId -> {
                    if (!accountId.equals(newAccountId)) {
                        return eventStore.load(tx, accountId).map(existing -> new AccountOpening(existing, false));
                    }
                    CreditAccount account = CreditAccount.replay(accountId, List.of());
                    return eventStore.append(tx, account, events)
                            .map(recorded -> new AccountOpening(withEvents(account, recorded), true));
                }));
    }

    public Uni<CreditAccount> setCreditLimit(UUID accountId, BigDecimal creditLimit) {
        return decide(accountId, (tx, account) -> eventStore.append(tx, account, account.setCreditLimit(creditLimit))
                .map(recorded -> withEvents(account, recorded)));
    }

    public Uni<Charge> charge(UUID accountId, ChargeSale request) {
        ChargeSale command = request.withDefaultTerms(store.defaultTerms());
        return decide(accountId, (tx, account) -> account.previousCharge(command)
                .map(previous -> Uni.createFrom().item(new Charge(previous, account, true)))
                .orElseGet(() -> invoiceNumbers.next(tx, store.id())
                        .map(number -> account.charge(command, newInvoice(number), today()))
                        .chain(sale -> eventStore.append(tx, account, List.of(sale))
                                .map(recorded -> new Charge(sale, withEvents(account, recorded), false)))));
    }

    public Uni<Deposit> addDeposit(UUID accountId, AddDeposit command) {
        return decide(accountId, (tx, account) -> account.previousDeposit(command)
                .map(previous -> Uni.createFrom().item(new Deposit(previous, account, true)))
                .orElseGet(() -> {
                    DepositAdded deposit = account.addDeposit(command);
                    return eventStore.append(tx, account, List.of(deposit))
                            .map(recorded -> new Deposit(deposit, withEvents(account, recorded), false));
                }));
    }

    public Uni<CreditAccount> find(UUID accountId) {
        return eventStore.load(pool, accountId).map(account -> existing(accountId, account));
    }

    public Uni<List<RecordedEvent>> history(UUID accountId) {
        return eventStore.history(accountId).map(events -> {
            if (events.isEmpty()) {
                throw new AccountNotFoundException(accountId);
            }
            return events;
        });
    }

    private <T> Uni<T> decide(UUID accountId, Decision<T> decision) {
        return Uni.createFrom().deferred(() -> pool.withTransaction(tx -> eventStore.load(tx, accountId)
                        .map(account -> existing(accountId, account))
                        .chain(account -> decision.apply(tx, account))))
                .onFailure(ConcurrentAppendException.class)
                .retry().withBackOff(Duration.ofMillis(2), Duration.ofMillis(50)).atMost(ATTEMPTS);
    }

    private static CreditAccount existing(UUID accountId, CreditAccount account) {
        if (!account.exists()) {
            throw new AccountNotFoundException(accountId);
        }
        return account;
    }

    private static CreditAccount withEvents(CreditAccount account, List<RecordedEvent> recorded) {
        recorded.forEach(event -> account.apply(event.data()));
        return account;
    }

    private InvoiceIdentity newInvoice(String number) {
        return new InvoiceIdentity(UUID.randomUUID().toString(), number, store.id());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @FunctionalInterface
    private interface Decision<T> {
        Uni<T> apply(SqlConnection tx, CreditAccount account);
    }

    /** The customer's account; {@code opened} when this call opened it, false when it existed already. */
    public record AccountOpening(CreditAccount account, boolean opened) {
    }

    /** A charge and the account after it; {@code replayed} when the sale had been charged before. */
    public record Charge(SaleCharged sale, CreditAccount account, boolean replayed) {
    }

    public record Deposit(DepositAdded deposit, CreditAccount account, boolean replayed) {
    }
}
