package dev.ardoise.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.InjectSmtpServer;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.uniqueDomain;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The test configuration retries after 0.2 s, 0.4 s and 0.8 s at most and gives up after 4 attempts. The email that
 * is to survive the outage is kept waiting with the {@link TestClock} standing still, so that it cannot run out of
 * attempts however slowly the test gets to start SMTP again.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SmtpOutageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Longer than an invoice email's delay and the longest back-off of the test configuration: due again. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @InjectKafka
    KafkaCompanion kafka;

    @InjectSmtpServer
    GreenMail smtp;

    @Inject
    TestClock clock;

    @AfterEach
    void smtpBackUpAndTimeRunning() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        clock.reset();
    }

    @Test
    void an_smtp_outage_loses_nothing_what_keeps_failing_is_failed_and_visible_the_rest_is_sent_later() {
        AccountEventsFixture events = new AccountEventsFixture(kafka);
        UUID accountId = UUID.randomUUID();
        String domain = uniqueDomain();
        SaleCharged givenUp = charged("400.00");
        SaleCharged retried = charged("300.00");
        smtp.stop();

        events.publish(accountId, 1, opened("ines@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, givenUp);
        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(givenUp)
                .body("items[0].status", is("FAILED"))
                .body("items[0].attempts", is(4))
                .body("items[0].lastError", notNullValue())
                .body("items[0].sentAt", nullValue()));

        clock.standStill();
        // due at once (its sale is a command of its own): the first attempt fails, the next waits for the clock
        events.publish(accountId, 3, retried);
        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(retried)
                .body("items[0].status", is("PENDING"))
                .body("items[0].attempts", is(1))
                .body("items[0].lastError", notNullValue()));
        smtp.start();
        clock.advance(LONGEST_WAIT);

        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(retried)
                .body("items[0].status", is("SENT"))
                .body("items[0].sentAt", notNullValue()));
        List<Mailbox.Email> emails = new Mailbox(smtp, domain).emails();
        assertEquals(1, emails.size());
        assertEquals("Facture " + retried.invoiceNumber() + " de Quincaillerie Ardoise", emails.get(0).subject());
        notificationOf(givenUp).body("items[0].status", is("FAILED"));
        await().atMost(PATIENCE).untilAsserted(() -> given().when().get(metrics).then().statusCode(200)
                .body(containsString("ardoise_notifications_failed "), containsString("ardoise_notifications_given_up_total")));

        // An operator takes the parked email up again: it is sent, once.
        String id = notificationOf(givenUp).extract().path("items[0].notificationId");
        As.manager().when().post("/notifications/{id}/retry", id).then().statusCode(403);
        As.operator().when().post("/notifications/{id}/retry", id)
                .then().statusCode(200).body("status", is("PENDING")).body("attempts", is(0))
                .body("retriedBy", is("operator-test")).body("retriedByRole", is("OPERATOR"));
        As.operator().when().post("/notifications/retry-failed")
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(givenUp)
                .body("items[0].status", is("SENT")).body("items[0].attempts", is(1)));
        Mailbox mailbox = new Mailbox(smtp, domain);
        assertEquals(1, mailbox.emails("Facture " + givenUp.invoiceNumber()).size());
        As.operator().when().post("/notifications/{id}/retry", id)
                .then().statusCode(409).body("notificationStatus", is("SENT"));
    }

    private static io.restassured.response.ValidatableResponse notificationOf(SaleCharged invoice) {
        return As.viewer().queryParam("invoiceId", invoice.invoiceId())
                .when().get("/notifications")
                .then().statusCode(200).body("items.size()", is(1));
    }
}
