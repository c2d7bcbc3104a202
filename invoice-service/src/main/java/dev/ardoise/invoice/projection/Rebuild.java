package dev.ardoise.invoice.projection;

import dev.ardoise.events.MalformedEventException;
import dev.ardoise.events.reader.Arrival;
import dev.ardoise.events.reader.SkippedVersions;
import dev.ardoise.events.reader.StreamEvent;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from account-events while the live ones keep serving: folds the whole topic (its own
 * consumer, from the beginning) through the same {@code AccountProjection} into shadow tables, reads on until they
 * have caught up with the live projection, then switches them in by renaming, in one short transaction that
 * holds the live consumer back for its duration only. One rebuild at a time.
 */
@ApplicationScoped
public class Rebuild {
    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final int MOST_ROUNDS = 100;

    private final AgroalDataSource dataSource;
    private final InvoiceLinesJson linesJson;
    private final ZoneId storeZone;
    private final String defaultStore;
    private final BrokerConnection broker;
    /** Written to the shadow tables every so many records, so that the history rows do not pile up in memory. */
    private final int flushEvery;
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.NONE);

    Rebuild(AgroalDataSource dataSource, InvoiceLinesJson linesJson,
            @ConfigProperty(name = "ardoise.store.time-zone") ZoneId storeZone,
            @ConfigProperty(name = "ardoise.store.id") String defaultStore, BrokerConnection broker,
            @ConfigProperty(name = "ardoise.rebuild.flush-every") int flushEvery) {
        this.dataSource = dataSource;
        this.linesJson = linesJson;
        this.storeZone = storeZone;
        this.defaultStore = defaultStore;
        this.broker = broker;
        if (flushEvery < 1) {
            throw new IllegalArgumentException("ardoise.rebuild.flush-every must be at least 1, not " + flushEvery);
        }
        this.flushEvery = flushEvery;
    }

    public enum State { NONE, FOLDING, SWITCHING, DONE, FAILED }

    /**
     * Where a rebuild stands; {@code eventsPerSecond} over the whole run so far. {@code parkedAccounts}: those held
     * at a parked event in the rebuilt tables (parked by the live reader, or stopped by the rebuild itself).
     */
    public record Progress(String rebuildId, State state, Instant startedAt, Instant finishedAt, long recordsRead,
                           long malformedSkipped, int accounts, int parkedAccounts, int rounds, long elapsedMillis,
                           long eventsPerSecond, String error) {
        static final Progress NONE = new Progress(null, State.NONE, null, null, 0, 0, 0, 0, 0, 0, 0, null);

        boolean running() {
            return state == State.FOLDING || state == State.SWITCHING;
        }
    }

    public Progress progress() {
        return progress.get();
    }

    /** Starts a rebuild on a thread of its own, unless one is running: answers its progress either way. */
    public synchronized Progress start() {
        Progress current = progress.get();
        if (current.running()) {
            return current;
        }
        Progress started = new Progress(UUID.randomUUID().toString(), State.FOLDING, Instant.now(), null, 0, 0, 0, 0,
                0, 0, 0, null);
        progress.set(started);
        Thread worker = new Thread(() -> run(started), "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    private void run(Progress started) {
        Map<UUID, RebuiltAccount> accounts = new HashMap<>();
        long[] counts = new long[3]; // records read, malformed skipped, records since the start
        try (TopicReplay replay = new TopicReplay(broker); Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Map<UUID, Long> parkedAtStart = LiveParkings.read(connection);
            AtomicReference<SkippedVersions> skipped = new AtomicReference<>(SkippedVersions.read(connection));
            ShadowTables.create(connection);
            connection.commit();
            for (int round = 1; round <= MOST_ROUNDS; round++) {
                counts[0] += replay.readToEnd(body -> {
                    fold(accounts, parkedAtStart, body, counts, skipped.get());
                    if (++counts[2] % flushEvery == 0) {
                        flush(connection, accounts);
                    }
                });
                skipped.set(SkippedVersions.read(connection));
                followParkings(connection, accounts, skipped.get());
                flush(connection, accounts);
                report(started, State.SWITCHING, counts, accounts, round, null);
                if (ShadowTables.switchIfCaughtUp(connection, accounts)) {
                    report(started, State.DONE, counts, accounts, round, null);
                    LOG.infof("read models rebuilt and switched in: %s", progress.get());
                    return;
                }
                report(started, State.FOLDING, counts, accounts, round, null);
            }
            throw new IllegalStateException("the shadow tables did not catch up in " + MOST_ROUNDS + " rounds");
        } catch (Exception e) {
            LOG.errorf(e, "rebuild %s failed; the live read models are untouched", started.rebuildId());
            report(started, State.FAILED, counts, accounts, progress.get().rounds(), e.toString());
        }
    }

    private static void flush(Connection connection, Map<UUID, RebuiltAccount> accounts) {
        try {
            ShadowTables.flush(connection, accounts.values().stream().filter(account -> account.dirty).toList());
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the shadow tables", e);
        }
    }

    private void fold(Map<UUID, RebuiltAccount> accounts, Map<UUID, Long> parkedAtStart, String body, long[] counts,
                      SkippedVersions skipped) {
        StreamEvent event;
        try {
            event = skipped.leftOutIfSkipped(StreamEvent.read(body));
        } catch (MalformedEventException e) {
            counts[1]++; // the live consumer dead-lettered it
            return;
        }
        RebuiltAccount account = accounts.computeIfAbsent(event.accountId(), accountId ->
                new RebuiltAccount(accountId, parkedAtStart.getOrDefault(accountId, Arrival.NONE)));
        RebuiltAccount.Stopped before = account.stopped();
        account.read(event, storeZone, defaultStore, linesJson);
        if (account.stopped() != before) {
            LOG.errorf("rebuild: parked account %s at version %d (%s): %s; its later events wait behind it, every "
                            + "other account is rebuilt; it is listed at GET /admin/parked-accounts after the switch",
                    account.accountId, account.parkedAt(), account.stopped().event().type(),
                    account.stopped().reason());
        }
    }

    /**
     * Operators mend parked accounts and the live reader parks others while the rebuild runs: the rebuild follows,
     * so that every account is parked at the same event on both sides when the tables are switched. An account the
     * live reader parked at an event the rebuild has applied already cannot be followed: the rebuild fails (live
     * read models untouched), and the next one folds the account up to its parked event.
     */
    private void followParkings(Connection connection, Map<UUID, RebuiltAccount> accounts, SkippedVersions skipped)
            throws SQLException {
        Map<UUID, Long> live = LiveParkings.read(connection);
        connection.commit();
        live.forEach((accountId, version) -> {
            RebuiltAccount account = accounts.computeIfAbsent(accountId, id -> new RebuiltAccount(id, version));
            if (account.parkedAt() != version && (account.stopped() != null || !account.parkAt(version))) {
                throw new IllegalStateException("account " + accountId + " was parked at version " + version
                        + " while the rebuild ran, which the rebuild had applied already: start the rebuild again");
            }
        });
        accounts.values().stream()
                .filter(account -> account.parkedAt() != Arrival.NONE && account.stopped() == null
                        && !live.containsKey(account.accountId))
                .forEach(account -> account.mended(skipped, storeZone, defaultStore, linesJson));
    }

    private void report(Progress started, State state, long[] counts, Map<UUID, RebuiltAccount> accounts, int rounds,
                        String error) {
        Instant now = Instant.now();
        long elapsed = Duration.between(started.startedAt(), now).toMillis();
        boolean finished = state == State.DONE || state == State.FAILED;
        int parked = (int) accounts.values().stream().filter(account -> account.parkedAt() != Arrival.NONE).count();
        progress.set(new Progress(started.rebuildId(), state, started.startedAt(), finished ? now : null, counts[0],
                counts[1], accounts.size(), parked, rounds, elapsed, elapsed == 0 ? 0 : counts[0] * 1000 / elapsed,
                error));
    }
}
