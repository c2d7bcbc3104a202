package dev.ardoise.notification.it;

import dev.ardoise.notification.domain.PaymentLinks;
import dev.ardoise.notification.domain.PaymentLinks.PaymentClaim;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pay page behind the email's link (docs/payments.md), with invoice-service's answers from
 * {@link PeerServicesStub}: what it shows for a valid, expired, tampered, malformed or paid link, and the way to
 * the test provider for the amount still due (never the amount in the token), and back.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PayPageTest extends FreshAccountTest {
    private static final PaymentLinks LINKS = new PaymentLinks(ScheduledEmailsTest.LINK_BASE,
            "test-secret-for-payment-links");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    /** A link for the account's invoice in this state (see the stub), asking 452.25 as the email did. */
    private String token(String state, Instant expiresAt) {
        return LINKS.token(new PaymentClaim(accountId, state + "-" + accountId, new BigDecimal("452.25"), "CAD",
                expiresAt));
    }

    private String token(String state) {
        return token(state, clock.instant().plus(Duration.ofDays(60)));
    }

    private static RequestSpecification customer() {
        return given().redirects().follow(false);
    }

    private static Response page(String token) {
        return customer().queryParam("token", token).get("/pay");
    }

    /** The page's text with the locale's no-break spaces as plain ones ("152,25 $"). */
    private static String text(Response page) {
        return page.asString().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static void assertShows(Response page, String... expected) {
        String text = text(page);
        for (String part : expected) {
            assertTrue(text.contains(part), "expected «" + part + "» in:\n" + text);
        }
    }

    /** The French customer's account, as the events made it known here. */
    private void aFrenchCustomer() {
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        await().atMost(PATIENCE).until(() -> page(token("due")).asString().contains("Claire Tremblay"));
    }

    @Test
    void a_valid_link_shows_the_store_the_invoice_and_what_is_still_due_in_the_customers_language() {
        aFrenchCustomer();

        Response page = page(token("due"));

        page.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", not(containsString("script")));
        assertShows(page, "Quincaillerie Ardoise", "514 555-0123", "Claire Tremblay", "Facture MAIN-000452",
                "29 novembre 2026", "29 décembre 2026", "452,25 $", "Montant dû maintenant",
                "Payer 152,25 $ maintenant", "lang=\"fr-CA\"");
        assertTrue(!page.asString().contains("<script"), "the page needs no script");
    }

    @Test
    void an_account_not_known_here_yet_is_shown_in_the_browsers_language() {
        customer().header("Accept-Language", "en-CA,en;q=0.8").queryParam("token", token("due")).get("/pay")
                .then().statusCode(200)
                .body(containsString("Invoice MAIN-000452"), containsString("Amount due now"),
                        containsString("$152.25"));
    }

    @Test
    void an_expired_link_says_so_and_to_ask_the_store() {
        aFrenchCustomer();

        page(token("due", clock.instant().minusSeconds(1))).then().statusCode(410)
                .header("Cache-Control", "no-store")
                .body(containsString("Ce lien a expiré"), containsString("514 555-0123"),
                        not(containsString("Payer")));
    }

    @Test
    void a_tampered_link_is_not_valid() {
        String genuine = token("due");
        String lowered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (accountId + "|due-" + accountId + "|1.00|CAD|" + clock.instant().plusSeconds(3600).getEpochSecond())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        customer().header("Accept-Language", "en").queryParam("token", lowered + genuine.substring(
                genuine.indexOf('.'))).get("/pay").then().statusCode(400)
                .body(containsString("This link is not valid"), not(containsString("Pay ")));
        String otherAccount = LINKS.token(new PaymentClaim(UUID.randomUUID(), "due-" + accountId,
                new BigDecimal("452.25"), "CAD", clock.instant().plusSeconds(3600)));
        page(otherAccount).then().statusCode(400).body(containsString("This link is not valid"));
    }

    @Test
    void a_malformed_or_overlong_link_is_not_valid() {
        page("garbage").then().statusCode(400).body(containsString("This link is not valid"));
        page("").then().statusCode(400);
        customer().get("/pay").then().statusCode(400);
        page("a".repeat(1001) + "." + "b").then().statusCode(400);
    }

    @Test
    void a_paid_invoice_says_it_is_paid_with_the_date_and_offers_no_payment() {
        aFrenchCustomer();

        page(token("paid")).then().statusCode(200)
                .body(containsString("Cette facture est payée"), containsString("1 décembre 2026"),
                        not(containsString("Payer")));
        customer().contentType("application/x-www-form-urlencoded").formParam("token", token("paid"))
                .post("/pay").then().statusCode(200).body(containsString("Cette facture est payée"));
        page(token("off")).then().statusCode(200).body(containsString("Cette facture est réglée"));
    }

    @Test
    void an_invoice_not_known_yet_is_a_page_saying_so() {
        page(token("unknown")).then().statusCode(404)
                .body(containsString("We cannot find this invoice yet"));
    }

    @Test
    void paying_goes_to_the_test_provider_for_what_is_still_due_and_its_signed_callback_brings_the_customer_back() {
        aFrenchCustomer();
        String token = token("due");

        Response toProvider = customer().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .post("/pay");
        assertEquals(303, toProvider.statusCode(), toProvider.asString());
        String checkout = toProvider.header("Location");
        assertTrue(checkout.contains("/test-payment-provider/checkout/"), checkout);

        Response providerPage = customer().get(checkout);
        assertEquals(200, providerPage.statusCode());
        assertShows(providerPage, "TEST PAYMENT PROVIDER: no money moves", "152,25 $", "MAIN-000452",
                "Payer (test)", "Annuler");
        customer().post(checkout + "/cancel").then().statusCode(303)
                .header("Location", equalTo(ScheduledEmailsTest.LINK_BASE + "?token=" + token));

        // the stub answers 200 only to a callback signed with the shared secret that pays 152.25 on this invoice
        customer().post(checkout + "/pay").then().statusCode(303)
                .header("Location", equalTo(ScheduledEmailsTest.LINK_BASE + "/return?token=" + token));
        customer().queryParam("token", token).get("/pay/return").then().statusCode(200)
                .body(containsString("Merci, votre paiement est en cours d'enregistrement"));
    }

    @Test
    void an_unknown_checkout_of_the_test_provider_is_404() {
        customer().get("/test-payment-provider/checkout/nope").then().statusCode(404)
                .body(containsString("TEST PAYMENT PROVIDER: no money moves"));
        customer().post("/test-payment-provider/checkout/nope/pay").then().statusCode(404);
    }
}
