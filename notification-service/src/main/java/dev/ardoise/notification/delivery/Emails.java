package dev.ardoise.notification.delivery;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.config.PaymentsConfig;
import dev.ardoise.notification.config.StoreConfig;
import dev.ardoise.notification.documents.Document;
import dev.ardoise.notification.documents.Documents;
import dev.ardoise.notification.domain.CustomerLanguage;
import dev.ardoise.notification.domain.InvoiceEmail;
import dev.ardoise.notification.domain.InvoiceEmailWriter;
import dev.ardoise.notification.domain.PaymentLinks;
import dev.ardoise.notification.domain.ReminderEmail;
import dev.ardoise.notification.domain.ReminderEmailWriter;
import dev.ardoise.notification.domain.StatementEmail;
import dev.ardoise.notification.domain.StatementEmailWriter;
import dev.ardoise.notification.domain.StatementPeriod;
import dev.ardoise.notification.domain.Store;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lays out every kind of email with the Qute templates of its kind and language
 * ({@code templates/<kind>-email/{fr,en}.{html,txt}}). A statement is fetched from invoice-service first. An
 * email carries its PDF ({@link Documents}): an invoice or a reminder the invoice's, a statement the statement's.
 */
@ApplicationScoped
@TemplateData(target = InvoiceEmail.class)
@TemplateData(target = InvoiceEmail.Line.class)
@TemplateData(target = ReminderEmail.class)
@TemplateData(target = StatementEmail.class)
@TemplateData(target = StatementEmail.Line.class)
@TemplateData(target = Store.class)
public class Emails {
    private final Engine templates;
    private final InvoiceEmailWriter invoices;
    private final ReminderEmailWriter reminders;
    private final StatementEmailWriter statements;
    private final InvoiceServiceClient invoiceService;
    private final PaymentsConfig payments;
    private final PaymentLinks links;
    private final Documents documents;
    private final Clock clock;
    private final String from;
    /**
     * Every attempt at a notification's email carries the notification's own Message-ID, {@code <id@this domain>}:
     * a send whose outcome was lost (the process killed after the SMTP server accepted it, before the attempt was
     * recorded) is sent again, and a mail server or client that deduplicates by Message-ID shows one message
     * (docs/reliability.md).
     */
    private final String messageIdDomain;
    private static final java.util.regex.Pattern SENDER_DOMAIN = java.util.regex.Pattern.compile(
            "@([A-Za-z0-9.-]+)>?\\s*$");

    Emails(Engine templates, StoreConfig store, PaymentsConfig payments, Optional<PaymentLinks> links,
           @RestClient InvoiceServiceClient invoiceService, Documents documents, Clock clock,
           @ConfigProperty(name = "ardoise.mail.from") String from) {
        this.templates = templates;
        Store shown = store.store();
        this.invoices = new InvoiceEmailWriter(shown);
        this.reminders = new ReminderEmailWriter(shown);
        this.statements = new StatementEmailWriter(shown);
        this.invoiceService = invoiceService;
        this.payments = payments;
        this.links = links.orElse(null);
        this.documents = documents;
        this.clock = clock;
        this.from = from;
        this.messageIdDomain = domainOf(from);
    }

    /** The domain of {@code sender@domain} or {@code Name <sender@domain>}; a setting with none is refused. */
    static String domainOf(String from) {
        java.util.regex.Matcher address = SENDER_DOMAIN.matcher(from);
        if (!address.find()) {
            throw new IllegalArgumentException("ardoise.mail.from (MAIL_FROM) is not an email address: " + from);
        }
        return address.group(1);
    }

    /** An email laid out in both formats. */
    public record Rendered(String subject, String html, String text) {
    }

    /** An email's words for its templates, and how to make the PDF it carries (a null item for none). */
    private record Written(String kind, String language, String subject, Object email,
                           Supplier<Uni<Document>> document) {
    }

    Uni<Mail> compose(ClaimedEmail email) {
        return write(email).chain(written -> written.document().get().map(pdf -> {
            Rendered rendered = layout(written);
            Mail mail = Mail.withHtml(email.recipient(), rendered.subject(), rendered.html())
                    .setText(rendered.text())
                    .setFrom(from);
            if (email.id() != null) { // a preview has none, and is never sent
                mail.addHeader("Message-ID", "<" + email.id() + "@" + messageIdDomain + ">");
            }
            return pdf == null ? mail : mail.addAttachment(pdf.fileName(), pdf.content(), Document.MEDIA_TYPE);
        }));
    }

    public Uni<Rendered> render(ClaimedEmail email) {
        return write(email).map(this::layout);
    }

    /** The PDF the email would carry: the invoice's for an invoice (or a reminder), the statement's for a statement. */
    public Uni<Document> document(ClaimedEmail email) {
        return write(email).chain(written -> written.document().get());
    }

    private Uni<Written> write(ClaimedEmail email) {
        CustomerLanguage language = CustomerLanguage.of(email.language());
        switch (email.kind()) {
            case INVOICE:
                return Uni.createFrom().item(() -> invoice(email, language));
            case REMINDER:
                return Uni.createFrom().item(() -> reminder(email, language));
            default:
                return invoiceService.statement(email.accountId().toString(), email.periodFrom().toString(),
                                email.periodTo().toString())
                        .map(statement -> {
                            StatementEmail written = statements.write(statement, email.customerName(), language);
                            StatementPeriod period = new StatementPeriod(email.periodFrom(), email.periodTo());
                            return new Written("statement-email", written.language(), written.subject(), written,
                                    () -> documents.statement(written, period));
                        });
        }
    }

    private Written invoice(ClaimedEmail email, CustomerLanguage language) {
        SaleCharged sale = sale(email);
        InvoiceEmail written = invoices.write(sale, email.customerName(), email.currency(), language, email.after(),
                email.owedNow(), paymentLink(email, sale));
        return new Written("invoice-email", written.language(), written.subject(), written,
                () -> documents.invoice(written));
    }

    private Written reminder(ClaimedEmail email, CustomerLanguage language) {
        SaleCharged sale = sale(email);
        ReminderEmail written = reminders.write(sale, email.owedNow(), email.offsetDays(), email.customerName(),
                email.currency(), language, paymentLink(email, sale));
        return new Written("reminder-email", written.language(), written.subject(), written,
                () -> email.after() == null ? Uni.createFrom().nullItem()
                        : documents.invoice(invoices.write(sale, email.customerName(), email.currency(), language,
                                email.after(), email.owedNow(), null)));
    }

    private static SaleCharged sale(ClaimedEmail email) {
        return (SaleCharged) AccountEventJson.readData("SaleCharged", email.invoice());
    }

    /** Only when the merchant takes online payments, and only for what is still owed. */
    private String paymentLink(ClaimedEmail email, SaleCharged sale) {
        BigDecimal owed = email.owedNow();
        if (links == null || owed == null || owed.signum() <= 0) {
            return null;
        }
        return links.link(new PaymentLinks.PaymentClaim(email.accountId(), sale.invoiceId(), owed, email.currency(),
                clock.instant().plus(payments.linkValidity())));
    }

    private Rendered layout(Written written) {
        return new Rendered(written.subject(), render(written.kind(), written.language(), "html", written.email()),
                render(written.kind(), written.language(), "txt", written.email()));
    }

    private String render(String kind, String language, String format, Object email) {
        return templates.getTemplate(kind + "/" + language + "." + format).data("email", email).render();
    }
}
