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
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.uniqueDomain;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record whose version is 0 or not a number is no account event: dead-lettered with its reason, the reader goes on. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnreadableVersionTest {
    private static final String DEAD_LETTERS = "account-events.notification-service.dlq";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafka
    KafkaCompanion kafka;

    @InjectSmtpServer
    GreenMail smtp;

    @Test
    void records_with_version_0_or_not_a_number_are_dead_lettered_and_the_account_is_still_emailed() {
        AccountEventsFixture events = new AccountEventsFixture(kafka);
        UUID accountId = UUID.randomUUID();
        String domain = uniqueDomain();
        events.publish(accountId, 1, opened("zoe@" + domain, true, "fr-CA"));
        String sale = events.publish(accountId, 2, charged("400.00"));
        String versionZero = sale.replace("\"version\":2", "\"version\":0");
        String versionText = sale.replace("\"version\":2", "\"version\":\"two\"");
        events.publishRaw(accountId.toString(), versionZero);
        events.publishRaw(accountId.toString(), versionText);
        events.publish(accountId, 3, charged("25.00"));

        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromOffsets(FromTheStart.of(kafka, DEAD_LETTERS, PATIENCE), records -> records
                        .filter(record -> accountId.toString().equals(record.key())));
        try {
            deadLetters.awaitRecords(2, PATIENCE);
            List<ConsumerRecord<String, String>> dead = deadLetters.getRecords();
            assertEquals(List.of(versionZero, versionText), dead.stream().map(ConsumerRecord::value).toList());
            dead.forEach(record -> assertTrue(reason(record).contains("version is not a whole number of 1 or more"),
                    reason(record)));
        } finally {
            deadLetters.stop();
        }
        Mailbox mailbox = new Mailbox(smtp, domain);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> mailbox.emails().size() == 2);
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
