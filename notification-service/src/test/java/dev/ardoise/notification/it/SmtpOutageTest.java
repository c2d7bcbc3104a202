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
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.uniqueDomain;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The test profile retries after 0.5 s, 1 s, 2 s and gives up after 4 attempts. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SmtpOutageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafka
    KafkaCompanion kafka;

    @InjectSmtpServer
    GreenMail smtp;

    @AfterEach
    void smtpBackUp() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
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
                .body("[0].status", is("FAILED"))
                .body("[0].attempts", is(4))
                .body("[0].lastError", notNullValue())
                .body("[0].sentAt", nullValue()));

        events.publish(accountId, 3, retried);
        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(retried)
                .body("[0].status", is("PENDING"))
                .body("[0].attempts", greaterThanOrEqualTo(1))
                .body("[0].lastError", notNullValue()));
        smtp.start();

        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(retried)
                .body("[0].status", is("SENT"))
                .body("[0].sentAt", notNullValue()));
        List<Mailbox.Email> emails = new Mailbox(smtp, domain).emails();
        assertEquals(1, emails.size());
        assertEquals("Facture " + retried.invoiceNumber() + " de Quincaillerie Ardoise", emails.get(0).subject());
        notificationOf(givenUp).body("[0].status", is("FAILED"));
    }

    private static io.restassured.response.ValidatableResponse notificationOf(SaleCharged invoice) {
        return given().queryParam("invoiceId", invoice.invoiceId())
                .when().get("/notifications")
                .then().statusCode(200).body("size()", is(1));
    }
}
