package dev.ardoise.invoice.projection;

import dev.ardoise.events.MalformedEventException;
import dev.ardoise.events.reader.SkippedVersions;
import dev.ardoise.events.reader.StreamEvent;
import dev.ardoise.invoice.domain.BalanceFold;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Recomputes every account's money from account-events with {@link BalanceFold} (the catalogue's rules, apart
 * from the projection's code) and compares it with the read models. An account the projection has not brought
 * to the topic's version yet is reported once, as a {@code version} difference, not field by field.
 */
@ApplicationScoped
public class Reconciliation {
    private final AgroalDataSource dataSource;
    private final BrokerConnection broker;

    Reconciliation(AgroalDataSource dataSource, BrokerConnection broker) {
        this.dataSource = dataSource;
        this.broker = broker;
    }

    public record Difference(UUID accountId, String field, String expected, String actual) {
    }

    public record Report(int accountsChecked, List<Difference> differences) {
    }

    /** Blocking: reads the whole topic; call it from a worker thread. */
    public Report run() throws SQLException {
        Map<UUID, TreeMap<Long, StreamEvent>> streams = new HashMap<>();
        SkippedVersions skipped;
        try (Connection connection = dataSource.getConnection()) {
            skipped = SkippedVersions.read(connection);
        }
        try (TopicReplay replay = new TopicReplay(broker)) {
            replay.readToEnd(body -> {
                try {
                    StreamEvent event = skipped.leftOutIfSkipped(StreamEvent.read(body));
                    streams.computeIfAbsent(event.accountId(), id -> new TreeMap<>()).putIfAbsent(event.version(), event);
                } catch (MalformedEventException e) {
                    // dead-lettered by the live consumer; not an account's event
                }
            });
        }
        Map<UUID, BalanceFold.Figures> expected = new HashMap<>();
        streams.forEach((accountId, events) -> expected.put(accountId, fold(events)));
        Map<UUID, BalanceFold.Figures> actual = readModels();
        List<Difference> differences = new ArrayList<>();
        expected.forEach((accountId, figures) -> compare(accountId, figures, actual.get(accountId), differences));
        actual.keySet().stream().filter(accountId -> !expected.containsKey(accountId)).forEach(accountId ->
                differences.add(new Difference(accountId, "account", "absent from account-events", "present")));
        return new Report(expected.size(), differences);
    }

    /** Only the versions that follow each other from 1, as the projection applies them. */
    private static BalanceFold.Figures fold(TreeMap<Long, StreamEvent> events) {
        BalanceFold fold = new BalanceFold();
        long next = 1;
        for (StreamEvent event : events.values()) {
            if (event.version() != next) {
                break;
            }
            if (event.event().isPresent()) {
                fold.fold(event.version(), event.event().get().data());
            } else {
                fold.skip(event.version());
            }
            next++;
        }
        return fold.figures();
    }

    private static void compare(UUID accountId, BalanceFold.Figures expected, BalanceFold.Figures actual,
                                List<Difference> differences) {
        if (actual == null) {
            if (expected.version() > 0) {
                differences.add(new Difference(accountId, "account", "present", "absent"));
            }
            return;
        }
        if (expected.version() != actual.version()) {
            differences.add(new Difference(accountId, "version", String.valueOf(expected.version()),
                    String.valueOf(actual.version())));
            return;
        }
        field(accountId, "owed", expected.owed(), actual.owed(), differences);
        field(accountId, "depositBalance", expected.depositBalance(), actual.depositBalance(), differences);
        field(accountId, "held", expected.held(), actual.held(), differences);
        field(accountId, "creditLimit", expected.creditLimit(), actual.creditLimit(), differences);
        field(accountId, "available", expected.available(), actual.available(), differences);
    }

    private static void field(UUID accountId, String field, BigDecimal expected, BigDecimal actual,
                              List<Difference> differences) {
        String wanted = expected == null ? null : expected.toPlainString();
        String found = actual == null ? null : actual.toPlainString();
        if (!Objects.equals(wanted, found)) {
            differences.add(new Difference(accountId, field, wanted, found));
        }
    }

    private Map<UUID, BalanceFold.Figures> readModels() throws SQLException {
        Map<UUID, BalanceFold.Figures> figures = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT a.*, coalesce(p.last_version, 0) AS version, "
                     + "CASE WHEN a.credit_limit IS NULL THEN 0 ELSE greatest(0, a.credit_limit - a.owed - a.held) END "
                     + "AS available FROM account a LEFT JOIN reader_position p ON p.account_id = a.account_id")) {
            while (rows.next()) {
                String currency = rows.getString("currency");
                figures.put(rows.getObject("account_id", UUID.class), new BalanceFold.Figures(
                        scaled(rows.getBigDecimal("owed"), currency), scaled(rows.getBigDecimal("deposit_balance"), currency),
                        scaled(rows.getBigDecimal("held"), currency), scaled(rows.getBigDecimal("credit_limit"), currency),
                        scaled(rows.getBigDecimal("available"), currency), rows.getLong("version")));
            }
        }
        return figures;
    }

    /** As stored, at the currency's scale when it has no more decimals than that (a stored 700.0 reads 700.00). */
    private static BigDecimal scaled(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int scale = dev.ardoise.invoice.domain.Amounts.scaleOf(currency);
        return amount.scale() > scale ? amount : amount.setScale(scale);
    }
}
