package dev.ardoise.notification.delivery;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.domain.CustomerLanguage;
import dev.ardoise.notification.domain.InvoiceEmail;
import dev.ardoise.notification.domain.InvoiceEmailWriter;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lays out an invoice email with the Qute templates of its language
 * ({@code templates/invoice-email/fr.html}, {@code fr.txt}, {@code en.html}, {@code en.txt}).
 */
@ApplicationScoped
@TemplateData(target = InvoiceEmail.class)
@TemplateData(target = InvoiceEmail.Line.class)
public class InvoiceMails {
    private final Engine templates;
    private final InvoiceEmailWriter writer;
    private final String from;

    InvoiceMails(Engine templates,
                 @ConfigProperty(name = "ardoise.store.name") String storeName,
                 @ConfigProperty(name = "ardoise.mail.from") String from) {
        this.templates = templates;
        this.writer = new InvoiceEmailWriter(storeName);
        this.from = from;
    }

    Mail compose(ClaimedEmail claimed) {
        SaleCharged invoice = (SaleCharged) AccountEventJson.readData("SaleCharged", claimed.invoice());
        InvoiceEmail email = writer.write(invoice, claimed.customerName(), claimed.currency(),
                CustomerLanguage.of(claimed.language()));
        return Mail.withHtml(claimed.recipient(), email.subject(), render(email, "html"))
                .setText(render(email, "txt"))
                .setFrom(from);
    }

    private String render(InvoiceEmail email, String format) {
        return templates.getTemplate("invoice-email/" + email.language() + "." + format)
                .data("email", email)
                .render();
    }
}
