package dev.ardoise.notification.delivery;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.domain.AccountFigures;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.it.PeerServicesStub;
import dev.ardoise.notification.it.Pdfs;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.mailer.Attachment;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each kind of email carries, composed by the application's {@link Emails} (online payments on, as in every
 * test): an invoice its PDF, a reminder the PDF of the invoice it reminds of; the payment link stays in the email,
 * out of the PDF, which is kept longer than a link is good.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AttachmentsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Emails emails;

    @Test
    void an_invoice_email_carries_its_pdf_without_the_payment_link() {
        Mail mail = emails.compose(claimed(NotificationKind.INVOICE, null)).await().atMost(PATIENCE);

        assertTrue(mail.getHtml().contains("token="), "the email offers the payment link");
        String pdf = onlyPdf(mail);
        assertTrue(pdf.contains("FACTURE") && pdf.contains("MAIN-000042") && pdf.contains("Montant dû 1 184,24 $"),
                pdf);
        assertFalse(pdf.contains("token="), pdf);
    }

    @Test
    void a_reminder_carries_the_pdf_of_the_invoice_it_reminds_of() {
        Mail mail = emails.compose(claimed(NotificationKind.REMINDER, 7)).await().atMost(PATIENCE);

        assertTrue(mail.getSubject().startsWith("Rappel"), mail.getSubject());
        String pdf = onlyPdf(mail);
        assertTrue(pdf.contains("FACTURE") && pdf.contains("MAIN-000042") && pdf.contains("29 décembre 2026")
                && pdf.contains("-1 184,24 $") && pdf.contains("815,76 $"), pdf);
    }

    @Test
    void every_attempt_at_an_email_carries_the_notifications_message_id_so_that_a_copy_sent_again_shows_once() {
        ClaimedEmail preview = claimed(NotificationKind.INVOICE, null);
        UUID notification = UUID.randomUUID();

        Mail first = emails.compose(attempt(preview, notification, 1)).await().atMost(PATIENCE);
        Mail again = emails.compose(attempt(preview, notification, 2)).await().atMost(PATIENCE);

        String expected = "<" + notification + "@ardoise.local>";
        assertEquals(List.of(expected), first.getHeaders().get("Message-ID"));
        assertEquals(List.of(expected), again.getHeaders().get("Message-ID"));
    }

    @Test
    void the_message_id_domain_is_the_senders() {
        assertEquals("ardoise.local", Emails.domainOf("factures@ardoise.local"));
        assertEquals("quincaillerie.example", Emails.domainOf("Quincaillerie <factures@quincaillerie.example>"));
        assertThrows(IllegalArgumentException.class, () -> Emails.domainOf("factures"));
    }

    private static ClaimedEmail attempt(ClaimedEmail preview, UUID notification, int attempt) {
        return new ClaimedEmail(notification, attempt, preview.kind(), preview.accountId(), preview.recipient(),
                preview.customerName(), preview.language(), preview.currency(), preview.invoiceNumber(),
                preview.invoice(), preview.owedNow(), preview.after(), null, null, null);
    }

    private static String onlyPdf(Mail mail) {
        List<Attachment> attachments = mail.getAttachments();
        assertEquals(1, attachments.size());
        Attachment attachment = attachments.get(0);
        assertEquals("MAIN-000042.pdf", attachment.getName());
        assertEquals("application/pdf", attachment.getContentType());
        return Pdfs.read(attachment.getName(), attachment.getContentType(), bytes(attachment)).text();
    }

    private static byte[] bytes(Attachment attachment) {
        List<Byte> read = Multi.createFrom().publisher(attachment.getData()).collect().asList()
                .await().atMost(PATIENCE);
        byte[] bytes = new byte[read.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = read.get(i);
        }
        return bytes;
    }

    private static ClaimedEmail claimed(NotificationKind kind, Integer offsetDays) {
        BigDecimal total = new BigDecimal("1184.24");
        SaleCharged sale = new SaleCharged("sale-1", UUID.randomUUID().toString(), "MAIN-000042", total,
                List.of(new InvoiceLine("Peinture, 4 L", BigDecimal.ONE, total, total)), PaymentTerms.NET_30,
                LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 29), "MAIN", "R1");
        return ClaimedEmail.preview(kind, UUID.randomUUID(), "claire@example.test", "Claire Tremblay", "fr-CA",
                "CAD", sale.invoiceNumber(), AccountEventJson.writeData(sale), total,
                new AccountFigures(total.negate(), new BigDecimal("815.76")), offsetDays, null, null);
    }
}
