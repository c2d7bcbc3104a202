package dev.ardoise.invoice.it;

import dev.ardoise.events.Allocation;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One bad event stops only its own account: a sale due in year 5874898 (PostgreSQL's dates end in 5874897), an event
 * the projection throws on, and a write the database refuses until an operator fixes it. Each time a good charge on
 * another account is projected within seconds while the bad account is parked and listed; then the operator's skip
 * or retry lets it go on, its later events applied in order.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ParkedAccountsTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    /**
     * The reader has joined its group and projects: the first test of a fresh application waits for that, not for
     * the parking.
     */
    @BeforeEach
    void readerIsUp() {
        AccountStream marker = new AccountStream();
        Publisher.publish(kafka, marker.opened());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> balance(marker).body("version", equalTo(1)));
    }

    @Test
    void a_sale_due_in_year_5874898_parks_its_account_alone_and_a_skip_lets_it_go_on() {
        double parkingsBefore = meters.counter("ardoise.reader.parkings").count();
        AccountStream bad = new AccountStream();
        AccountStream good = new AccountStream();
        Publisher.publish(kafka, bad.opened(),
                bad.charged("50.00", LocalDate.now(), LocalDate.parse("+5874898-01-01")),
                bad.depositAdded("15.00"), good.opened(), good.charged("40.00"));

        awaitBalance(good, 2).body("balance", equalTo("-40.00"));
        await().atMost(SOON).untilAsserted(() -> parked(bad)
                .body("storeId", equalTo("MAIN"))
                .body("version", equalTo(2))
                .body("eventType", equalTo("SaleCharged"))
                .body("reason", containsString("22008"))
                .body("waiting", equalTo(1)));
        balance(bad).body("version", equalTo(1)).body("balance", equalTo("0.00"));
        assertTrue(meters.counter("ardoise.reader.parkings").count() > parkingsBefore);
        assertTrue(meters.get("ardoise.reader.parked.accounts").gauge().value() >= 1);

        skip(bad, Map.of("version", 3, "reason", "wrong version")).statusCode(409)
                .body("field", equalTo("version")).body("parkedAt", equalTo(2));
        skip(bad, Map.of("version", 2)).statusCode(400).body("field", equalTo("reason"));
        skip(bad, Map.of("version", 2, "reason", "x".repeat(501))).statusCode(400).body("field", equalTo("reason"));
        balance(bad).body("version", equalTo(1));

        skip(bad, Map.of("version", 2, "reason", "due date typed wrong at the till; invoice reissued"))
                .statusCode(200)
                .body("outcome", equalTo("SKIPPED"))
                .body("lastVersion", equalTo(3))
                .body("parked", nullValue());

        balance(bad).body("version", equalTo(3)).body("balance", equalTo("0.00"))
                .body("depositBalance", equalTo("15.00"));
        operator().get("/admin/parked-accounts").then().statusCode(200)
                .body("accountId", not(hasItem(bad.accountId.toString())));
        operator().queryParam("accountId", bad.accountId.toString()).get("/admin/skipped-events").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].version", equalTo(2))
                .body("[0].eventType", equalTo("SaleCharged"))
                .body("[0].parkedReason", containsString("22008"))
                .body("[0].reason", equalTo("due date typed wrong at the till; invoice reissued"))
                .body("[0].skippedBy", equalTo("operator-test"))
                .body("[0].skippedAt", not(nullValue()));
    }

    @Test
    void an_event_the_projection_throws_on_parks_its_account_and_a_retry_says_it_still_cannot_apply() {
        AccountStream odd = new AccountStream();
        AccountStream good = new AccountStream();
        RecordedEvent opened = odd.opened();
        RecordedEvent paymentForNoInvoice = odd.event(new PaymentReceived("P-" + UUID.randomUUID(),
                new BigDecimal("20.00"), "CASH", null, List.of(new Allocation("no-such-invoice", "MAIN-0",
                new BigDecimal("20.00")))));
        RecordedEvent deposit = odd.depositAdded("5.00");
        Publisher.publish(kafka, opened, paymentForNoInvoice, deposit, good.opened(), good.depositAdded("30.00"));

        awaitBalance(good, 2).body("depositBalance", equalTo("30.00"));
        await().atMost(SOON).untilAsserted(() -> parked(odd)
                .body("version", equalTo(2))
                .body("eventType", equalTo("PaymentReceived"))
                .body("reason", containsString("has no invoice no-such-invoice"))
                .body("waiting", equalTo(1)));

        retry(odd).statusCode(200)
                .body("outcome", equalTo("STILL_PARKED"))
                .body("lastVersion", equalTo(1))
                .body("parked.version", equalTo(2))
                .body("parked.reason", containsString("has no invoice no-such-invoice"));
        skip(odd, Map.of("version", 2, "reason", "payment recorded against a cancelled invoice; refunded at the till"))
                .statusCode(200).body("outcome", equalTo("SKIPPED")).body("lastVersion", equalTo(3))
                .body("parked", nullValue());
        balance(odd).body("version", equalTo(3)).body("depositBalance", equalTo("5.00"));
    }

    @Test
    void a_write_the_database_refuses_parks_the_account_until_the_operators_retry_after_the_fix()
            throws SQLException {
        AccountStream stuck = new AccountStream();
        AccountStream good = new AccountStream();
        refuseInvoicesOf(stuck.accountId);
        try {
            Publisher.publish(kafka, stuck.opened(), stuck.charged("60.00"), stuck.charged("40.00"));
            await().atMost(SOON).untilAsserted(() -> parked(stuck).body("version", equalTo(2))
                    .body("reason", containsString("23514")).body("waiting", equalTo(1)));
            Publisher.publish(kafka, good.opened(), good.charged("25.00"));
            awaitBalance(good, 2).body("balance", equalTo("-25.00"));

            retry(stuck).statusCode(200).body("outcome", equalTo("STILL_PARKED")).body("parked.version", equalTo(2));
        } finally {
            acceptInvoicesOf(stuck.accountId);
        }

        retry(stuck).statusCode(200)
                .body("outcome", equalTo("APPLIED"))
                .body("lastVersion", equalTo(3))
                .body("parked", nullValue());
        balance(stuck).body("version", equalTo(3)).body("balance", equalTo("-100.00"));
        given().auth().oauth2(Tokens.cashier()).get(stuck.path("/invoices")).then().body("total", equalTo(2));
        retry(stuck).statusCode(404).body("title", equalTo("parked account not found"));
    }

    /** As after account-service's relay skipped version 3: versions 1, 2, 4 and 5 arrive, 3 never does. */
    @Test
    void an_account_waiting_for_a_version_that_never_arrives_is_listed_and_a_skip_of_that_version_lets_it_go_on() {
        AccountStream relaySkipped = new AccountStream();
        AccountStream good = new AccountStream();
        RecordedEvent opened = relaySkipped.opened();
        RecordedEvent first = relaySkipped.charged("40.00");
        RecordedEvent neverPublished = relaySkipped.charged("999.00");
        RecordedEvent afterIt = relaySkipped.charged("25.00");
        RecordedEvent deposit = relaySkipped.depositAdded("10.00");
        Publisher.publish(kafka, opened, first, afterIt, deposit, good.opened(), good.charged("30.00"));

        awaitBalance(good, 2).body("balance", equalTo("-30.00"));
        await().atMost(SOON).untilAsserted(() -> parked(relaySkipped)
                .body("storeId", equalTo("MAIN"))
                .body("version", equalTo(3))
                .body("eventType", nullValue())
                .body("reason", equalTo("version 3 never arrived (skipped by the relay's operator, or not yet "
                        + "published)"))
                .body("parkedAt", not(nullValue()))
                .body("triedAt", nullValue())
                .body("waiting", equalTo(2)));
        balance(relaySkipped).body("version", equalTo(2)).body("balance", equalTo("-40.00"));
        assertTrue(meters.get("ardoise.reader.waiting.accounts").gauge().value() >= 1);

        skip(relaySkipped, Map.of("version", 4, "reason", "wrong version")).statusCode(409)
                .body("field", equalTo("version")).body("parkedAt", equalTo(3))
                .body("detail", containsString("waits for version 3"));
        retry(relaySkipped).statusCode(404);
        balance(relaySkipped).body("version", equalTo(2));

        skip(relaySkipped, Map.of("version", 3, "reason", "relay skipped it: sale voided at the till"))
                .statusCode(200)
                .body("outcome", equalTo("SKIPPED"))
                .body("lastVersion", equalTo(5))
                .body("parked", nullValue());
        balance(relaySkipped).body("version", equalTo(5)).body("balance", equalTo("-65.00"))
                .body("depositBalance", equalTo("10.00"));
        balance(good).body("version", equalTo(2)).body("balance", equalTo("-30.00"));
        operator().get("/admin/parked-accounts").then().statusCode(200)
                .body("accountId", not(hasItem(relaySkipped.accountId.toString())));
        operator().queryParam("accountId", relaySkipped.accountId.toString()).get("/admin/skipped-events").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].version", equalTo(3))
                .body("[0].eventType", nullValue())
                .body("[0].parkedReason", containsString("version 3 never arrived"))
                .body("[0].reason", equalTo("relay skipped it: sale voided at the till"))
                .body("[0].skippedBy", equalTo("operator-test"));

        Publisher.publish(kafka, neverPublished, relaySkipped.depositAdded("5.00"));
        awaitBalance(relaySkipped, 6).body("balance", equalTo("-65.00")).body("depositBalance", equalTo("15.00"));
    }

    @Test
    void only_operators_see_and_mend_parked_accounts_and_unknown_accounts_are_problems() {
        given().auth().oauth2(Tokens.manager()).get("/admin/parked-accounts").then().statusCode(403);
        given().auth().oauth2(Tokens.manager()).contentType("application/json").body(Map.of("version", 1,
                "reason", "x")).post("/admin/parked-accounts/{id}/skip", UUID.randomUUID()).then().statusCode(403);
        operator().post("/admin/parked-accounts/{id}/retry", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        operator().contentType("application/json").body(Map.of("version", 1, "reason", "x"))
                .post("/admin/parked-accounts/{id}/skip", UUID.randomUUID()).then().statusCode(404);
        operator().contentType("application/json").body("{\"version\": \"one\", \"reason\": \"x\"}")
                .post("/admin/parked-accounts/{id}/skip", UUID.randomUUID()).then().statusCode(400)
                .body("field", equalTo("version"));
        operator().queryParam("size", 501).get("/admin/parked-accounts").then().statusCode(400)
                .body("field", equalTo("size"));
    }

    /** A constraint standing in for a bug or a bad row that an operator fixes: invoices of this account refused. */
    private void refuseInvoicesOf(UUID accountId) throws SQLException {
        String name = "refuse_" + accountId.toString().replace('-', '_');
        execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.account_id = '" + accountId + "' THEN RAISE EXCEPTION 'invoices of this account are refused' "
                + "USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER " + name + " BEFORE INSERT ON invoice FOR EACH ROW EXECUTE FUNCTION " + name + "()");
    }

    private void acceptInvoicesOf(UUID accountId) throws SQLException {
        String name = "refuse_" + accountId.toString().replace('-', '_');
        execute("DROP TRIGGER IF EXISTS " + name + " ON invoice", "DROP FUNCTION IF EXISTS " + name + "()");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static ValidatableResponse parked(AccountStream account) {
        return operator().get("/admin/parked-accounts").then().statusCode(200)
                .rootPath("find { it.accountId == '" + account.accountId + "' }")
                .body("accountId", equalTo(account.accountId.toString()));
    }

    private static ValidatableResponse skip(AccountStream account, Map<String, Object> body) {
        return operator().contentType("application/json").body(body)
                .post("/admin/parked-accounts/{id}/skip", account.accountId).then();
    }

    private static ValidatableResponse retry(AccountStream account) {
        return operator().post("/admin/parked-accounts/{id}/retry", account.accountId).then();
    }

    private static ValidatableResponse awaitBalance(AccountStream account, int version) {
        await().atMost(SOON).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> balance(account).body("version", equalTo(version)));
        return balance(account);
    }

    private static ValidatableResponse balance(AccountStream account) {
        return given().auth().oauth2(Tokens.cashier()).get(account.path("/balance")).then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().auth().oauth2(Tokens.operator());
    }
}
