package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How operators see and mend the accounts a reader parked (see {@link InOrderReader}): list them, retry the parked
 * event (after a fix), or skip it with a reason that is kept with their name. Either way the events that waited
 * behind it are then applied in order, each account's position locked as the reader locks it. An account waiting
 * for a version that never arrived (account-service's relay skipped it: its later events came, it never will) is
 * listed and skipped the same way ({@link WaitingAccount}); its retry has nothing to apply.
 */
@ApplicationScoped
public class ParkedAccounts {
    private static final Logger LOG = Logger.getLogger(ParkedAccounts.class);

    private final InOrderReader reader;
    private final Clock clock = Clock.systemUTC();

    ParkedAccounts(InOrderReader reader) {
        this.reader = reader;
    }

    /**
     * The parked accounts and those waiting for a version that never arrived, the longest stopped first; at most
     * {@code limit}.
     */
    public Uni<List<ParkedAccountView>> list(int limit) {
        return Panache.withSession(() -> ParkedAccount.<ParkedAccount>find("order by parkedAt, accountId")
                .page(0, limit).list()
                .chain(parked -> waiting(parked.stream().map(account -> account.accountId).toList())
                        .map(waiting -> parked.stream().map(account -> view(account,
                                waiting.getOrDefault(account.accountId, 0L))).toList()))
                .chain(parked -> WaitingAccount.oldest(limit).map(gaps -> Stream.concat(parked.stream(),
                                gaps.stream().map(WaitingAccount::view))
                        .sorted(Comparator.comparing(ParkedAccountView::parkedAt)
                                .thenComparing(ParkedAccountView::accountId))
                        .limit(limit).toList())));
    }

    /** The events operators skipped, the latest first; of one account when it is given; at most {@code limit}. */
    public Uni<List<SkippedEventView>> skipped(UUID accountId, int limit) {
        return Panache.withSession(() -> (accountId == null
                ? SkippedEvent.<SkippedEvent>find("order by skippedAt desc, accountId, version")
                : SkippedEvent.<SkippedEvent>find("accountId = ?1 order by skippedAt desc, version", accountId))
                .page(0, limit).list()
                .map(skipped -> skipped.stream().map(SkippedEventView::of).toList()));
    }

    /**
     * Applies the account's parked event again, as if it had just arrived, then the events waiting behind it.
     *
     * @throws NotParked (as the Uni's failure) when the account is not parked
     */
    public Uni<Mending> retry(UUID accountId, EventHandler handler) {
        SafeContext own = SafeContext.fresh(SafeContext.current());
        Instant now = clock.instant();
        Uni<Boolean> applied = InOrderReader.transaction(own, () -> Streams.lockedAlone(accountId)
                        .chain(streams -> {
                            ParkedAccount parked = parkedOrFail(streams, accountId);
                            StreamEvent event = StreamEvent.read(parked.body);
                            return streams.unpark(accountId)
                                    .chain(() -> reader.route(streams, event, handler, false))
                                    .chain(() -> streams.save(now));
                        }))
                .replaceWith(true)
                .onFailure(failure -> FailureCause.of(failure) == FailureCause.THE_EVENT)
                .recoverWithUni(failure -> stillParked(own, accountId, (EventNotApplied) failure, now));
        return applied
                .call(done -> done ? reader.drain(own, accountId, handler) : Uni.createFrom().voidItem())
                .call(() -> reader.countParked(own))
                .chain(done -> mending(own, accountId, done ? Mending.Outcome.APPLIED
                        : Mending.Outcome.STILL_PARKED));
    }

    /**
     * Leaves out the event the account is parked at, or the version it waits for that never arrived (the relay's
     * operator skipped it), recording who, when and why, then applies the events that waited behind it.
     *
     * @throws NotParked    (as the Uni's failure) when the account is neither parked nor waiting
     * @throws WrongVersion (as the Uni's failure) when it is parked at, or waits for, another version, or versions
     *                      before the parked one are still missing
     */
    public Uni<Mending> skip(UUID accountId, SkipRequest request, String operator, EventHandler handler) {
        SafeContext own = SafeContext.fresh(SafeContext.current());
        Instant now = clock.instant();
        Uni<Void> skipped = InOrderReader.transaction(own, () -> Streams.lockedAlone(accountId)
                .chain(streams -> {
                    ParkedAccount parked = streams.parkedAccount(accountId);
                    return parked != null ? skipParked(streams, parked, request, operator, now)
                            : skipMissing(streams, accountId, request, operator, now);
                }));
        return reader.drain(own, accountId, handler) // the events before the parked one first, if any wait
                .chain(() -> skipped)
                .invoke(() -> LOG.warnf("skipped version %d of account %s, as an operator asked (GET "
                        + "/admin/skipped-events says who and why)", request.version(), accountId))
                .chain(() -> reader.drain(own, accountId, handler))
                .call(() -> reader.countParked(own))
                .chain(() -> mending(own, accountId, Mending.Outcome.SKIPPED));
    }

    private static Uni<Void> skipParked(Streams streams, ParkedAccount parked, SkipRequest request, String operator,
                                        Instant now) {
        UUID accountId = parked.accountId;
        long next = streams.lastVersion(accountId) + 1;
        if (parked.version != request.version() || parked.version != next) {
            throw new WrongVersion(accountId, parked.version, next);
        }
        streams.moved(accountId, parked.version);
        return SkippedEvent.of(parked, request.reason(), operator, now).persist()
                .chain(() -> streams.unpark(accountId))
                .chain(() -> streams.save(now));
    }

    /** The version after the last applied never arrived, and later ones wait: the operator says it never will. */
    private static Uni<Void> skipMissing(Streams streams, UUID accountId, SkipRequest request, String operator,
                                         Instant now) {
        long missing = streams.lastVersion(accountId) + 1;
        return ParkedEvent.count("accountId = ?1 and version > ?2", accountId, missing).chain(waiting -> {
            if (waiting == 0) {
                throw new NotParked(accountId);
            }
            if (request.version() != missing) {
                throw WrongVersion.waitingFor(accountId, missing);
            }
            streams.moved(accountId, missing);
            return SkippedEvent.missing(accountId, missing, WaitingAccount.reason(missing), request.reason(),
                    operator, now).persist().chain(() -> streams.save(now));
        });
    }

    private static ParkedAccount parkedOrFail(Streams streams, UUID accountId) {
        ParkedAccount parked = streams.parkedAccount(accountId);
        if (parked == null) {
            throw new NotParked(accountId);
        }
        return parked;
    }

    private static Uni<Boolean> stillParked(SafeContext own, UUID accountId, EventNotApplied failure, Instant now) {
        String reason = FailureCause.describe(failure.getCause());
        LOG.warnf("retried %s: still cannot apply it: %s", failure.event(), reason);
        return InOrderReader.transaction(own, () -> ParkedAccount.update("reason = ?1, triedAt = ?2 "
                + "where accountId = ?3", reason, now, accountId)).replaceWith(false);
    }

    private static Uni<Mending> mending(SafeContext own, UUID accountId, Mending.Outcome outcome) {
        return own.run(() -> Panache.withSession(() -> InOrderReader.lastVersion(accountId)
                .chain(last -> ParkedAccount.<ParkedAccount>findById(accountId).chain(parked -> parked == null
                        ? Uni.createFrom().item(new Mending(accountId, outcome, last, null))
                        : waiting(List.of(accountId)).map(waiting -> new Mending(accountId, outcome, last,
                        view(parked, waiting.getOrDefault(accountId, 0L))))))));
    }

    private static Uni<Map<UUID, Long>> waiting(List<UUID> accounts) {
        if (accounts.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return RowsByKeys.values(ParkedEvent.class, "select account_id, count(*) from parked_event "
                        + "where account_id in (?1) group by account_id", accounts)
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (UUID) row[0],
                        row -> ((Number) row[1]).longValue())));
    }

    private static ParkedAccountView view(ParkedAccount parked, long waiting) {
        return new ParkedAccountView(parked.accountId, null, parked.version, parked.eventType, parked.reason,
                parked.parkedAt, parked.triedAt, waiting);
    }

    /** The account named is not parked (never was, or mended since). */
    public static final class NotParked extends RuntimeException {
        public NotParked(UUID accountId) {
            super("account " + accountId + " is not parked");
        }
    }

    /**
     * The skip names another version than the one the account is parked at (or waits for), or versions before the
     * parked one are missing.
     */
    public static final class WrongVersion extends RuntimeException {
        private final long parkedAt;

        WrongVersion(UUID accountId, long parkedAt, long next) {
            this(parkedAt, parkedAt == next ? "account " + accountId + " is parked at version " + parkedAt
                    : "account " + accountId + " is parked at version " + parkedAt + " but waits for version " + next
                    + " before it: retry it once that version has arrived");
        }

        private WrongVersion(long parkedAt, String message) {
            super(message);
            this.parkedAt = parkedAt;
        }

        static WrongVersion waitingFor(UUID accountId, long missing) {
            return new WrongVersion(missing, "account " + accountId + " waits for version " + missing
                    + ", which never arrived: only that version can be skipped");
        }

        public long parkedAt() {
            return parkedAt;
        }
    }
}
