package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

import java.time.Instant;
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
 * that two consumers during a rebalance wait for each other instead of deadlocking) and the events parked
 * ahead of a gap. The positions are written back once, just before the commit.
 */
final class Streams {
    private final Map<UUID, Long> lastVersions = new HashMap<>();
    private final Set<UUID> stored = new HashSet<>();
    private final Set<UUID> toWrite = new HashSet<>();
    private final Map<UUID, TreeMap<Long, String>> parked = new HashMap<>();

    private Streams() {
    }

    static Uni<Streams> lockedFor(Collection<UUID> accounts) {
        List<UUID> ordered = accounts.stream().distinct().sorted().toList();
        Streams streams = new Streams();
        return ReaderPosition.<ReaderPosition>find("accountId in ?1 order by accountId", ordered)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .invoke(positions -> positions.forEach(streams::known))
                .chain(() -> ParkedEvent.<ParkedEvent>list("accountId in ?1", ordered))
                .invoke(events -> events.forEach(event -> streams.parkedBody(event.accountId, event.version,
                        event.body)))
                .replaceWith(streams);
    }

    private void known(ReaderPosition position) {
        stored.add(position.accountId);
        lastVersions.put(position.accountId, position.lastVersion);
    }

    private void parkedBody(UUID accountId, long version, String body) {
        parked.computeIfAbsent(accountId, id -> new TreeMap<>()).put(version, body);
    }

    long lastVersion(UUID accountId) {
        return lastVersions.getOrDefault(accountId, 0L);
    }

    void applied(StreamEvent event) {
        lastVersions.put(event.accountId(), event.version());
        toWrite.add(event.accountId());
    }

    boolean isParked(StreamEvent event) {
        return parked.getOrDefault(event.accountId(), new TreeMap<>()).containsKey(event.version());
    }

    Uni<Void> park(StreamEvent event, Instant now) {
        parkedBody(event.accountId(), event.version(), event.body());
        toWrite.add(event.accountId()); // its position row exists from then on, even at version 0, as in a rebuild
        return ParkedEvent.of(event.accountId(), event.version(), event.body(), now).persist().replaceWithVoid();
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

    /** Writes the positions that moved; the transaction commits them with everything the events changed. */
    Uni<Void> save(Instant now) {
        return Multi.createFrom().iterable(toWrite).onItem().call(accountId -> write(accountId, now))
                .collect().last()
                .chain(() -> Panache.getSession()).chain(session -> session.flush());
    }

    private Uni<Void> write(UUID accountId, Instant now) {
        long version = lastVersion(accountId);
        if (stored.contains(accountId)) {
            return ReaderPosition.update("lastVersion = ?1, updatedAt = ?2 where accountId = ?3", version, now,
                    accountId).replaceWithVoid();
        }
        return ReaderPosition.start(accountId, version, now).persist().replaceWithVoid();
    }
}
