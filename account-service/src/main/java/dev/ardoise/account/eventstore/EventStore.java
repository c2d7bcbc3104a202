package dev.ardoise.account.eventstore;

import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.InvoiceIdentity;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.CreditHoldExpired;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The accounts' event streams in PostgreSQL. Appending writes the events at the versions that follow the one
 * the command was decided on, with their metadata (which names those versions: {@code metadata.command}), the same
 * events to the outbox, and the holds still reserving credit to {@code credit_holds}, all in one statement: with
 * the pool, that statement is its own transaction.
 */
@ApplicationScoped
public class EventStore {
    /**
     * The most bytes (UTF-8) an event's record value may have. The topic and the relay's producer take records of
     * up to 1 MiB by default ({@code max.message.bytes}, {@code max.request.size}); an event stored beyond what they
     * take could never be published. Half of that leaves room for the record's headers and framing, and for a topic
     * set a little lower, so that whatever is recorded can be published. No sale within the edges' bounds comes
     * near it; an event this large is refused at append, nothing recorded.
     */
    public static final int MAX_EVENT_BYTES = 512 * 1024;
    /** Events read and queued per transaction by a republish: its memory is one page, whatever the stream's length. */
    static final int REPUBLISH_PAGE = 100;
    private static final String UNIQUE_VIOLATION = "23505";
    /** The unnumbered invoice number as the events' JSON writes it (no user text can write it unescaped). */
    private static final String UNNUMBERED_IN_JSON = "\"invoiceNumber\":\"" + InvoiceIdentity.UNNUMBERED + "\"";
    /**
     * The version an append was decided on is still the stream's last ({@code $12}, 0 for a new stream). A later one
     * fails the append on (account_id, version); this catches the other way: the stream lost commits the decision
     * counted on (a database restored, or failed over to a replica that had not received them), which would
     * otherwise leave a gap that stops every reader at that account.
     */
    static final String DECIDED_ON_LAST = "($12::bigint = 0 or exists (select 1 from account_events "
            + "where account_id = $1 and version = $12))";
    private static final String APPEND = appendStatement("data", "body", "", "null::text");
    private static final String APPEND_NUMBERED = "with " + InvoiceNumbers.NEXT + ",\n"
            + appendStatement("replace(data, $14, '\"invoiceNumber\":\"' || invoice_number || '\"')",
            "replace(body, $14, '\"invoiceNumber\":\"' || invoice_number || '\"')", ", next_number",
            "(select invoice_number from next_number)").substring("with ".length());

    private final Pool pool;
    private final Clock clock;

    EventStore(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<CreditAccount> load(SqlClient client, UUID accountId) {
        return readStream(client, accountId)
                .map(events -> CreditAccount.replay(accountId, events.stream().map(RecordedEvent::data).toList()));
    }

    public Uni<List<RecordedEvent>> history(UUID accountId) {
        return readStream(pool, accountId);
    }

    /** At most {@code limit} of the account's events after {@code afterVersion}, in version order. */
    public Uni<List<RecordedEvent>> history(UUID accountId, long afterVersion, int limit) {
        return pool.preparedQuery("""
                        select event_id, version, event_type, data::text as data, occurred_at,
                               metadata::text as metadata
                        from account_events where account_id = $1 and version > $2 order by version limit $3""")
                .execute(Tuple.of(accountId, afterVersion, limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> recordedEvent(accountId, row))
                        .toList());
    }

    /** Appends with no actor recorded (for tests of the store itself). */
    public Uni<List<RecordedEvent>> append(SqlClient tx, CreditAccount decidedOn, List<AccountEvent> events) {
        return append(tx, decidedOn, events, EventMetadata.UNRECORDED);
    }

    /**
     * @throws ConcurrentAppendException (as the Uni's failure) when another command took one of these versions
     * @throws EventTooLargeException    (as the Uni's failure) when an event is larger than the topic could take
     */
    public Uni<List<RecordedEvent>> append(SqlClient client, CreditAccount decidedOn, List<AccountEvent> events,
                                           EventMetadata metadata) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<RecordedEvent> recorded = recorded(decidedOn, events, metadata, now);
        return appended(client, decidedOn, recorded, null).replaceWith(recorded);
    }

    /**
     * Appends a charge decided on an {@link InvoiceIdentity#unnumbered} invoice, numbered in the store's series by
     * the same statement: the store's counter row is locked from that statement to its commit only. With a
     * {@code client} that is not in a transaction, the statement is the whole transaction (one round trip).
     *
     * @return the invoice number the charge took (given back if the statement fails, so the series stays gapless)
     * @throws ConcurrentAppendException (as the Uni's failure) when another command took one of these versions
     * @throws EventTooLargeException    (as the Uni's failure) when an event is larger than the topic could take
     */
    public Uni<String> appendNumbered(SqlClient client, CreditAccount decidedOn, List<AccountEvent> events,
                                      EventMetadata metadata, String storeId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return appended(client, decidedOn, recorded(decidedOn, events, metadata, now), storeId);
    }

    private static List<RecordedEvent> recorded(CreditAccount decidedOn, List<AccountEvent> events,
                                                EventMetadata metadata, Instant now) {
        List<RecordedEvent> recorded = new ArrayList<>();
        if (events.isEmpty()) {
            return recorded;
        }
        // every event of the append carries the versions of the whole command, so a reader knows when it has them all
        EventMetadata ofCommand = metadata.withCommand(new CommandVersions(decidedOn.version() + 1,
                decidedOn.version() + events.size()));
        for (AccountEvent event : events) {
            long version = decidedOn.version() + recorded.size() + 1;
            recorded.add(new RecordedEvent(UUID.randomUUID(), decidedOn.id(), version, now, ofCommand, event));
        }
        return recorded;
    }

    /**
     * One statement for the events, their outbox rows and the holds they place or end, whatever their number (and,
     * with a store, the invoice number): a round trip, where a row at a time took one per row and table.
     */
    private Uni<String> appended(SqlClient client, CreditAccount decidedOn, List<RecordedEvent> recorded,
                                 String numberedIn) {
        if (recorded.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String[] bodies = new String[recorded.size()];
        for (int i = 0; i < recorded.size(); i++) {
            bodies[i] = AccountEventJson.write(recorded.get(i));
            int bytes = bodies[i].getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_EVENT_BYTES) {
                return Uni.createFrom().failure(new EventTooLargeException(recorded.get(i).type(), bytes,
                        MAX_EVENT_BYTES));
            }
        }
        List<Object> parameters = new ArrayList<>(List.of(decidedOn.id(),
                recorded.stream().map(RecordedEvent::version).toArray(Long[]::new),
                recorded.stream().map(RecordedEvent::eventId).toArray(UUID[]::new),
                recorded.stream().map(RecordedEvent::type).toArray(String[]::new),
                recorded.stream().map(event -> AccountEventJson.writeData(event.data())).toArray(String[]::new),
                recorded.get(0).occurredAt().atOffset(ZoneOffset.UTC),
                AccountEventJson.writeMetadata(recorded.get(0).metadata()), bodies));
        HoldChanges holds = HoldChanges.of(recorded);
        parameters.addAll(List.of(holds.placedIds(), holds.placedExpiries(), holds.endedIds(), decidedOn.version()));
        if (numberedIn != null) {
            if (Arrays.stream(bodies).noneMatch(body -> body.contains(UNNUMBERED_IN_JSON))) {
                throw new IllegalStateException("a numbered append without the unnumbered invoice in its events");
            }
            parameters.addAll(List.of(numberedIn, UNNUMBERED_IN_JSON));
        }
        return client.preparedQuery(numberedIn == null ? APPEND : APPEND_NUMBERED)
                .execute(Tuple.tuple(parameters))
                .onFailure(EventStore::isUniqueViolation)
                .transform(e -> new ConcurrentAppendException(decidedOn.id(), decidedOn.version()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong("appended") == 0) {
                        throw new ConcurrentAppendException(decidedOn.id(), decidedOn.version());
                    }
                    return row.getString("invoice_number");
                });
    }

    /**
     * The account with the events appended after the version it was read at, by this instance or another: itself
     * when there are none (one indexed read), else a copy brought up to date (the account given is left as it was).
     */
    public Uni<CreditAccount> caughtUp(SqlClient client, CreditAccount account) {
        return eventsAfter(client, account.id(), account.version()).map(events -> {
            if (events.isEmpty()) {
                return account;
            }
            CreditAccount later = account.copy();
            events.forEach(event -> later.apply(event.data()));
            return later;
        });
    }

    private Uni<List<RecordedEvent>> eventsAfter(SqlClient client, UUID accountId, long afterVersion) {
        return client.preparedQuery("""
                        select event_id, version, event_type, data::text as data, occurred_at,
                               metadata::text as metadata
                        from account_events where account_id = $1 and version > $2 order by version""")
                .execute(Tuple.of(accountId, afterVersion))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> recordedEvent(accountId, row))
                        .toList());
    }

    /**
     * Queues the account's events from {@code fromVersion} on, as the event store holds them, in the outbox again:
     * the relay publishes them in order on the account's partition, behind what it has already queued (readers skip
     * what they applied). Pages of {@link #REPUBLISH_PAGE} events, each in a transaction of its own, up to the
     * version the account had when it began.
     *
     * @return null (as the item) when the account has no event
     */
    public Uni<Republished> republish(UUID accountId, long fromVersion) {
        return pool.preparedQuery("select max(version) as last from account_events where account_id = $1")
                .execute(Tuple.of(accountId))
                .map(rows -> rows.iterator().next().getLong("last"))
                .chain(last -> last == null ? Uni.createFrom().nullItem()
                        : republishPages(accountId, fromVersion, last, 0)
                        .map(queued -> new Republished(accountId, fromVersion, last, queued)));
    }

    private Uni<Long> republishPages(UUID accountId, long from, long upTo, long queued) {
        if (from > upTo) {
            return Uni.createFrom().item(queued);
        }
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                select event_id, version, event_type, data::text as data, occurred_at,
                                       metadata::text as metadata
                                from account_events where account_id = $1 and version between $2 and $3
                                order by version limit $4""")
                        .execute(Tuple.of(accountId, from, upTo, REPUBLISH_PAGE))
                        .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                                .map(row -> recordedEvent(accountId, row)).toList())
                        .call(page -> page.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery("""
                                        insert into outbox (event_id, account_id, version, event_type, body, occurred_at)
                                        values ($1, $2, $3, $4, $5, $6)""")
                                .executeBatch(page.stream().map(event -> outboxRow(event, AccountEventJson.write(event)))
                                        .toList())))
                .chain(page -> page.isEmpty() ? Uni.createFrom().item(queued)
                        : republishPages(accountId, page.get(page.size() - 1).version() + 1, upTo,
                        queued + page.size()));
    }

    /** What a republish queued: the account's events {@code fromVersion..toVersion}, {@code queued} of them. */
    public record Republished(UUID accountId, long fromVersion, long toVersion, long queued) {
    }

    /** The holds past their expiry that no event ended yet, oldest first: (account, hold) pairs. */
    public Uni<List<LapsedHold>> lapsedHolds(Instant now, int limit) {
        return pool.preparedQuery("""
                        select account_id, hold_id from credit_holds where expires_at <= $1
                        order by expires_at limit $2""")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new LapsedHold(row.getUUID("account_id"), row.getString("hold_id")))
                        .toList());
    }

    /** Forgets a hold the stream already ended (kept only if its events were written before this table). */
    public Uni<Void> forgetHold(UUID accountId, String holdId) {
        return pool.preparedQuery("delete from credit_holds where account_id = $1 and hold_id = $2")
                .execute(Tuple.of(accountId, holdId)).replaceWithVoid();
    }

    private Uni<List<RecordedEvent>> readStream(SqlClient client, UUID accountId) {
        return client.preparedQuery("""
                        select event_id, version, event_type, data::text as data, occurred_at,
                               metadata::text as metadata
                        from account_events where account_id = $1 order by version""")
                .execute(Tuple.of(accountId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> recordedEvent(accountId, row))
                        .toList());
    }

    private static RecordedEvent recordedEvent(UUID accountId, Row row) {
        String type = row.getString("event_type");
        return new RecordedEvent(row.getUUID("event_id"), accountId, row.getLong("version"),
                row.getOffsetDateTime("occurred_at").toInstant(),
                AccountEventJson.readMetadata(row.getString("metadata")),
                AccountEventJson.readData(type, row.getString("data")));
    }

    private static Tuple outboxRow(RecordedEvent event, String body) {
        return Tuple.tuple(List.of(event.eventId(), event.accountId(), event.version(), event.type(), body,
                event.occurredAt().atOffset(ZoneOffset.UTC)));
    }

    /** The append's statement, its events' data and body as given (or stamped with the number), joined as given. */
    private static String appendStatement(String data, String body, String joined, String invoiceNumber) {
        return """
                with stamped as (
                    select version, event_id, event_type, %s as data, %s as body
                    from unnest($2::bigint[], $3::uuid[], $4::text[], $5::text[], $8::text[])
                         as e(version, event_id, event_type, data, body)%s
                    where %s),
                events as (
                    insert into account_events (account_id, version, event_id, event_type, data, occurred_at,
                                                metadata)
                    select $1, version, event_id, event_type, data::jsonb, $6, $7::text::jsonb from stamped
                    returning 1),
                queued as (
                    insert into outbox (event_id, account_id, version, event_type, body, occurred_at)
                    select event_id, $1, version, event_type, body, $6 from stamped order by version),
                placed as (
                    insert into credit_holds (account_id, hold_id, expires_at)
                    select $1, hold_id, expires_at
                    from unnest($9::text[], $10::timestamptz[]) as h(hold_id, expires_at)
                    where exists (select 1 from stamped)),
                ended as (
                    delete from credit_holds where account_id = $1 and hold_id = any($11::text[])
                    and exists (select 1 from stamped))
                select %s as invoice_number, (select count(*) from events) as appended"""
                .formatted(data, body, joined, DECIDED_ON_LAST, invoiceNumber);
    }

    /** The holds an append places (with their expiry) and ends, kept in credit_holds for the expiry job. */
    private record HoldChanges(String[] placedIds, OffsetDateTime[] placedExpiries, String[] endedIds) {
        static HoldChanges of(List<RecordedEvent> recorded) {
            List<CreditHoldPlaced> placed = new ArrayList<>();
            List<String> ended = new ArrayList<>();
            for (RecordedEvent event : recorded) {
                if (event.data() instanceof CreditHoldPlaced hold) {
                    placed.add(hold);
                } else if (event.data() instanceof CreditHoldVoided hold) {
                    ended.add(hold.holdId());
                } else if (event.data() instanceof CreditHoldExpired hold) {
                    ended.add(hold.holdId());
                } else if (event.data() instanceof SaleCharged sale && sale.holdId() != null) {
                    ended.add(sale.holdId());
                }
            }
            return new HoldChanges(placed.stream().map(CreditHoldPlaced::holdId).toArray(String[]::new),
                    placed.stream().map(hold -> hold.expiresAt().atOffset(ZoneOffset.UTC))
                            .toArray(OffsetDateTime[]::new),
                    ended.toArray(String[]::new));
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    /** A hold past its expiry, named by its account and id. */
    public record LapsedHold(UUID accountId, String holdId) {
    }
}
