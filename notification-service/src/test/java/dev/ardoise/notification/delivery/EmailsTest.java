package dev.ardoise.notification.delivery;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.config.PaymentsConfig;
import dev.ardoise.notification.config.StoreConfig;
import dev.ardoise.notification.domain.AccountFigures;
import dev.ardoise.notification.domain.NotificationKind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Emails} with the service's own templates, outside the application: what a merchant's setting changes in an
 * email that the integration tests cannot show, since they all run with online payments on.
 */
class EmailsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T14:00:00Z"), ZoneId.of("America/Toronto"));

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

    private static Emails emails(boolean onlinePayments) {
        return new Emails(templates(), store(), payments(onlinePayments), null, CLOCK, "factures@ardoise.local");
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

    /** The templates under src/main/resources/templates, as the application finds them. */
    private static Engine templates() {
        TemplateLocator classpath = id -> Optional.ofNullable(EmailsTest.class.getClassLoader()
                .getResource("templates/" + id)).map(url -> new TemplateLocator.TemplateLocation() {
                    @Override
                    public Reader read() {
                        try {
                            InputStream in = url.openStream();
                            return new InputStreamReader(in, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public Optional<Variant> getVariant() {
                        return Optional.empty();
                    }
                });
        return Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).addLocator(classpath)
                .build();
    }

    private static StoreConfig store() {
        return new StoreConfig() {
            @Override
            public String id() {
                return "MAIN";
            }

            @Override
            public String name() {
                return "Quincaillerie Ardoise";
            }

            @Override
            public Optional<String> addressLine1() {
                return Optional.of("123, rue Principale");
            }

            @Override
            public Optional<String> addressLine2() {
                return Optional.empty();
            }

            @Override
            public Optional<String> phone() {
                return Optional.empty();
            }

            @Override
            public ZoneId timeZone() {
                return CLOCK.getZone();
            }
        };
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
        };
    }
}
