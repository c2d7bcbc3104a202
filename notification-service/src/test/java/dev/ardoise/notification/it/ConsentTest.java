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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.uniqueDomain;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsentTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafka
    KafkaCompanion kafka;

    @InjectSmtpServer
    GreenMail smtp;

    private AccountEventsFixture events;

    @BeforeEach
    void fixture() {
        events = new AccountEventsFixture(kafka);
    }

    @Test
    void a_customer_without_consent_receives_nothing_and_the_invoice_shows_skipped_no_consent() {
        UUID accountId = UUID.randomUUID();
        String domain = uniqueDomain();
        SaleCharged charge = charged("400.00");
        events.publish(accountId, 1, opened("marc@" + domain, false, "fr-CA"));
        events.publish(accountId, 2, charge);

        awaitSkipped(accountId, charge, "NO_CONSENT");
        assertEquals(0, new Mailbox(smtp, domain).emails().size());
    }

    @Test
    void a_customer_without_email_receives_nothing_and_the_invoice_shows_skipped_no_email() {
        UUID accountId = UUID.randomUUID();
        SaleCharged charge = charged("300.00");
        events.publish(accountId, 1, opened(null, true, "en"));
        events.publish(accountId, 2, charge);

        awaitSkipped(accountId, charge, "NO_EMAIL");
    }

    private static void awaitSkipped(UUID accountId, SaleCharged charge, String reason) {
        await().atMost(PATIENCE).untilAsserted(() -> As.viewer().queryParam("accountId", accountId.toString())
                .when().get("/notifications")
                .then().statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].invoiceId", is(charge.invoiceId()))
                .body("items[0].invoiceNumber", is(charge.invoiceNumber()))
                .body("items[0].status", is("SKIPPED"))
                .body("items[0].reason", is(reason))
                .body("items[0].recipient", nullValue())
                .body("items[0].attempts", is(0))
                .body("items[0].sentAt", nullValue()));
        As.viewer().queryParam("accountId", accountId.toString()).queryParam("status", "skipped")
                .when().get("/notifications")
                .then().statusCode(200).body("items.size()", is(1));
        As.viewer().queryParam("accountId", accountId.toString()).queryParam("status", "SENT")
                .when().get("/notifications")
                .then().statusCode(200).body("items.size()", is(0));
    }
}
