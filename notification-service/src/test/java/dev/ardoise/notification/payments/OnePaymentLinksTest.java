package dev.ardoise.notification.payments;

import dev.ardoise.notification.domain.PaymentLinks;
import dev.ardoise.notification.it.PeerServicesStub;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertSame;

/** The links the emails offer are made by the very PaymentLinks the pay page checks them with: one, from one config. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OnePaymentLinksTest {
    @Inject
    OnlinePayments payments;
    @Inject
    Optional<PaymentLinks> links;

    @Test
    void the_emails_and_the_pay_page_share_one_payment_links() {
        assertSame(payments.links(), links.orElseThrow());
    }
}
