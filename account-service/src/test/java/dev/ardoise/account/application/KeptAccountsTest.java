package dev.ardoise.account.application;

import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.eventstore.EventStore;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.openAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The account this instance keeps in memory is never trusted past a commit it did not make: events appended
 * behind its back (as another instance appends them, through the event store) are seen by the next command and
 * the next read.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KeptAccountsTest {
    private static final String STORE = "ELSEWHERE";
    private final String manager = Tokens.of("MANAGER").stores(STORE).sign();
    private final String cashier = Tokens.of("CASHIER").stores(STORE).register("R1").sign();

    @Inject
    EventStore eventStore;

    @Inject
    Pool pool;

    @Test
    void a_limit_lowered_by_another_instance_declines_the_next_charge() {
        String accountId = openAccount(manager, "1000.00");
        charge(accountId, "s1", "100.00").statusCode(201).body("available", equalTo("900.00"));

        appendElsewhere(accountId, new CreditLimitSet(new BigDecimal("150.00"), null));

        charge(accountId, "s2", "100.00").statusCode(422)
                .body("reason", equalTo("OVER_AVAILABLE")).body("available", equalTo("50.00"));
        as(cashier).get("/accounts/{id}", accountId).then().statusCode(200)
                .body("creditLimit", equalTo("150.00")).body("balance", equalTo("-100.00"))
                .body("version", equalTo(4));
    }

    @Test
    void a_sale_charged_by_another_instance_is_answered_as_a_replay_and_not_charged_again() {
        String accountId = openAccount(manager, "1000.00");
        charge(accountId, "s1", "100.00").statusCode(201);

        appendElsewhere(accountId, new SaleCharged("s2", "inv-elsewhere", STORE + "-900001",
                new BigDecimal("40.00"), List.of(), PaymentTerms.NET_30, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31), STORE, "R9"));

        charge(accountId, "s2", "40.00").statusCode(201).header("Idempotent-Replayed", "true")
                .body("invoiceId", equalTo("inv-elsewhere"));
        as(cashier).get("/accounts/{id}", accountId).then().statusCode(200)
                .body("balance", equalTo("-140.00")).body("version", equalTo(4));
    }

    @Test
    void a_charge_declined_on_the_kept_state_passes_once_another_instance_raised_the_limit() {
        String accountId = openAccount(manager, "100.00");
        charge(accountId, "s1", "100.00").statusCode(201);
        charge(accountId, "s2", "50.00").statusCode(422).body("reason", equalTo("OVER_AVAILABLE"));

        appendElsewhere(accountId, new CreditLimitSet(new BigDecimal("1000.00"), null));

        charge(accountId, "s2", "50.00").statusCode(201).body("balance", equalTo("-150.00"))
                .body("available", equalTo("850.00")).body("version", equalTo(5));
    }

    @Test
    void a_read_shows_what_another_instance_committed_since_this_one_kept_the_account() {
        String accountId = openAccount(manager, "1000.00");
        charge(accountId, "s1", "100.00").statusCode(201);
        as(cashier).get("/accounts/{id}", accountId).then().statusCode(200).body("version", equalTo(3));

        appendElsewhere(accountId, new CreditLimitSet(new BigDecimal("500.00"), null));

        as(cashier).get("/accounts/{id}", accountId).then().statusCode(200)
                .body("creditLimit", equalTo("500.00")).body("available", equalTo("400.00"))
                .body("version", equalTo(4));
    }

    @Test
    void an_account_kept_ahead_of_a_store_that_lost_its_last_commit_is_read_again_and_leaves_no_gap() {
        String accountId = openAccount(manager, "1000.00");
        charge(accountId, "s1", "100.00").statusCode(201).body("version", equalTo(3));

        loseTheLastCommit(accountId);

        charge(accountId, "s2", "40.00").statusCode(201).body("version", equalTo(3))
                .body("balance", equalTo("-40.00")).body("available", equalTo("960.00"));
        List<Long> versions = pool.preparedQuery("select version from account_events where account_id = $1 "
                        + "order by version").execute(Tuple.of(UUID.fromString(accountId)))
                .await().indefinitely().stream().map(row -> row.getLong("version")).toList();
        assertEquals(List.of(1L, 2L, 3L), versions);
    }

    private ValidatableResponse charge(String accountId, String saleId, String amount) {
        return as(cashier).body(Map.of("saleId", saleId, "amount", amount))
                .post("/accounts/{id}/charges", accountId).then();
    }

    /** What a database restored from a backup, or failed over to a replica that had not received it, forgets. */
    private void loseTheLastCommit(String accountId) {
        UUID id = UUID.fromString(accountId);
        pool.withTransaction(tx -> tx.preparedQuery("delete from outbox where account_id = $1 and version = 3")
                        .execute(Tuple.of(id))
                        .chain(() -> tx.preparedQuery("delete from account_events where account_id = $1 and version = 3")
                                .execute(Tuple.of(id))))
                .await().indefinitely();
    }

    /** What another instance does: reads the stream and appends at the next version, this instance unaware. */
    private void appendElsewhere(String accountId, AccountEvent event) {
        CreditAccount current = eventStore.load(pool, UUID.fromString(accountId)).await().indefinitely();
        pool.withTransaction(tx -> eventStore.append(tx, current, List.of(event))).await().indefinitely();
    }
}
