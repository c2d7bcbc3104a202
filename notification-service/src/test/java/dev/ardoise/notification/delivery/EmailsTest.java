package dev.ardoise.notification.delivery;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.config.PaymentsConfig;
import dev.ardoise.notification.config.StoreConfig;
import dev.ardoise.notification.documents.Documents;
import dev.ardoise.notification.domain.AccountFigures;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.PaymentLinks;
import dev.ardoise.notification.it.PeerServicesStub;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.qute.Engine;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Emails} as the application renders them (its Qute engine, its templates, its store) with online payments
 * off and on: what a merchant's setting changes in an email, which the other integration tests cannot show since they
 * all run with online payments on.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EmailsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T14:00:00Z"), ZoneId.of("America/Toronto"));

    @Inject
    Engine templates;

    @Inject
    StoreConfig store;

    @Inject
    Documents documents;

    @Test
    void an_invoice_email_offers_no_payment_link_when_the_merchant_takes_no_online_payments() {
        for (String language : List.of("fr-CA", "en")) {
            ClaimedEmail owing = invoice(language, new BigDecimal("1184.24"));

            Emails.Rendered withoutOnlinePayments = emails(false).render(owing).await().indefinitely();
            Emails.Rendered withOnlinePayments = emails(true).render(owing).await().indefinitely();

            for (String body : List.of(withoutOnlinePayments.text(), withoutOnlinePayments.html())) {
                assertTrue(body.contains("MAIN-000042"), body);
                assertFalse(body.contains("token="), "no payment link when online payments are off:\n" + body);
            }
            for (String body : List.of(withOnlinePayments.text(), withOnlinePayments.html())) {
                assertTrue(body.contains("https://pay.example.test/pay?token="), "the same email, payments on:\n" + body);
            }
        }
    }

    @Test
    void every_email_heads_with_the_stores_logo_named_by_its_alt_text_when_one_is_configured() {
        Emails withLogo = new Emails(templates, logo("https://cdn.example.test/quincaillerie.png"), payments(true),
                links(true), null, documents, CLOCK, "factures@ardoise.local");
        for (String language : List.of("fr-CA", "en")) {
            Document shown = Jsoup.parse(withLogo.render(invoice(language, BigDecimal.TEN)).await().indefinitely()
                    .html());
            Element logo = shown.selectFirst("img.store-logo");
            assertEquals("https://cdn.example.test/quincaillerie.png", logo.attr("src"));
            assertEquals("Quincaillerie Ardoise", logo.attr("alt"), "a client that blocks images shows the name");
            assertEquals(language.startsWith("fr") ? "fr-CA" : "en-CA", shown.selectFirst("html").attr("lang"));
        }
        Document without = Jsoup.parse(emails(true).render(invoice("en", BigDecimal.TEN)).await().indefinitely()
                .html());
        assertNull(without.selectFirst("img"), "no logo configured: no image");
        assertEquals("Quincaillerie Ardoise", without.selectFirst(".store-name").text());
    }

    private Emails emails(boolean onlinePayments) {
        return new Emails(templates, store, payments(onlinePayments), links(onlinePayments), null, documents, CLOCK,
                "factures@ardoise.local");
    }

    /** The links the service makes (payments.OnlinePayments) when it takes payments online. */
    private static Optional<PaymentLinks> links(boolean online) {
        return online ? Optional.of(new PaymentLinks("https://pay.example.test/pay", "a-secret-for-this-test"))
                : Optional.empty();
    }

    /** The application's store, with a logo. */
    private StoreConfig logo(String url) {
        return new StoreConfig() {
            @Override
            public String id() {
                return store.id();
            }

            @Override
            public String name() {
                return store.name();
            }

            @Override
            public Optional<String> addressLine1() {
                return store.addressLine1();
            }

            @Override
            public Optional<String> addressLine2() {
                return store.addressLine2();
            }

            @Override
            public Optional<String> phone() {
                return store.phone();
            }

            @Override
            public Optional<String> logoUrl() {
                return Optional.of(url);
            }

            @Override
            public ZoneId timeZone() {
                return store.timeZone();
            }
        };
    }

    private static ClaimedEmail invoice(String language, BigDecimal owed) {
        BigDecimal total = new BigDecimal("1184.24");
        SaleCharged sale = new SaleCharged("sale-1", UUID.randomUUID().toString(), "MAIN-000042", total,
                List.of(new InvoiceLine("Peinture, 4 L", BigDecimal.ONE, total, total)), PaymentTerms.NET_30,
                LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 29), "MAIN", "R1");
        return ClaimedEmail.preview(NotificationKind.INVOICE, UUID.randomUUID(), "claire@example.test",
                "Claire Tremblay", language, "CAD", sale.invoiceNumber(), AccountEventJson.writeData(sale), owed,
                new AccountFigures(total.negate(), new BigDecimal("815.76")), null, null, null);
    }

    private static PaymentsConfig payments(boolean online) {
        return new PaymentsConfig() {
            @Override
            public boolean onlineEnabled() {
                return online;
            }

            @Override
            public Optional<String> linkBaseUrl() {
                return Optional.of("https://pay.example.test/pay");
            }

            @Override
            public String linkSecret() {
                return "a-secret-for-this-test";
            }

            @Override
            public Duration linkValidity() {
                return Duration.ofDays(60);
            }

            @Override
            public String provider() {
                return PaymentsConfig.TEST_PROVIDER;
            }

            @Override
            public Optional<String> providerCallbackUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<String> providerCallbackSecret() {
                return Optional.empty();
            }

            @Override
            public boolean testProviderAllowed() {
                return true;
            }
        };
    }
}
