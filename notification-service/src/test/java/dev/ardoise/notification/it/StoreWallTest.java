package dev.ardoise.notification.it;

import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.openedIn;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Another store's account is as absent as one never opened; who asked is the token's user. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StoreWallTest extends FreshAccountTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, String> OCTOBER = Map.of("from", "2026-10-01", "to", "2026-10-31");

    @Test
    void another_stores_account_is_a_404_and_its_emails_are_not_listed_for_a_main_manager() {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, openedIn("OTHER", "ines@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, sale);
        String otherManager = Tokens.of("MANAGER").stores("OTHER").sign();
        await().atMost(PATIENCE).untilAsserted(() -> As.token(otherManager)
                .queryParam("accountId", accountId.toString()).when().get("/notifications")
                .then().statusCode(200).body("total", is(1)).body("items[0].invoiceId", is(sale.invoiceId())));

        As.manager().contentType(ContentType.JSON).body(OCTOBER)
                .when().post("/accounts/{id}/statements", accountId)
                .then().statusCode(404).body("type", containsString("not-found"));
        As.manager().queryParams(OCTOBER).when().get("/accounts/{id}/statement-preview", accountId)
                .then().statusCode(404).body("type", containsString("not-found"));
        As.viewer().when().get("/invoices/{id}/email-preview", sale.invoiceId())
                .then().statusCode(404).body("type", containsString("not-found"));
        As.manager().when().post("/invoices/{id}/resend", sale.invoiceId())
                .then().statusCode(404).body("type", containsString("not-found"));

        As.manager().queryParam("accountId", accountId.toString()).when().get("/notifications")
                .then().statusCode(200).body("total", is(0)).body("items.size()", is(0));
        As.viewer().queryParam("invoiceId", sale.invoiceId()).when().get("/notifications")
                .then().statusCode(200).body("total", is(0));
        As.manager().queryParam("size", "500").when().get("/notifications")
                .then().statusCode(200).body("items.accountId", not(hasItem(accountId.toString())));
        As.operator().queryParam("accountId", accountId.toString()).when().get("/notifications")
                .then().statusCode(200).body("total", is(1));
        As.token(otherManager).queryParam("format", "text").when().get("/invoices/{id}/email-preview", sale.invoiceId())
                .then().statusCode(200).body(containsString(sale.invoiceNumber()));
        As.token(Tokens.of("MANAGER").stores().sign()).when().get("/notifications")
                .then().statusCode(200).body("total", is(0));
    }

    @Test
    void an_account_opened_before_stores_were_recorded_belongs_to_the_default_store() {
        SaleCharged sale = charged("120.00");
        events.publish(accountId, 1, opened("olivier@" + domain, true, "en"));
        events.publish(accountId, 2, sale);

        await().atMost(PATIENCE).untilAsserted(() -> As.viewer()
                .queryParam("accountId", accountId.toString()).when().get("/notifications")
                .then().statusCode(200).body("total", is(1)));
        As.token(Tokens.of("MANAGER").stores("OTHER").sign()).queryParam("accountId", accountId.toString())
                .when().get("/notifications")
                .then().statusCode(200).body("total", is(0));
        As.token(Tokens.of("VIEWER").stores("OTHER").sign()).when().get("/invoices/{id}/email-preview",
                sale.invoiceId()).then().statusCode(404);
    }

    @Test
    void a_resend_records_the_user_and_role_of_the_token_never_a_header() {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, openedIn("MAIN", "anouk@" + domain, true, "en"));
        events.publish(accountId, 2, sale);
        await().atMost(PATIENCE).until(() -> mailbox.emails().size() == 1);

        As.token(Tokens.of("MANAGER").user("anne").sign())
                .header("X-User-Id", "mallory").header("X-Actor-Role", "OPERATOR")
                .when().post("/invoices/{id}/resend", sale.invoiceId())
                .then().statusCode(202)
                .body("requestedBy", is("anne"))
                .body("requestedByRole", is("MANAGER"));
        await().atMost(PATIENCE).until(() -> mailbox.emails().size() == 2);
        As.viewer().queryParam("accountId", accountId.toString()).queryParam("kind", "INVOICE")
                .when().get("/notifications")
                .then().statusCode(200).body("total", is(2)).body("items.requestedBy", hasItem("anne"));
    }
}
