package dev.ardoise.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import dev.ardoise.testing.FromTheStart;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.InjectSmtpServer;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.uniqueDomain;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLetterTest {
    private static final String DEAD_LETTERS = "account-events.notification-service.dlq";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafka
    KafkaCompanion kafka;

    @InjectSmtpServer
    GreenMail smtp;

    @Test
    void a_malformed_record_goes_to_the_dead_letter_topic_and_consumption_goes_on() {
        AccountEventsFixture events = new AccountEventsFixture(kafka);
        UUID accountId = UUID.randomUUID();
        String domain = uniqueDomain();
        String malformed = "{\"this is\": not an account event";

        events.publish(accountId, 1, opened("zoe@" + domain, true, "fr-CA"));
        events.publishRaw(accountId.toString(), malformed);
        events.publish(accountId, 2, charged("400.00"));

        ConsumerRecord<String, String> deadLetter = kafka.consumeStrings()
                .fromOffsets(FromTheStart.of(kafka, DEAD_LETTERS, PATIENCE), records -> records
                        .filter(r -> accountId.toString().equals(r.key())))
                .awaitRecords(1, PATIENCE)
                .getFirstRecord();
        assertEquals(malformed, deadLetter.value());
        Header reason = deadLetter.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason, "the dead letter says why");
        assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("not JSON"));

        Mailbox mailbox = new Mailbox(smtp, domain);
        await().atMost(PATIENCE).until(() -> mailbox.emails().size() == 1);
        assertTrue(mailbox.emails().get(0).text().contains("400,00 $"));
    }
}
