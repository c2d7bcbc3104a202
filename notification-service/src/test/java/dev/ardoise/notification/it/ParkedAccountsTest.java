package dev.ardoise.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.InjectSmtpServer;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.deposit;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.uniqueDomain;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One bad event stops only its own account's emails: a sale due in year 5874898 (PostgreSQL's dates end in 5874897)
 * and a write the database refuses until an operator fixes it. Each time a good sale on another account is emailed
 * within seconds while the bad account is parked and listed; then the operator's skip or retry lets it go on.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ParkedAccountsTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @InjectKafka
    KafkaCompanion kafka;

    @InjectSmtpServer
    GreenMail smtp;

    @Inject
    AgroalDataSource dataSource;

    /** The reader has joined its group: the first test of a fresh application waits for that, not for the parking. */
    @BeforeEach
    void readerIsUp() {
        UUID marker = UUID.randomUUID();
        new AccountEventsFixture(kafka).publish(marker, 1, opened(null, false, "en"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> lastVersion(marker) == 1);
    }

    @Test
    void a_sale_due_in_year_5874898_parks_its_account_alone_and_a_skip_lets_it_go_on() throws SQLException {
        AccountEventsFixture events = new AccountEventsFixture(kafka);
        UUID bad = UUID.randomUUID();
        String badDomain = uniqueDomain();
        UUID good = UUID.randomUUID();
        String goodDomain = uniqueDomain();
        SaleCharged farSale = dueOn(charged("50.00"), LocalDate.parse("+5874898-01-01"));
        SaleCharged nextSale = charged("70.00");
        events.publish(bad, 1, opened("marie@" + badDomain, true, "fr-CA"));
        events.publish(bad, 2, farSale);
        events.publish(bad, 3, nextSale);
        events.publish(good, 1, opened("zoe@" + goodDomain, true, "fr-CA"));
        events.publish(good, 2, charged("40.00"));

        Mailbox goodMail = new Mailbox(smtp, goodDomain);
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> goodMail.emails().size() == 1);
        assertTrue(goodMail.emails().get(0).text().contains("40,00 $"));
        await().atMost(SOON).untilAsserted(() -> parked(bad)
                .body("storeId", equalTo("MAIN"))
                .body("version", equalTo(2))
                .body("eventType", equalTo("SaleCharged"))
                .body("reason", containsString("22008"))
                .body("waiting", equalTo(1)));
        assertEquals(1, lastVersion(bad));

        skip(bad, Map.of("version", 3, "reason", "wrong version")).statusCode(409).body("parkedAt", equalTo(2));
        skip(bad, Map.of("version", 2, "reason", " ")).statusCode(400).body("field", equalTo("reason"));
        skip(bad, Map.of("version", 2, "reason", "due date typed wrong at the till; invoice reissued"))
                .statusCode(200)
                .body("outcome", equalTo("SKIPPED"))
                .body("lastVersion", equalTo(3))
                .body("parked", nullValue());

        Mailbox badMail = new Mailbox(smtp, badDomain);
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> badMail.emails().size() == 1);
        assertTrue(badMail.emails().get(0).subject().contains(nextSale.invoiceNumber()),
                badMail.emails().get(0).subject());
        As.operator().get("/admin/parked-accounts").then().statusCode(200)
                .body("accountId", not(hasItem(bad.toString())));
        As.operator().queryParam("accountId", bad.toString()).get("/admin/skipped-events").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].version", equalTo(2))
                .body("[0].parkedReason", containsString("22008"))
                .body("[0].reason", equalTo("due date typed wrong at the till; invoice reissued"))
                .body("[0].skippedBy", equalTo("operator-test"));
    }

    @Test
    void a_write_the_database_refuses_parks_the_account_until_the_operators_retry_after_the_fix()
            throws SQLException {
        AccountEventsFixture events = new AccountEventsFixture(kafka);
        UUID stuck = UUID.randomUUID();
        String stuckDomain = uniqueDomain();
        UUID good = UUID.randomUUID();
        String goodDomain = uniqueDomain();
        SaleCharged sale = charged("60.00");
        refuseInvoicesOf(stuck);
        try {
            events.publish(stuck, 1, opened("marie@" + stuckDomain, true, "fr-CA"));
            events.publish(stuck, 2, sale);
            await().atMost(SOON).untilAsserted(() -> parked(stuck).body("version", equalTo(2))
                    .body("reason", containsString("23514")));
            events.publish(good, 1, opened("zoe@" + goodDomain, true, "fr-CA"));
            events.publish(good, 2, charged("25.00"));
            Mailbox goodMail = new Mailbox(smtp, goodDomain);
            await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> goodMail.emails().size() == 1);

            retry(stuck).statusCode(200).body("outcome", equalTo("STILL_PARKED")).body("parked.version", equalTo(2));
        } finally {
            acceptInvoicesOf(stuck);
        }

        retry(stuck).statusCode(200).body("outcome", equalTo("APPLIED")).body("lastVersion", equalTo(2))
                .body("parked", nullValue());
        Mailbox stuckMail = new Mailbox(smtp, stuckDomain);
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> stuckMail.emails().size() == 1);
        assertTrue(stuckMail.emails().get(0).subject().contains(sale.invoiceNumber()));
        retry(stuck).statusCode(404).contentType("application/problem+json");
    }

    /** As after account-service's relay skipped version 3: versions 1, 2, 4 and 5 arrive, 3 never does. */
    @Test
    void an_account_waiting_for_a_version_that_never_arrives_is_listed_and_a_skip_of_that_version_lets_it_go_on()
            throws SQLException {
        AccountEventsFixture events = new AccountEventsFixture(kafka);
        UUID relaySkipped = UUID.randomUUID();
        String skippedDomain = uniqueDomain();
        UUID good = UUID.randomUUID();
        String goodDomain = uniqueDomain();
        SaleCharged first = charged("40.00");
        SaleCharged afterTheGap = charged("70.00");
        events.publish(relaySkipped, 1, opened("marie@" + skippedDomain, true, "fr-CA"));
        events.publish(relaySkipped, 2, first);
        events.publish(relaySkipped, 4, afterTheGap);
        events.publish(relaySkipped, 5, deposit("10.00"));
        events.publish(good, 1, opened("zoe@" + goodDomain, true, "fr-CA"));
        events.publish(good, 2, charged("30.00"));

        Mailbox goodMail = new Mailbox(smtp, goodDomain);
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> goodMail.emails().size() == 1);
        assertTrue(goodMail.emails().get(0).text().contains("30,00 $"));
        await().atMost(SOON).untilAsserted(() -> parked(relaySkipped)
                .body("storeId", equalTo("MAIN"))
                .body("version", equalTo(3))
                .body("eventType", nullValue())
                .body("reason", equalTo("version 3 never arrived (skipped by the relay's operator, or not yet "
                        + "published)"))
                .body("triedAt", nullValue())
                .body("waiting", equalTo(2)));
        assertEquals(2, lastVersion(relaySkipped));
        Mailbox skippedMail = new Mailbox(smtp, skippedDomain);
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> skippedMail.emails().size() == 1);
        assertTrue(skippedMail.emails().get(0).subject().contains(first.invoiceNumber()));

        skip(relaySkipped, Map.of("version", 2, "reason", "wrong version")).statusCode(409)
                .body("field", equalTo("version")).body("parkedAt", equalTo(3));
        skip(relaySkipped, Map.of("version", 3, "reason", "relay skipped it: sale voided at the till"))
                .statusCode(200)
                .body("outcome", equalTo("SKIPPED"))
                .body("lastVersion", equalTo(5))
                .body("parked", nullValue());

        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> skippedMail.emails().size() == 2);
        assertTrue(skippedMail.emails().get(1).subject().contains(afterTheGap.invoiceNumber()),
                skippedMail.emails().get(1).subject());
        assertTrue(skippedMail.emails().get(1).text().contains("70,00 $"));
        assertEquals(1, goodMail.emails().size());
        As.operator().get("/admin/parked-accounts").then().statusCode(200)
                .body("accountId", not(hasItem(relaySkipped.toString())));
        As.operator().queryParam("accountId", relaySkipped.toString()).get("/admin/skipped-events").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].version", equalTo(3))
                .body("[0].eventType", nullValue())
                .body("[0].reason", equalTo("relay skipped it: sale voided at the till"))
                .body("[0].skippedBy", equalTo("operator-test"));
    }

    /**
     * The sale's command appended versions 2 and 3; version 3 never arrived and the operator skipped it: the invoice
     * email waiting for it goes, once, though no event completing a command ever reaches the reader.
     */
    @Test
    void an_invoice_email_waiting_for_a_version_the_operator_skips_is_emailed_once() throws SQLException {
        AccountEventsFixture events = new AccountEventsFixture(kafka);
        UUID accountId = UUID.randomUUID();
        String domain = uniqueDomain();
        SaleCharged sale = charged("40.00");
        SaleCharged later = charged("25.00");
        events.publish(accountId, 1, opened("marie@" + domain, true, "fr-CA"));
        events.publishOfCommand(accountId, 2, new CommandVersions(2, 3), sale);
        events.publish(accountId, 4, deposit("10.00"));
        await().atMost(SOON).untilAsserted(() -> parked(accountId).body("version", equalTo(3)));
        Mailbox mail = new Mailbox(smtp, domain);
        assertTrue(mail.emails().isEmpty());

        skip(accountId, Map.of("version", 3, "reason", "relay skipped the deposit used at the till"))
                .statusCode(200).body("lastVersion", equalTo(4));

        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> mail.emails().size() == 1);
        assertTrue(mail.emails().get(0).subject().contains(sale.invoiceNumber()), mail.emails().get(0).subject());
        // the next sale's email leaves after anything the skip released: the first invoice went only once
        events.publish(accountId, 5, later);
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> mail.emails().size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> mail.emails().size() == 2);
        assertTrue(mail.emails().get(1).subject().contains(later.invoiceNumber()), mail.emails().get(1).subject());
    }

    @Test
    void only_operators_see_and_mend_parked_accounts() {
        As.manager().get("/admin/parked-accounts").then().statusCode(403);
        As.manager().post("/admin/parked-accounts/{id}/retry", UUID.randomUUID()).then().statusCode(403);
        As.operator().contentType("application/json").body(Map.of("version", 1, "reason", "x"))
                .post("/admin/parked-accounts/{id}/skip", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        As.operator().contentType("application/json").body(Map.of("reason", "x"))
                .post("/admin/parked-accounts/{id}/skip", UUID.randomUUID()).then().statusCode(400)
                .body("field", equalTo("version"));
    }

    private static SaleCharged dueOn(SaleCharged sale, LocalDate dueDate) {
        return new SaleCharged(sale.saleId(), sale.invoiceId(), sale.invoiceNumber(), sale.amount(), sale.lines(),
                sale.terms(), sale.issuedOn(), dueDate, sale.storeId(), sale.registerId(), sale.holdId(),
                sale.overrideId());
    }

    /** A constraint standing in for a bug or a bad row that an operator fixes: this account's invoices refused. */
    private void refuseInvoicesOf(UUID accountId) throws SQLException {
        String name = "refuse_" + accountId.toString().replace('-', '_');
        execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.account_id = '" + accountId + "' THEN RAISE EXCEPTION 'invoices of this account are refused' "
                + "USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER " + name + " BEFORE INSERT ON ledger_invoices FOR EACH ROW EXECUTE FUNCTION " + name
                        + "()");
    }

    private void acceptInvoicesOf(UUID accountId) throws SQLException {
        String name = "refuse_" + accountId.toString().replace('-', '_');
        execute("DROP TRIGGER IF EXISTS " + name + " ON ledger_invoices", "DROP FUNCTION IF EXISTS " + name + "()");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private long lastVersion(UUID accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT last_version FROM reader_position WHERE account_id = ?")) {
            query.setObject(1, accountId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    private static ValidatableResponse parked(UUID accountId) {
        return As.operator().get("/admin/parked-accounts").then().statusCode(200)
                .rootPath("find { it.accountId == '" + accountId + "' }")
                .body("accountId", equalTo(accountId.toString()));
    }

    private static ValidatableResponse skip(UUID accountId, Map<String, Object> body) {
        return As.operator().contentType("application/json").body(body)
                .post("/admin/parked-accounts/{id}/skip", accountId).then();
    }

    private static ValidatableResponse retry(UUID accountId) {
        return As.operator().post("/admin/parked-accounts/{id}/retry", accountId).then();
    }
}
