package dev.ardoise.account.pos;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Every answer given on pos-sale-results, by account and sale: a repeat of the sale gets the same answer. */
@ApplicationScoped
public class PosSaleAnswers {
    private final Pool pool;

    PosSaleAnswers(Pool pool) {
        this.pool = pool;
    }

    Uni<Optional<Answer>> find(String accountId, String saleId) {
        return pool.preparedQuery("""
                        select answer_id, answer_type, answer, answered_at from pos_sale_answers
                        where account_id = $1 and sale_id = $2""")
                .execute(Tuple.of(accountId, saleId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(answer(rows.iterator().next()))
                        : Optional.empty());
    }

    /** Records the answer, or answers the one recorded first. */
    Uni<Answer> record(String accountId, String saleId, Answer answer) {
        return pool.preparedQuery("""
                        insert into pos_sale_answers (account_id, sale_id, answer_id, answer_type, answer, answered_at)
                        values ($1, $2, $3, $4, $5, $6) on conflict (account_id, sale_id) do nothing""")
                .execute(Tuple.tuple(java.util.List.of(accountId, saleId, answer.id(), answer.type(), answer.json(),
                        answer.answeredAt().atOffset(ZoneOffset.UTC))))
                .chain(inserted -> inserted.rowCount() == 1 ? Uni.createFrom().item(answer)
                        : find(accountId, saleId).map(Optional::orElseThrow));
    }

    private static Answer answer(Row row) {
        return new Answer(row.getUUID("answer_id"), row.getString("answer_type"), row.getString("answer"),
                row.getOffsetDateTime("answered_at").toInstant());
    }

    /** One answer: its CloudEvents id and type, the JSON value, and when it was first given. */
    record Answer(UUID id, String type, String json, Instant answeredAt) {
    }
}
