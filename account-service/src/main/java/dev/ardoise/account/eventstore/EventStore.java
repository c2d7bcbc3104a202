package dev.ardoise.account.eventstore;

import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.RecordedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The accounts' event streams in PostgreSQL. Appending writes the events at the versions that follow the one
 * the command was decided on, and the same events to the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class EventStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    EventStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<CreditAccount> load(SqlClient client, UUID accountId) {
        return readStream(client, accountId)
                .map(events -> CreditAccount.replay(accountId, events.stream().map(RecordedEvent::data).toList()));
    }

    public Uni<List<RecordedEvent>> history(UUID accountId) {
        return readStream(pool, accountId);
    }

    /**
     * @throws ConcurrentAppendException (as the Uni's failure) when another command took one of these versions
     */
    public Uni<List<RecordedEvent>> append(SqlClient tx, CreditAccount decidedOn, List<AccountEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<RecordedEvent> recorded = new ArrayList<>();
        for (AccountEvent event : events) {
            long version = decidedOn.version() + recorded.size() + 1;
            recorded.add(new RecordedEvent(UUID.randomUUID(), decidedOn.id(), version, now, EventMetadata.UNRECORDED, event));
        }
        return tx.preparedQuery("""
                        insert into account_events (account_id, version, event_id, event_type, data, occurred_at)
                        values ($1, $2, $3, $4, $5::text::jsonb, $6)""")
                .executeBatch(recorded.stream().map(EventStore::eventRow).toList())
                .onFailure(EventStore::isUniqueViolation)
                .transform(e -> new ConcurrentAppendException(decidedOn.id(), decidedOn.version()))
                .chain(() -> tx.preparedQuery("""
                                insert into outbox (event_id, account_id, version, event_type, body, occurred_at)
                                values ($1, $2, $3, $4, $5, $6)""")
                        .executeBatch(recorded.stream().map(EventStore::outboxRow).toList()))
                .replaceWith(recorded);
    }

    private Uni<List<RecordedEvent>> readStream(SqlClient client, UUID accountId) {
        return client.preparedQuery("""
                        select event_id, version, event_type, data::text as data, occurred_at
                        from account_events where account_id = $1 order by version""")
                .execute(Tuple.of(accountId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> recordedEvent(accountId, row))
                        .toList());
    }

    private static RecordedEvent recordedEvent(UUID accountId, Row row) {
        String type = row.getString("event_type");
        return new RecordedEvent(row.getUUID("event_id"), accountId, row.getLong("version"),
                row.getOffsetDateTime("occurred_at").toInstant(), EventMetadata.UNRECORDED,
                AccountEventJson.readData(type, row.getString("data")));
    }

    private static Tuple eventRow(RecordedEvent event) {
        return Tuple.tuple(List.of(event.accountId(), event.version(), event.eventId(), event.type(),
                AccountEventJson.writeData(event.data()), event.occurredAt().atOffset(ZoneOffset.UTC)));
    }

    private static Tuple outboxRow(RecordedEvent event) {
        return Tuple.tuple(List.of(event.eventId(), event.accountId(), event.version(), event.type(),
                AccountEventJson.write(event), event.occurredAt().atOffset(ZoneOffset.UTC)));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
