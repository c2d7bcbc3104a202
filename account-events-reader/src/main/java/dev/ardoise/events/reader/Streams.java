package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Where the accounts of one batch stand, for the length of its transaction: the last version applied of each
 * (their {@link ReaderPosition} rows locked up front, in one query and in the same order in every instance, so
 * that two consumers during a rebalance wait for each other instead of deadlocking), the accounts parked at an
 * event that could not be applied, and the events parked ahead of a gap. The positions are written back once, just
 * before the commit. The events waiting behind a parked account are not loaded: there may be many.
 */
final class Streams {

    private final Map<UUID, Long> lastVersions = new HashMap<>();
    private final Set<UUID> toWrite = new HashSet<>();
    private final Map<UUID, TreeMap<Long, String>> parked = new HashMap<>();
    private final Map<UUID, ParkedAccount> stuck = new HashMap<>();

    private Streams() {
    }

    static Uni<Streams> lockedFor(Collection<UUID> accounts) {
        List<UUID> keys = accounts.stream().distinct().toList();
        Streams streams = new Streams();
        return RowsByKeys.list(ReaderPosition.class, "select * from reader_position where account_id in (?1) "
                        + "order by account_id for no key update", keys)
                .invoke(positions -> positions.forEach(streams::known))
                .chain(() -> RowsByKeys.list(ParkedAccount.class, "select * from parked_account "
                        + "where account_id in (?1)", keys))
                .invoke(parkedAccounts -> parkedAccounts.forEach(account -> streams.stuck.put(account.accountId,
                        account)))
                .chain(() -> streams.loadParkedEvents(keys))
                .replaceWith(streams);
    }

    /**
     * One account's position and parking locked, without loading its parked events: see {@link #takeNextWaiting}.
     * Hibernate writes the same lock as {@link #lockedFor}'s ({@code for no key update}); one key needs no list.
     */
    static Uni<Streams> lockedAlone(UUID accountId) {
        Streams streams = new Streams();
        return ReaderPosition.<ReaderPosition>find("accountId", accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .invoke(positions -> positions.forEach(streams::known))
                .chain(() -> ParkedAccount.<ParkedAccount>findById(accountId))
                .invoke(parked -> {
                    if (parked != null) {
                        streams.stuck.put(accountId, parked);
                    }
                })
                .replaceWith(streams);
    }

    /** The events parked ahead of a gap, none of those waiting behind a parked account. */
    private Uni<Void> loadParkedEvents(List<UUID> accounts) {
        return RowsByKeys.list(ParkedEvent.class, List.of(ParkedAccount.class),
                        "select * from parked_event e where e.account_id in (?1) and "
                        + "not exists (select 1 from parked_account a where a.account_id = e.account_id "
                        + "and a.version <= e.version)", accounts)
                .invoke(events -> events.forEach(event -> parkedBody(event.accountId, event.version, event.body)))
                .replaceWithVoid();
    }

    private void known(ReaderPosition position) {
        lastVersions.put(position.accountId, position.lastVersion);
    }

    private void parkedBody(UUID accountId, long version, String body) {
        parked.computeIfAbsent(accountId, id -> new TreeMap<>()).put(version, body);
    }

    long lastVersion(UUID accountId) {
        return lastVersions.getOrDefault(accountId, 0L);
    }

    void applied(StreamEvent event) {
        moved(event.accountId(), event.version());
    }

    /** The account's stream is past this version: applied, or skipped by an operator. */
    void moved(UUID accountId, long version) {
        lastVersions.put(accountId, version);
        toWrite.add(accountId);
    }

    /** The version the account is parked at, {@link Arrival#NONE} when it is not parked. */
    long parkedAt(UUID accountId) {
        ParkedAccount account = stuck.get(accountId);
        return account == null ? Arrival.NONE : account.version;
    }

    /** The account's parked event and why, null when it is not parked. */
    ParkedAccount parkedAccount(UUID accountId) {
        return stuck.get(accountId);
    }

    /**
     * Parks the account at this event, which could not be applied: its later events wait behind it. The event may
     * have been waiting after a gap: it leaves {@code parked_event}. An account parked at a later event is parked
     * at this one instead, the later one waiting behind it again.
     *
     * @return false when there is nothing to park: the event is applied already, or an earlier one is parked
     */
    Uni<Boolean> parkAccount(StreamEvent event, String reason, Instant now) {
        UUID accountId = event.accountId();
        ParkedAccount parked = stuck.get(accountId);
        if (event.version() <= lastVersion(accountId) || parked != null && parked.version <= event.version()) {
            return Uni.createFrom().item(false);
        }
        toWrite.add(accountId); // its position row exists from then on: what an operator's mending locks
        Uni<Void> taken = ParkedEvent.delete("accountId = ?1 and version = ?2", accountId, event.version())
                .replaceWithVoid();
        if (parked == null) {
            ParkedAccount account = ParkedAccount.at(event, reason, now);
            stuck.put(accountId, account);
            return taken.chain(() -> account.persist()).replaceWith(true);
        }
        StreamEvent later = StreamEvent.read(parked.body);
        parked.parkAt(event, reason, now);
        return taken.chain(() -> keepBehind(later, now))
                .chain(() -> ParkedAccount.update("version = ?1, eventType = ?2, body = ?3, reason = ?4, "
                                + "parkedAt = ?5, triedAt = ?5 where accountId = ?6", event.version(), event.type(),
                        event.body(), reason, now, accountId))
                .replaceWith(true);
    }

    /** The account goes on: its parked event was applied or skipped. */
    Uni<Void> unpark(UUID accountId) {
        // by query: the session forgets its entities after each event (see InOrderReader.flushed)
        return stuck.remove(accountId) == null ? Uni.createFrom().voidItem()
                : ParkedAccount.delete("accountId", accountId).replaceWithVoid();
    }

    /** Keeps an event that arrives behind its parked account, once however often it is delivered. */
    Uni<Void> keepBehind(StreamEvent event, Instant now) {
        return ParkedEvent.find(event.accountId(), event.version()).chain(kept -> kept != null
                ? Uni.createFrom().voidItem()
                : ParkedEvent.of(event.accountId(), event.version(), event.body(), now).persist().replaceWithVoid());
    }

    /** The event waiting right after the last version applied, taken out of the table; null when there is none. */
    Uni<StreamEvent> takeNextWaiting(UUID accountId) {
        long next = lastVersion(accountId) + 1;
        return ParkedEvent.find(accountId, next).chain(waiting -> waiting == null ? Uni.createFrom().nullItem()
                : waiting.delete().replaceWith(() -> StreamEvent.read(waiting.body)));
    }

    boolean isParked(StreamEvent event) {
        return parked.getOrDefault(event.accountId(), new TreeMap<>()).containsKey(event.version());
    }

    Uni<Void> park(StreamEvent event, Instant now) {
        parkedBody(event.accountId(), event.version(), event.body());
        toWrite.add(event.accountId()); // its position row exists from then on, even at version 0, as in a rebuild
        return keepBehind(event, now);
    }

    /** The parked event that follows this version, taken out of the table; null when there is none. */
    Uni<String> unparkAfter(UUID accountId, long version) {
        TreeMap<Long, String> waiting = parked.get(accountId);
        String body = waiting == null ? null : waiting.remove(version + 1);
        if (body == null) {
            return Uni.createFrom().nullItem();
        }
        return ParkedEvent.delete("accountId = ?1 and version = ?2", accountId, version + 1).replaceWith(body);
    }

    /**
     * True when each event is applied already or comes next in its account's stream (after the ones before it in
     * the list), and none of their accounts is parked or has events waiting after a gap: the batch can be applied
     * set-wise.
     */
    boolean allInTurn(List<StreamEvent> events) {
        Map<UUID, Long> last = new HashMap<>();
        for (StreamEvent event : events) {
            UUID accountId = event.accountId();
            if (stuck.containsKey(accountId) || parked.containsKey(accountId)) {
                return false;
            }
            long applied = last.computeIfAbsent(accountId, this::lastVersion);
            Arrival arrival = Arrival.of(applied, event.version());
            if (arrival == Arrival.NEXT) {
                last.put(accountId, event.version());
            } else if (arrival != Arrival.DUPLICATE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the positions that moved, a thousand to a statement ({@link MultiRowInsert}); the transaction commits
     * them with everything the events changed.
     */
    Uni<Void> save(Instant now) {
        return new MultiRowInsert<UUID>("reader_position (account_id, last_version, updated_at)", 3,
                "on conflict (account_id) do update set last_version = excluded.last_version, "
                        + "updated_at = excluded.updated_at",
                accountId -> new Object[] {accountId, lastVersion(accountId), now})
                .insert(new ArrayList<>(toWrite))
                .chain(() -> Panache.getSession()).chain(session -> session.flush());
    }

}
