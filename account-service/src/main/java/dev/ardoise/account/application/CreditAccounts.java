package dev.ardoise.account.application;

import dev.ardoise.account.domain.AddDeposit;
import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.Commands;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.Decision;
import dev.ardoise.account.domain.InvoiceIdentity;
import dev.ardoise.account.domain.Keeping;
import dev.ardoise.account.domain.Moment;
import dev.ardoise.account.domain.OpenAccount;
import dev.ardoise.account.eventstore.ConcurrentAppendException;
import dev.ardoise.account.eventstore.CustomerAccounts;
import dev.ardoise.account.eventstore.EventStore;
import dev.ardoise.account.eventstore.InvoiceNumbers;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.RecordedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The merchant's operations on credit accounts. Each one reads the account's stream, decides on that state and
 * appends the new events at the next versions with the caller's metadata, in one transaction; when another
 * command got there first (the expected-version append failed), it is decided again on the fresh state, a bounded
 * number of times, then answered "busy".
 */
@ApplicationScoped
public class CreditAccounts {
    private final Pool pool;
    private final EventStore eventStore;
    private final CustomerAccounts customerAccounts;
    private final InvoiceNumbers invoiceNumbers;
    private final StoreSettings store;
    private final OverdueRules overdueRules;
    private final Clock clock;
    private final int attempts;
    private final Counter conflicts;

    CreditAccounts(Pool pool, EventStore eventStore, CustomerAccounts customerAccounts, InvoiceNumbers invoiceNumbers,
                   StoreSettings store, OverdueRules overdueRules, Clock clock, MeterRegistry meters,
                   @ConfigProperty(name = "ardoise.commands.attempts", defaultValue = "30") int attempts) {
        this.pool = pool;
        this.eventStore = eventStore;
        this.customerAccounts = customerAccounts;
        this.invoiceNumbers = invoiceNumbers;
        this.store = store;
        this.overdueRules = overdueRules;
        this.clock = clock;
        this.attempts = attempts;
        this.conflicts = meters.counter("ardoise.commands.conflicts");
    }

    public Uni<AccountOpening> open(OpenAccount command, EventMetadata caller) {
        List<AccountEvent> events = Keeping.open(command);
        UUID newAccountId = UUID.randomUUID();
        return pool.withTransaction(tx -> customerAccounts.claim(tx, command.customerId(), newAccountId)
                .chain(accountId -> {
                    if (!accountId.equals(newAccountId)) {
                        return eventStore.load(tx, accountId).map(existing -> new AccountOpening(existing, false));
                    }
                    CreditAccount account = CreditAccount.replay(accountId, List.of());
                    return eventStore.append(tx, account, events, caller)
                            .map(recorded -> new AccountOpening(withEvents(account, recorded), true));
                }));
    }

    public Uni<Outcome> changeCustomerDetails(UUID accountId, Commands.ChangeCustomerDetails command,
                                              EventMetadata caller) {
        return execute(accountId, caller, account -> account.keeping().changeCustomerDetails(command));
    }

    public Uni<Outcome> setEmailConsent(UUID accountId, Commands.SetEmailConsent command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.keeping().setEmailConsent(command));
    }

    public Uni<Outcome> setCreditLimit(UUID accountId, BigDecimal creditLimit, EventMetadata caller) {
        return execute(accountId, caller, account -> account.keeping().setCreditLimit(creditLimit));
    }

    public Uni<Outcome> changeStatus(UUID accountId, Commands.ChangeStatus command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.keeping().changeStatus(command, now()));
    }

    /**
     * Charges a sale. The store's invoice counter is taken first: it is locked until the charge commits, so the
     * charges of one store are decided one after the other on fresh state (and a decline gives its number back).
     * A replay rolls back, so that it never takes a number.
     */
    public Uni<Outcome> charge(UUID accountId, ChargeSale request, EventMetadata caller) {
        String storeId = storeOf(caller);
        ChargeSale command = withStore(request.withDefaultTerms(store.defaultTerms()), storeId);
        return find(accountId).chain(current -> current.selling().previousCharge(command)
                .map(previous -> Uni.createFrom().item(new Outcome(previous, current)))
                .orElseGet(() -> retried(() -> pool.withTransaction(tx -> invoiceNumbers.next(tx, storeId)
                                .chain(number -> loadExisting(tx, accountId).chain(account -> {
                                    Optional<Decision> previous = account.selling().previousCharge(command);
                                    if (previous.isPresent()) {
                                        return Uni.createFrom().failure(
                                                new ReplayedCharge(new Outcome(previous.get(), account)));
                                    }
                                    Decision decision = account.selling().charge(command,
                                            new InvoiceIdentity(UUID.randomUUID().toString(), number, storeId),
                                            moment(), overdueRules.forStore(storeId));
                                    return append(tx, account, decision, caller);
                                }))))
                        .onFailure(ReplayedCharge.class).recoverWithItem(e -> ((ReplayedCharge) e).outcome)));
    }

    public Uni<Outcome> placeHold(UUID accountId, BigDecimal amount, String holdId, Duration expiresIn,
                                  EventMetadata caller) {
        Instant expiresAt = now().plus(expiresIn);
        String storeId = storeOf(caller);
        var command = new Commands.PlaceHold(holdId, amount, expiresAt, storeId, caller.actor().registerId());
        return execute(accountId, caller,
                account -> account.selling().placeHold(command, moment(), overdueRules.forStore(storeId)));
    }

    public Uni<Outcome> voidHold(UUID accountId, Commands.VoidHold command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.selling().voidHold(command, now()));
    }

    /** Ends a lapsed hold (the expiry job); nothing when it ended meanwhile. */
    public Uni<Outcome> expireHold(UUID accountId, String holdId, EventMetadata caller) {
        return execute(accountId, caller, account -> account.selling().expireHold(holdId, now()));
    }

    public Uni<Outcome> grantOverride(UUID accountId, BigDecimal amount, String overrideId, String reasonCode,
                                      String note, Duration expiresIn, EventMetadata caller) {
        var command = new Commands.GrantOverride(overrideId, amount, reasonCode, note, now().plus(expiresIn));
        return execute(accountId, caller, account -> account.selling().grantOverride(command, now()));
    }

    public Uni<Outcome> addDeposit(UUID accountId, AddDeposit command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.settling().addDeposit(command));
    }

    public Uni<Outcome> applyDeposit(UUID accountId, Commands.ApplyDeposit command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.settling().applyDeposit(command));
    }

    public Uni<Outcome> returnDeposit(UUID accountId, Commands.ReturnDeposit command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.settling().returnDeposit(command));
    }

    public Uni<Outcome> receivePayment(UUID accountId, Commands.ReceivePayment command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.settling().receivePayment(command));
    }

    public Uni<Outcome> refund(UUID accountId, Commands.RefundSale command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.settling().refund(command));
    }

    public Uni<Outcome> adjust(UUID accountId, Commands.AdjustBalance command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.settling().adjust(command));
    }

    public Uni<Outcome> writeOff(UUID accountId, Commands.WriteOffDebt command, EventMetadata caller) {
        return execute(accountId, caller, account -> account.settling().writeOff(command));
    }

    public Uni<CreditAccount> find(UUID accountId) {
        return eventStore.load(pool, accountId).map(account -> existing(accountId, account));
    }

    /** The account as the events that occurred up to {@code asOf} left it. */
    public Uni<CreditAccount> findAsOf(UUID accountId, Instant asOf) {
        return history(accountId).map(events -> CreditAccount.replay(accountId, events.stream()
                        .filter(event -> !event.occurredAt().isAfter(asOf)).map(RecordedEvent::data).toList()))
                .map(account -> existing(accountId, account));
    }

    public Uni<Optional<CreditAccount>> findByCustomer(String customerId) {
        return customerAccounts.find(pool, customerId).chain(accountId -> accountId.isEmpty()
                ? Uni.createFrom().item(Optional.<CreditAccount>empty())
                : find(accountId.get()).map(Optional::of));
    }

    public Uni<List<RecordedEvent>> history(UUID accountId) {
        return eventStore.history(accountId).map(events -> {
            if (events.isEmpty()) {
                throw new AccountNotFoundException(accountId);
            }
            return events;
        });
    }

    /** The moment commands are decided at: now, and the store's today. */
    public Moment moment() {
        Instant now = now();
        return new Moment(now, LocalDate.ofInstant(now, store.timeZone()));
    }

    private Instant now() {
        return clock.instant();
    }

    private Uni<Outcome> execute(UUID accountId, EventMetadata caller, Function<CreditAccount, Decision> decide) {
        return retried(() -> pool.withTransaction(tx -> loadExisting(tx, accountId)
                .chain(account -> append(tx, account, decide.apply(account), caller))));
    }

    private Uni<Outcome> append(SqlConnection tx, CreditAccount account, Decision decision, EventMetadata caller) {
        if (decision.replayed() || decision.events().isEmpty()) {
            return Uni.createFrom().item(new Outcome(decision, account));
        }
        return eventStore.append(tx, account, decision.events(), caller)
                .map(recorded -> new Outcome(decision, withEvents(account, recorded)));
    }

    private <T> Uni<T> retried(Supplier<Uni<T>> attempt) {
        return Uni.createFrom().<T>deferred(attempt::get)
                .onFailure(ConcurrentAppendException.class).invoke(e -> conflicts.increment())
                .onFailure(ConcurrentAppendException.class)
                .retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(200)).withJitter(0.5)
                .atMost(attempts);
    }

    private Uni<CreditAccount> loadExisting(SqlConnection tx, UUID accountId) {
        return eventStore.load(tx, accountId).map(account -> existing(accountId, account));
    }

    private String storeOf(EventMetadata caller) {
        return caller.actor().storeId() == null ? store.id() : caller.actor().storeId();
    }

    private static ChargeSale withStore(ChargeSale command, String storeId) {
        return new ChargeSale(command.saleId(), command.amount(), command.lines(), command.terms(),
                command.dueDate(), storeId, command.registerId(), command.holdId(), command.overrideId(),
                command.depositToApply());
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

    /** The customer's account; {@code opened} when this call opened it, false when it existed already. */
    public record AccountOpening(CreditAccount account, boolean opened) {
    }

    /** Rolls back a charge's transaction that found its sale already charged, so it gives its number back. */
    private static final class ReplayedCharge extends RuntimeException {
        private final transient Outcome outcome;

        ReplayedCharge(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
