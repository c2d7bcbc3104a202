package dev.ardoise.account.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;

/**
 * The accounts the outbox relay parked: one of their outbox rows could not be published for a reason that follows
 * the row, and their later rows wait behind it. Operators list them, retry one (after raising the topic's limit,
 * say: the relay takes the row up again in its next turn) or skip its event with a reason, recorded with their
 * name; the account's later rows then go out in order. A skipped event stays in the event store.
 */
@ApplicationScoped
public class ParkedAccounts {
    private static final Logger LOG = Logger.getLogger(ParkedAccounts.class);

    /** A parking, as the relay records it in the batch's transaction. */
    record Parking(UUID accountId, long position, long version, String type, String reason) {
    }

    /** A parked account as operators see it: its store (if known), where it stopped, why, since when, what waits. */
    public record ParkedAccount(UUID accountId, String storeId, long version, String eventType, String reason,
                                Instant parkedAt, long waiting) {
    }

    /** An event an operator chose not to publish. */
    public record SkippedEvent(UUID accountId, long version, String eventType, String parkedReason, Instant parkedAt,
                               String reason, String skippedBy, Instant skippedAt) {
    }

    private final Pool pool;
    private final Clock clock;
    private final AtomicLong parked = new AtomicLong();

    ParkedAccounts(Pool pool, Clock clock, MeterRegistry meters) {
        this.pool = pool;
        this.clock = clock;
        meters.gauge("ardoise.relay.parked.accounts", parked);
    }

    /** Parks the account at this row, in the relay's transaction; an account already parked stays as it is. */
    static void park(SqlClient tx, Parking parking) {
        tx.preparedQuery("""
                        insert into outbox_parked_account (account_id, position, version, event_type, reason, parked_at)
                        values ($1, $2, $3, $4, $5, now()) on conflict (account_id) do nothing""")
                .execute(Tuple.of(parking.accountId(), parking.position(), parking.version(), parking.type(),
                        parking.reason()))
                .await().indefinitely();
    }

    /** Counts the parked accounts again for the gauge (every instance's parkings are in the table). */
    void refreshCount() {
        pool.query("select count(*) as n from outbox_parked_account").execute()
                .subscribe().with(rows -> parked.set(rows.iterator().next().getLong("n")),
                        failure -> LOG.debugf("cannot count the parked accounts now: %s", failure.getMessage()));
    }

    /** The parked accounts, longest parked first. */
    public Uni<List<ParkedAccount>> list(int limit) {
        return pool.preparedQuery("""
                        select p.account_id, c.store_id, p.version, p.event_type, p.reason, p.parked_at,
                               (select count(*) from outbox o where o.account_id = p.account_id
                                  and o.published_at is null and o.position > p.position) as waiting
                        from outbox_parked_account p left join customer_accounts c on c.account_id = p.account_id
                        order by p.parked_at, p.account_id limit $1""")
                .execute(Tuple.of(limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ParkedAccounts::parkedAccount).toList());
    }

    /**
     * Unparks the account: the relay sends its row again in its next turn, and parks it again if it still cannot.
     *
     * @return the parking that was lifted
     * @throws NotParkedException (as the Uni's failure) when the account is not parked
     */
    public Uni<ParkedAccount> retry(UUID accountId) {
        return pool.withTransaction(tx -> parkedForUpdate(tx, accountId)
                        .call(found -> tx.preparedQuery("delete from outbox_parked_account where account_id = $1")
                                .execute(Tuple.of(accountId))))
                .invoke(this::refreshCount);
    }

    /**
     * Skips the parked event: its row is passed (leaves the outbox as a published row does; recorded in
     * outbox_skipped_event with the operator and the reason) and the account's later rows go out in order.
     *
     * @throws NotParkedException     when the account is not parked
     * @throws NotTheParkedEventException when {@code version} is not the version it is parked at
     */
    public Uni<SkippedEvent> skip(UUID accountId, long version, String reason, String operator) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> parkedRowForUpdate(tx, accountId).chain(row -> {
                    if (row.getLong("version") != version) {
                        return Uni.createFrom().failure(new NotTheParkedEventException(accountId, row.getLong("version")));
                    }
                    SkippedEvent skipped = new SkippedEvent(accountId, version, row.getString("event_type"),
                            row.getString("reason"), row.getOffsetDateTime("parked_at").toInstant(), reason, operator,
                            now);
                    return tx.preparedQuery("""
                                    insert into outbox_skipped_event (position, account_id, version, event_type,
                                        parked_reason, parked_at, reason, skipped_by, skipped_at)
                                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                            .execute(Tuple.tuple(List.of(row.getLong("position"), accountId, version, skipped.eventType(),
                                    skipped.parkedReason(), row.getOffsetDateTime("parked_at"), reason, operator,
                                    now.atOffset(ZoneOffset.UTC))))
                            .chain(() -> tx.preparedQuery("delete from outbox where position = $1")
                                    .execute(Tuple.of(row.getLong("position"))))
                            .chain(() -> tx.preparedQuery("delete from outbox_parked_account where account_id = $1")
                                    .execute(Tuple.of(accountId)))
                            .replaceWith(skipped);
                }))
                .invoke(this::refreshCount);
    }

    /** The events operators skipped, latest first; only one account's when {@code accountId} is not null. */
    public Uni<List<SkippedEvent>> skipped(UUID accountId, int limit) {
        return pool.preparedQuery("""
                        select account_id, version, event_type, parked_reason, parked_at, reason, skipped_by, skipped_at
                        from outbox_skipped_event where $1::uuid is null or account_id = $1
                        order by skipped_at desc, position desc limit $2""")
                .execute(Tuple.of(accountId, limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> new SkippedEvent(
                        row.getUUID("account_id"), row.getLong("version"), row.getString("event_type"),
                        row.getString("parked_reason"), row.getOffsetDateTime("parked_at").toInstant(),
                        row.getString("reason"), row.getString("skipped_by"),
                        row.getOffsetDateTime("skipped_at").toInstant())).toList());
    }

    private static Uni<ParkedAccount> parkedForUpdate(SqlClient tx, UUID accountId) {
        return parkedRowForUpdate(tx, accountId).chain(row -> tx.preparedQuery("""
                        select count(*) as waiting from outbox
                        where account_id = $1 and published_at is null and position > $2""")
                .execute(Tuple.of(accountId, row.getLong("position")))
                .map(rows -> parkedAccount(row, rows.iterator().next().getLong("waiting"))));
    }

    private static Uni<Row> parkedRowForUpdate(SqlClient tx, UUID accountId) {
        return tx.preparedQuery("""
                        select p.position, p.account_id, c.store_id, p.version, p.event_type, p.reason, p.parked_at
                        from outbox_parked_account p left join customer_accounts c on c.account_id = p.account_id
                        where p.account_id = $1 for update of p""")
                .execute(Tuple.of(accountId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotParkedException(accountId);
                    }
                    return rows.iterator().next();
                });
    }

    private static ParkedAccount parkedAccount(Row row) {
        return parkedAccount(row, row.getLong("waiting"));
    }

    private static ParkedAccount parkedAccount(Row row, long waiting) {
        return new ParkedAccount(row.getUUID("account_id"), row.getString("store_id"), row.getLong("version"),
                row.getString("event_type"), row.getString("reason"), row.getOffsetDateTime("parked_at").toInstant(),
                waiting);
    }

    /** The account is not parked by the relay. */
    public static final class NotParkedException extends RuntimeException {
        private final UUID accountId;

        public NotParkedException(UUID accountId) {
            super("account " + accountId + " is not parked by the outbox relay");
            this.accountId = accountId;
        }

        public UUID accountId() {
            return accountId;
        }
    }

    /** A skip names another version than the one the account is parked at. */
    public static final class NotTheParkedEventException extends RuntimeException {
        private final long parkedVersion;

        public NotTheParkedEventException(UUID accountId, long parkedVersion) {
            super("account " + accountId + " is parked at version " + parkedVersion);
            this.parkedVersion = parkedVersion;
        }

        public long parkedVersion() {
            return parkedVersion;
        }
    }
}
