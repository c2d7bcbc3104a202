package dev.ardoise.account.application;

import dev.ardoise.account.domain.AddDeposit;
import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.CommandRefusedException;
import dev.ardoise.account.domain.Commands;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.Decision;
import dev.ardoise.account.domain.InvoiceIdentity;
import dev.ardoise.account.domain.Keeping;
import dev.ardoise.account.domain.Moment;
import dev.ardoise.account.domain.OpenAccount;
import dev.ardoise.account.domain.Selling;
import dev.ardoise.account.eventstore.ConcurrentAppendException;
import dev.ardoise.account.eventstore.CustomerAccounts;
import dev.ardoise.account.eventstore.EventStore;
import dev.ardoise.account.eventstore.OutboxRelay;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.Actor;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.Role;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.StoreWall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The merchant's operations on credit accounts. Each one decides on the account's state as this instance keeps it
 * in memory ({@link KeptAccounts}; read from the stream once) and appends the new events at the next versions
 * with the caller's metadata, in one transaction. When another command or instance got there first (the
 * expected-version append failed), the account is brought up to date with the events after its version and the
 * command decided again, a bounded number of times, then answered "busy". A refusal, or a command with nothing to
 * record, is answered only once one indexed read found no later event; the replay of a key needs none (a key's
 * first outcome never changes). The relay is woken once the events are committed.
 */
@ApplicationScoped
public class CreditAccounts {
    /**
     * The most accounts a look-up by email answers: a family shares an address, a manager sees several stores, but
     * more than this with one address is not a customer's. Each is rebuilt for its view, so the bound is the cost's.
     */
    public static final int MOST_WITH_ONE_EMAIL = 100;
    private final Pool pool;
    private final EventStore eventStore;
    private final KeptAccounts kept;
    private final OutboxRelay relay;
    private final CustomerAccounts customerAccounts;
    private final StoreSettings store;
    private final OverdueRules overdueRules;
    private final Clock clock;
    private final int attempts;
    private final Counter conflicts;

    CreditAccounts(Pool pool, EventStore eventStore, KeptAccounts kept, OutboxRelay relay,
                   CustomerAccounts customerAccounts, StoreSettings store, OverdueRules overdueRules, Clock clock,
                   MeterRegistry meters,
                   @ConfigProperty(name = "ardoise.commands.attempts", defaultValue = "30") int attempts) {
        this.pool = pool;
        this.eventStore = eventStore;
        this.kept = kept;
        this.relay = relay;
        this.customerAccounts = customerAccounts;
        this.store = store;
        this.overdueRules = overdueRules;
        this.clock = clock;
        this.attempts = attempts;
        this.conflicts = meters.counter("ardoise.commands.conflicts");
    }

    /**
     * Opens the account of the store's customer, or answers the one the customer already has in that store when
     * the opening asks for the same details, or refuses one that asks for others (a customer of another store with
     * the same id is another customer).
     */
    public Uni<AccountOpening> open(OpenAccount command, Requester requester) {
        List<AccountEvent> events = Keeping.open(command);
        UUID newAccountId = UUID.randomUUID();
        return pool.withTransaction(tx -> customerAccounts.claim(tx, command.storeId(), command.customerId(),
                        newAccountId)
                .chain(accountId -> {
                    if (!accountId.equals(newAccountId)) {
                        return eventStore.load(tx, accountId).map(existing -> {
                            existing.keeping().openAgain(command);
                            return new AccountOpening(existing, false);
                        });
                    }
                    CreditAccount account = CreditAccount.replay(accountId, List.of());
                    return eventStore.append(tx, account, events, requester.on(command.storeId()))
                            .map(recorded -> new AccountOpening(withEvents(account, recorded), true));
                }))
                .invoke(opening -> {
                    if (opening.opened()) {
                        kept.keep(opening.account());
                        relay.committed(newAccountId);
                    }
                });
    }

    public Uni<Outcome> changeCustomerDetails(UUID accountId, Commands.ChangeCustomerDetails command,
                                              Requester requester) {
        return execute(accountId, requester, account -> account.keeping().changeCustomerDetails(command));
    }

    public Uni<Outcome> setEmailConsent(UUID accountId, Commands.SetEmailConsent command, Requester requester) {
        return execute(accountId, requester, account -> account.keeping().setEmailConsent(command));
    }

    public Uni<Outcome> setCreditLimit(UUID accountId, BigDecimal creditLimit, Requester requester) {
        return execute(accountId, requester, account -> account.keeping().setCreditLimit(creditLimit));
    }

    public Uni<Outcome> changeStatus(UUID accountId, Commands.ChangeStatus command, Requester requester) {
        return execute(accountId, requester, account -> account.keeping().changeStatus(command, now()));
    }

    /**
     * Charges a sale to an account of the requester's stores, numbered in the account's store series and under its
     * overdue rule. The sale is decided first on an unnumbered invoice; the store's next number is taken by the
     * statement that records it, so the store's counter row is locked for that statement only, and a declined or
     * replayed sale takes no number. A statement that fails (the append lost a race) gives its number back: the
     * numbers stay gapless.
     */
    public Uni<Outcome> charge(UUID accountId, ChargeSale request, Requester requester) {
        return execute(accountId, requester, account -> {
            String storeId = storeOf(account);
            ChargeSale command = withStore(request.withDefaultTerms(store.defaultTerms()), storeId);
            return account.selling().previousCharge(command).orElseGet(() -> account.selling().charge(command,
                    InvoiceIdentity.unnumbered(UUID.randomUUID().toString(), storeId), moment(),
                    overdueRules.forStore(storeId)));
        });
    }

    public Uni<Outcome> placeHold(UUID accountId, BigDecimal amount, String holdId, Duration expiresIn,
                                  Requester requester) {
        Instant expiresAt = now().plus(expiresIn);
        return execute(accountId, requester, account -> {
            String storeId = storeOf(account);
            var command = new Commands.PlaceHold(holdId, amount, expiresAt, storeId,
                    requester.caller().registerId());
            return account.selling().placeHold(command, moment(), overdueRules.forStore(storeId));
        });
    }

    public Uni<Outcome> voidHold(UUID accountId, Commands.VoidHold command, Requester requester) {
        return execute(accountId, requester, account -> account.selling().voidHold(command, now()));
    }

    /** Ends a lapsed hold (the expiry job, which acts for every store); nothing when it ended meanwhile. */
    public Uni<Outcome> expireHold(UUID accountId, String holdId, EventMetadata system) {
        return decided(accountId, account -> system, account -> account.selling().expireHold(holdId, now()));
    }

    public Uni<Outcome> grantOverride(UUID accountId, BigDecimal amount, String overrideId, String reasonCode,
                                      String note, Duration expiresIn, Requester requester) {
        var command = new Commands.GrantOverride(overrideId, amount, reasonCode, note, now().plus(expiresIn));
        return execute(accountId, requester, account -> account.selling().grantOverride(command, now()));
    }

    public Uni<Outcome> addDeposit(UUID accountId, AddDeposit command, Requester requester) {
        return execute(accountId, requester, account -> account.settling().addDeposit(command));
    }

    public Uni<Outcome> applyDeposit(UUID accountId, Commands.ApplyDeposit command, Requester requester) {
        return execute(accountId, requester, account -> account.settling().applyDeposit(command));
    }

    public Uni<Outcome> returnDeposit(UUID accountId, Commands.ReturnDeposit command, Requester requester) {
        return execute(accountId, requester, account -> account.settling().returnDeposit(command));
    }

    public Uni<Outcome> receivePayment(UUID accountId, Commands.ReceivePayment command, Requester requester) {
        return execute(accountId, requester, account -> account.settling().receivePayment(command));
    }

    /**
     * A payment the store's payment provider reports in its signed callback: decided as {@code POST /payments} is,
     * recorded as the system ({@code payment-provider:<name>}) in the account's own store. The provider's payment
     * id is the command's key, so a callback sent again records nothing more.
     *
     * @throws CommandRefusedException {@code other-currency} when the account is kept in another currency
     */
    public Uni<Outcome> receiveProviderPayment(UUID accountId, Commands.ReceivePayment command, String currency,
                                               String provider, String correlationId) {
        return decided(accountId,
                account -> new EventMetadata(new Actor(Role.SYSTEM, "payment-provider:" + provider, null,
                        storeOf(account)), correlationId),
                account -> {
                    if (!account.currency().equals(currency)) {
                        throw new CommandRefusedException("other-currency", "currency: the account is kept in "
                                + account.currency() + ", the payment is in " + currency);
                    }
                    return account.settling().receivePayment(command);
                });
    }

    public Uni<Outcome> refund(UUID accountId, Commands.RefundSale command, Requester requester) {
        return execute(accountId, requester, account -> account.settling().refund(command));
    }

    public Uni<Outcome> adjust(UUID accountId, Commands.AdjustBalance command, Requester requester) {
        return execute(accountId, requester, account -> account.settling().adjust(command));
    }

    public Uni<Outcome> writeOff(UUID accountId, Commands.WriteOffDebt command, Requester requester) {
        return execute(accountId, requester, account -> account.settling().writeOff(command));
    }

    /**
     * The account, when it is one of the requester's stores; another store's answers as a missing one. Never older
     * than what this instance committed, nor than what any instance committed before the read: the kept state is
     * brought up to date with one indexed read of the events after its version.
     */
    public Uni<CreditAccount> find(UUID accountId, Requester requester) {
        return kept.get(accountId).map(this::latest).orElseGet(() -> load(accountId))
                .map(account -> walled(account, requester));
    }

    /**
     * The account as this instance keeps it, when it is one of the requester's stores (another store's answers as
     * a missing one): possibly behind another instance's last commit, so only for what never changes (its store,
     * that it exists). No read when it is kept.
     */
    public Uni<CreditAccount> findVisible(UUID accountId, Requester requester) {
        return current(accountId).map(account -> walled(account, requester));
    }

    /** The account as the events that occurred up to {@code asOf} left it. */
    public Uni<CreditAccount> findAsOf(UUID accountId, Instant asOf, Requester requester) {
        return history(accountId, requester).map(events -> CreditAccount.replay(accountId, events.stream()
                        .filter(event -> !event.occurredAt().isAfter(asOf)).map(RecordedEvent::data).toList()))
                .map(account -> existing(accountId, account));
    }

    /**
     * The customer's accounts in the requester's stores ({@code storeId} narrows to one of them), by store. The
     * same customer id in another store is another customer, never shown.
     */
    public Uni<List<CreditAccount>> findByCustomer(String customerId, String storeId, Requester requester) {
        Caller caller = requester.caller();
        if (storeId != null && !caller.worksFor(storeId)) {
            return Uni.createFrom().item(List.of());
        }
        List<String> stores = storeId != null ? List.of(storeId)
                : caller.seesEveryStore() ? null : List.copyOf(caller.stores());
        return customerAccounts.find(pool, customerId, stores)
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(List.<CreditAccount>of())
                        : Multi.createFrom().iterable(found)
                                .onItem().transformToUniAndConcatenate(one -> find(one.accountId(), requester))
                                .collect().asList());
    }

    /**
     * The accounts of the requester's stores whose customer's current email address is this one, case ignored, by
     * store then account id: at most {@value #MOST_WITH_ONE_EMAIL}. The address is checked again on each account's
     * state, which an address changed since the query leaves out.
     */
    public Uni<List<CreditAccount>> findByEmail(String email, Requester requester) {
        Caller caller = requester.caller();
        List<String> stores = caller.seesEveryStore() ? null : List.copyOf(caller.stores());
        return customerAccounts.withEmail(pool, email, stores, MOST_WITH_ONE_EMAIL)
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(List.<CreditAccount>of())
                        : Multi.createFrom().iterable(found)
                                .onItem().transformToUniAndConcatenate(one -> find(one.accountId(), requester))
                                .filter(account -> email.equalsIgnoreCase(account.email()))
                                .collect().asList());
    }

    private Uni<List<RecordedEvent>> history(UUID accountId, Requester requester) {
        return eventStore.history(accountId).map(events -> {
            if (events.isEmpty()) {
                throw new AccountNotFoundException(accountId);
            }
            walled(CreditAccount.replay(accountId, events.stream().limit(1).map(RecordedEvent::data).toList()),
                    requester);
            return events;
        });
    }

    /**
     * At most {@code limit} events after {@code afterVersion}. The account's first event says its store, so it is
     * read for the wall whatever the page: another store's account answers as a missing one.
     */
    public Uni<HistoryPage> history(UUID accountId, long afterVersion, int limit, Requester requester) {
        return eventStore.history(accountId, 0, 1).chain(opening -> {
            if (opening.isEmpty()) {
                throw new AccountNotFoundException(accountId);
            }
            walled(CreditAccount.replay(accountId, List.of(opening.get(0).data())), requester);
            return eventStore.history(accountId, afterVersion, limit + 1);
        }).map(events -> events.size() <= limit ? new HistoryPage(events, OptionalLong.empty())
                : new HistoryPage(events.subList(0, limit), OptionalLong.of(events.get(limit - 1).version())));
    }

    /** The moment commands are decided at: now, and the store's today. */
    public Moment moment() {
        Instant now = now();
        return new Moment(now, LocalDate.ofInstant(now, store.timeZone()));
    }

    private Instant now() {
        return clock.instant();
    }

    /** Decides on the account, once the wall let the requester see it, and records as the requester. */
    private Uni<Outcome> execute(UUID accountId, Requester requester, Function<CreditAccount, Decision> decide) {
        return decided(accountId, account -> requester.on(storeOf(walled(account, requester))), decide);
    }

    private Uni<Outcome> decided(UUID accountId, Function<CreditAccount, EventMetadata> recordedAs,
                                 Function<CreditAccount, Decision> decide) {
        return retried(() -> current(accountId)
                .chain(account -> decidedOnLatest(account, latest -> new Decided(latest, recordedAs.apply(latest),
                        decide.apply(latest))))
                .chain(this::recorded));
    }

    /**
     * The decision on the account as kept. A refusal, or nothing to record, stands only if no event came after
     * the kept version (the kept state may be behind another instance's commit); else it is decided again on the
     * later state. New events need no such read: the expected-version append is their guard.
     */
    private Uni<Decided> decidedOnLatest(CreditAccount account, Function<CreditAccount, Decided> decide) {
        Decided decided;
        try {
            decided = decide.apply(account);
        } catch (RuntimeException refusal) {
            return latest(account).chain(later -> later == account ? Uni.createFrom().failure(refusal)
                    : decidedOnLatest(later, decide));
        }
        if (decided.decision().events().isEmpty()) {
            return latest(account).chain(later -> later == account ? Uni.createFrom().item(decided)
                    : decidedOnLatest(later, decide));
        }
        return Uni.createFrom().item(decided);
    }

    /**
     * Records a decision's new events in one statement (a sale numbered by it) and keeps the account as they leave
     * it; after a lost race, brings the kept account up to date before the command is decided again.
     */
    private Uni<Outcome> recorded(Decided decided) {
        Decision decision = decided.decision();
        CreditAccount account = decided.account();
        if (decision.replayed() || decision.events().isEmpty()) {
            return Uni.createFrom().item(new Outcome(decision, account));
        }
        Optional<String> numberedIn = decision.first(SaleCharged.class)
                .filter(sale -> InvoiceIdentity.UNNUMBERED.equals(sale.invoiceNumber())).map(SaleCharged::storeId);
        Uni<Decision> appended = numberedIn.isEmpty()
                ? eventStore.append(pool, account, decision.events(), decided.caller()).replaceWith(decision)
                : eventStore.appendNumbered(pool, account, decision.events(), decided.caller(), numberedIn.get())
                .map(number -> Selling.numbered(decision, number));
        return appended.map(recordedDecision -> {
                    CreditAccount after = account.copy();
                    recordedDecision.events().forEach(after::apply);
                    kept.keep(after);
                    relay.committed(account.id());
                    return new Outcome(recordedDecision, after);
                })
                .onFailure(ConcurrentAppendException.class).call(lost -> afterLostRace(account));
    }

    private <T> Uni<T> retried(Supplier<Uni<T>> attempt) {
        return Uni.createFrom().<T>deferred(attempt::get)
                .onFailure(ConcurrentAppendException.class).invoke(e -> conflicts.increment())
                .onFailure(ConcurrentAppendException.class)
                .retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(200)).withJitter(0.5)
                .atMost(attempts);
    }

    /** The account as kept, or read from its stream when it is not. */
    private Uni<CreditAccount> current(UUID accountId) {
        return kept.get(accountId).map(account -> Uni.createFrom().item(account))
                .orElseGet(() -> load(accountId));
    }

    private Uni<CreditAccount> load(UUID accountId) {
        return eventStore.load(pool, accountId).map(account -> kept.keep(existing(accountId, account)));
    }

    /** The kept account with any later events (one indexed read), kept in its place when there were some. */
    private Uni<CreditAccount> latest(CreditAccount account) {
        return eventStore.caughtUp(pool, account).map(later -> later == account ? account : kept.keep(later));
    }

    /**
     * After an append that did not go ahead: another command took the next version (its events are read), or none
     * did and the store no longer holds the version decided on (it lost commits: restored, failed over), and the
     * account is read again from its stream.
     */
    private Uni<CreditAccount> afterLostRace(CreditAccount account) {
        return eventStore.caughtUp(pool, account).chain(later -> {
            if (later != account) {
                return Uni.createFrom().item(kept.keep(later));
            }
            kept.forget(account.id());
            return load(account.id());
        });
    }

    /** The account's store: the one that opened it, or the default store for an account from before stores. */
    private String storeOf(CreditAccount account) {
        return account.storeId().orElse(store.id());
    }

    /** @throws dev.ardoise.http.NotFoundProblem when the account belongs to a store the requester does not work for */
    private CreditAccount walled(CreditAccount account, Requester requester) {
        StoreWall.check(requester.caller(), storeOf(account), AccountNotFoundException.WHAT,
                account.id());
        return account;
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

    /** What a command decided on which state of the account, and as whom it records. */
    private record Decided(CreditAccount account, EventMetadata caller, Decision decision) {
    }
}
