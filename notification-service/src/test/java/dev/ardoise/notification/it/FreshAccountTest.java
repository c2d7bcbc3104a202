package dev.ardoise.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.InjectSmtpServer;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.BeforeEach;

import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.uniqueDomain;

/**
 * What each test of a customer's emails starts from: a new account id to publish events for, and a mailbox that
 * sees only the mail sent to this test's own domain. The subclass names the test resources it runs on.
 */
abstract class FreshAccountTest {
    @InjectKafka
    KafkaCompanion kafka;

    @InjectSmtpServer
    GreenMail smtp;

    AccountEventsFixture events;
    UUID accountId;
    String domain;
    Mailbox mailbox;

    @BeforeEach
    void freshAccount() {
        events = new AccountEventsFixture(kafka);
        accountId = UUID.randomUUID();
        domain = uniqueDomain();
        mailbox = new Mailbox(smtp, domain);
    }
}
