package dev.ardoise.invoice.projection;

import dev.ardoise.events.MalformedEventException;
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

    /** Where a rebuild stands; {@code eventsPerSecond} over the whole run so far. */
    public record Progress(String rebuildId, State state, Instant startedAt, Instant finishedAt, long recordsRead,
                           long malformedSkipped, int accounts, int rounds, long elapsedMillis, long eventsPerSecond,
                           String error) {
        static final Progress NONE = new Progress(null, State.NONE, null, null, 0, 0, 0, 0, 0, 0, null);

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
                0, 0, null);
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
            SkippedVersions skipped = SkippedVersions.read(connection);
            ShadowTables.create(connection);
            connection.commit();
            for (int round = 1; round <= MOST_ROUNDS; round++) {
                counts[0] += replay.readToEnd(body -> {
                    fold(accounts, body, counts, skipped);
                    if (++counts[2] % flushEvery == 0) {
                        flush(connection, accounts);
                    }
                });
                flush(connection, accounts);
                report(started, State.SWITCHING, counts, accounts.size(), round, null);
                if (ShadowTables.switchIfCaughtUp(connection)) {
                    report(started, State.DONE, counts, accounts.size(), round, null);
                    LOG.infof("read models rebuilt and switched in: %s", progress.get());
                    return;
                }
                report(started, State.FOLDING, counts, accounts.size(), round, null);
            }
            throw new IllegalStateException("the shadow tables did not catch up in " + MOST_ROUNDS + " rounds");
        } catch (Exception e) {
            LOG.errorf(e, "rebuild %s failed; the live read models are untouched", started.rebuildId());
            report(started, State.FAILED, counts, accounts.size(), progress.get().rounds(), e.toString());
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

    private void fold(Map<UUID, RebuiltAccount> accounts, String body, long[] counts, SkippedVersions skipped) {
        StreamEvent event;
        try {
            event = skipped.leftOutIfSkipped(StreamEvent.read(body));
        } catch (MalformedEventException e) {
            counts[1]++; // the live consumer dead-lettered it
            return;
        }
        accounts.computeIfAbsent(event.accountId(), RebuiltAccount::new).read(event, storeZone, defaultStore,
                linesJson);
    }

    private void report(Progress started, State state, long[] counts, int accounts, int rounds, String error) {
        Instant now = Instant.now();
        long elapsed = Duration.between(started.startedAt(), now).toMillis();
        boolean finished = state == State.DONE || state == State.FAILED;
        progress.set(new Progress(started.rebuildId(), state, started.startedAt(), finished ? now : null, counts[0],
                counts[1], accounts, rounds, elapsed, elapsed == 0 ? 0 : counts[0] * 1000 / elapsed, error));
    }
}
