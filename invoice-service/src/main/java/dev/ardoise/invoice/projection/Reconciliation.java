package dev.ardoise.invoice.projection;

import dev.ardoise.events.MalformedEventException;
import dev.ardoise.events.reader.SkippedVersions;
import dev.ardoise.events.reader.StreamEvent;
import dev.ardoise.invoice.domain.Amounts;
import dev.ardoise.invoice.domain.BalanceFold;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Recomputes every account's money from account-events with {@link BalanceFold} (the catalogue's rules, apart
 * from the projection's code) and compares it with the read models. An account the projection has not brought
 * to the topic's version yet is reported once, as a {@code version} difference, not field by field.
 * <p>
 * In bounded memory, whatever the topic holds: the accounts are taken in batches of ids (at most
 * {@code batchAccounts} of the read models' accounts each, in PostgreSQL's uuid order), and for each batch the
 * topic is read from the beginning again, folding only the records keyed by an account of the batch (the others
 * are passed over unparsed) before that batch's read models are read and compared. What is held at once is one
 * batch's folds and a poll of records; the price is one read of the topic per batch. At most
 * {@value #MOST_LISTED} differences are listed; all are counted.
 * <p>
 * What agrees yet is not whole is reported beside the differences: the events operators skipped (left out of both
 * sides, their amounts missing from the balance) and the accounts whose events wait after a gap (both sides stop
 * before it).
 */
@ApplicationScoped
public class Reconciliation {
    static final int MOST_LISTED = 1000;

    private final AgroalDataSource dataSource;
    private final BrokerConnection broker;
    private final int batchAccounts;

    Reconciliation(AgroalDataSource dataSource, BrokerConnection broker,
                   @ConfigProperty(name = "ardoise.reconciliation.batch-accounts") int batchAccounts) {
        this.dataSource = dataSource;
        this.broker = broker;
        this.batchAccounts = atLeastOne(batchAccounts);
    }

    public record Difference(UUID accountId, String field, String expected, String actual) {
    }

    /** An event an operator skipped, as recorded ({@code skipped_event}): left out of the fold as of the read models. */
    public record Skipped(UUID accountId, long version, String eventType, String parkedReason, String reason,
                          String skippedBy, Instant skippedAt) {
    }

    /**
     * An account whose fold stops before events that wait for a missing version: the read models stop there too, so
     * they agree, yet the account is behind what account-service recorded.
     *
     * @param foldedTo     the last version folded
     * @param firstWaiting the first version read after the gap
     * @param waiting      how many versions wait after it
     */
    public record Gap(UUID accountId, long foldedTo, long firstWaiting, int waiting) {
    }

    /**
     * @param accountsChecked  the accounts found on account-events
     * @param batches          how many batches of accounts the topic was folded in
     * @param differencesFound every difference found; the first {@value #MOST_LISTED} are listed
     * @param differences      where the read models and the events disagree
     * @param skipped          every event operators skipped (the first {@value #MOST_LISTED}): left out on both sides
     *                         so not a difference, but money the read models do not show
     * @param gaps             the accounts stopped before events that wait (the first {@value #MOST_LISTED})
     */
    public record Report(int accountsChecked, int batches, long differencesFound, List<Difference> differences,
                         List<Skipped> skipped, List<Gap> gaps) {
    }

    /** Blocking: reads the whole topic once per batch; call it from a worker thread. */
    public Report run() throws SQLException {
        return run(batchAccounts);
    }

    /** As {@link #run()}, with at most {@code accountsPerBatch} of the read models' accounts in a batch. */
    public Report run(int accountsPerBatch) throws SQLException {
        Findings findings = new Findings();
        int batches = 0;
        List<Skipped> skippedEvents;
        try (TopicReplay replay = new TopicReplay(broker); Connection connection = dataSource.getConnection()) {
            SkippedVersions skipped = SkippedVersions.read(connection);
            skippedEvents = skippedEvents(connection);
            UUID after = null;
            do {
                AccountRange batch = new AccountRange(after, upperBound(connection, after,
                        atLeastOne(accountsPerBatch)));
                if (batches++ > 0) {
                    replay.rewind();
                }
                Map<UUID, AccountFold> expected = fold(replay, batch, skipped);
                Map<UUID, BalanceFold.Figures> actual = readModels(connection, batch);
                compare(expected, actual, findings);
                after = batch.last();
            } while (after != null);
        }
        return new Report(findings.accountsChecked, batches, findings.found, List.copyOf(findings.listed),
                skippedEvents, List.copyOf(findings.gaps));
    }

    private static List<Skipped> skippedEvents(Connection connection) throws SQLException {
        List<Skipped> skipped = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT account_id, version, event_type, "
                + "parked_reason, reason, skipped_by, skipped_at FROM skipped_event ORDER BY account_id, version "
                + "LIMIT " + MOST_LISTED); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                skipped.add(new Skipped(rows.getObject("account_id", UUID.class), rows.getLong("version"),
                        rows.getString("event_type"), rows.getString("parked_reason"), rows.getString("reason"),
                        rows.getString("skipped_by"), rows.getTimestamp("skipped_at").toInstant()));
            }
        }
        return skipped;
    }

    /** The last account id of the batch that starts after {@code after}; null when the batch runs to the end. */
    private static UUID upperBound(Connection connection, UUID after, int accounts) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT account_id FROM account"
                + (after == null ? "" : " WHERE account_id > ?") + " ORDER BY account_id OFFSET ? LIMIT 2")) {
            int index = 1;
            if (after != null) {
                query.setObject(index++, after);
            }
            query.setInt(index, accounts - 1);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                UUID last = rows.getObject("account_id", UUID.class);
                return rows.next() ? last : null;
            }
        }
    }

    private static Map<UUID, AccountFold> fold(TopicReplay replay, AccountRange batch, SkippedVersions skipped) {
        Map<UUID, AccountFold> folds = new HashMap<>();
        replay.readToEnd(batch::holdsKey, body -> {
            try {
                StreamEvent event = skipped.leftOutIfSkipped(StreamEvent.read(body));
                if (batch.holds(event.accountId())) {
                    folds.computeIfAbsent(event.accountId(), id -> new AccountFold()).read(event);
                }
            } catch (MalformedEventException e) {
                // dead-lettered by the live consumer; not an account's event
            }
        });
        return folds;
    }

    private static void compare(Map<UUID, AccountFold> expected, Map<UUID, BalanceFold.Figures> actual,
                                Findings findings) {
        findings.accountsChecked += expected.size();
        expected.forEach((accountId, fold) -> {
            compare(accountId, fold.figures(), actual.get(accountId), findings);
            fold.gap(accountId).ifPresent(findings::add);
        });
        actual.keySet().stream().filter(accountId -> !expected.containsKey(accountId)).forEach(accountId ->
                findings.add(new Difference(accountId, "account", "absent from account-events", "present")));
    }

    private static void compare(UUID accountId, BalanceFold.Figures expected, BalanceFold.Figures actual,
                                Findings findings) {
        if (actual == null) {
            if (expected.version() > 0) {
                findings.add(new Difference(accountId, "account", "present", "absent"));
            }
            return;
        }
        if (expected.version() != actual.version()) {
            findings.add(new Difference(accountId, "version", String.valueOf(expected.version()),
                    String.valueOf(actual.version())));
            return;
        }
        field(accountId, "owed", expected.owed(), actual.owed(), findings);
        field(accountId, "depositBalance", expected.depositBalance(), actual.depositBalance(), findings);
        field(accountId, "held", expected.held(), actual.held(), findings);
        field(accountId, "creditLimit", expected.creditLimit(), actual.creditLimit(), findings);
        field(accountId, "available", expected.available(), actual.available(), findings);
    }

    private static void field(UUID accountId, String field, BigDecimal expected, BigDecimal actual,
                              Findings findings) {
        String wanted = expected == null ? null : expected.toPlainString();
        String found = actual == null ? null : actual.toPlainString();
        if (!Objects.equals(wanted, found)) {
            findings.add(new Difference(accountId, field, wanted, found));
        }
    }

    private static Map<UUID, BalanceFold.Figures> readModels(Connection connection, AccountRange batch)
            throws SQLException {
        Map<UUID, BalanceFold.Figures> figures = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.*, coalesce(p.last_version, 0) AS "
                + "version, CASE WHEN a.credit_limit IS NULL THEN 0 ELSE greatest(0, a.credit_limit - a.owed - "
                + "a.held) END AS available FROM account a LEFT JOIN reader_position p ON p.account_id = a.account_id"
                + " WHERE a.account_id > coalesce(?, '00000000-0000-0000-0000-000000000000'::uuid)"
                + " AND a.account_id <= coalesce(?, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)")) {
            query.setObject(1, batch.after(), Types.OTHER);
            query.setObject(2, batch.last(), Types.OTHER);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String currency = rows.getString("currency");
                    figures.put(rows.getObject("account_id", UUID.class), new BalanceFold.Figures(
                            scaled(rows.getBigDecimal("owed"), currency),
                            scaled(rows.getBigDecimal("deposit_balance"), currency),
                            scaled(rows.getBigDecimal("held"), currency),
                            scaled(rows.getBigDecimal("credit_limit"), currency),
                            scaled(rows.getBigDecimal("available"), currency), rows.getLong("version")));
                }
            }
        }
        return figures;
    }

    /** As stored, at the currency's scale when it has no more decimals than that (a stored 700.0 reads 700.00). */
    private static BigDecimal scaled(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int scale = Amounts.scaleOf(currency);
        return amount.scale() > scale ? amount : amount.setScale(scale);
    }

    private static int atLeastOne(int accounts) {
        if (accounts < 1) {
            throw new IllegalArgumentException("a batch holds at least one account, not " + accounts);
        }
        return accounts;
    }

    /**
     * The account ids after {@code after} (from the smallest when null) up to {@code last} included (to the largest
     * when null), in PostgreSQL's order of uuids: their 16 bytes compared unsigned.
     */
    record AccountRange(UUID after, UUID last) {
        boolean holds(UUID accountId) {
            return (after == null || compare(accountId, after) > 0) && (last == null || compare(accountId, last) <= 0);
        }

        /** A key that is not an account id is let through: its body says which account it is about, if any. */
        boolean holdsKey(String key) {
            try {
                return key == null || holds(UUID.fromString(key));
            } catch (IllegalArgumentException e) {
                return true;
            }
        }

        static int compare(UUID left, UUID right) {
            int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(),
                    right.getLeastSignificantBits());
        }
    }

    /**
     * One account's fold: only the versions that follow each other from 1, as the projection applies them. A
     * version read before the one it follows waits for it (rare: the topic has an account's events in order).
     */
    private static final class AccountFold {
        private final BalanceFold fold = new BalanceFold();
        private long next = 1;
        private TreeMap<Long, StreamEvent> waiting;

        void read(StreamEvent event) {
            if (event.version() > next) {
                if (waiting == null) {
                    waiting = new TreeMap<>();
                }
                waiting.putIfAbsent(event.version(), event);
                return;
            }
            if (event.version() < next) {
                return; // a copy of one already folded (a relay's re-send)
            }
            apply(event);
            while (waiting != null && waiting.containsKey(next)) {
                apply(waiting.remove(next));
            }
        }

        private void apply(StreamEvent event) {
            if (event.event().isPresent()) {
                fold.fold(event.version(), event.event().get().data());
            } else {
                fold.skip(event.version());
            }
            next++;
        }

        BalanceFold.Figures figures() {
            return fold.figures();
        }

        Optional<Gap> gap(UUID accountId) {
            return waiting == null || waiting.isEmpty() ? Optional.empty()
                    : Optional.of(new Gap(accountId, next - 1, waiting.firstKey(), waiting.size()));
        }
    }

    private static final class Findings {
        private final List<Difference> listed = new ArrayList<>();
        private final List<Gap> gaps = new ArrayList<>();
        private long found;
        private int accountsChecked;

        void add(Gap gap) {
            if (gaps.size() < MOST_LISTED) {
                gaps.add(gap);
            }
        }

        void add(Difference difference) {
            found++;
            if (listed.size() < MOST_LISTED) {
                listed.add(difference);
            }
        }
    }
}
