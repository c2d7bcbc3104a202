package dev.ardoise.notification.documents;

import dev.ardoise.notification.domain.CustomerLanguage;
import dev.ardoise.notification.domain.InvoiceEmail;
import dev.ardoise.notification.domain.StatementEmail;
import dev.ardoise.notification.domain.StatementPeriod;
import dev.ardoise.notification.domain.Store;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice's and a statement's PDF, from the same content as their emails, with the Qute templates
 * {@code templates/{invoice,statement}-pdf/{fr,en}.html}. The layout to PDF runs on a worker thread (a statement
 * of a thousand movements takes a while) and the answer comes back on the caller's Vert.x context.
 */
@ApplicationScoped
public class Documents {
    private static final Logger LOG = Logger.getLogger(Documents.class);

    private final Engine templates;
    private final Vertx vertx;
    private final Clock clock;
    private final PdfRenderer pdf = new PdfRenderer();

    Documents(Engine templates, Vertx vertx, Clock clock) {
        this.templates = templates;
        this.vertx = vertx;
        this.clock = clock;
    }

    /**
     * Lays out one small invoice in each language as the service starts, off the start's path: the first PDF
     * otherwise pays openhtmltopdf's and PDFBox's classes, their first compilation and the font's first parsing
     * (seconds, where a later one takes tens of milliseconds), and its email comes that much later.
     */
    void warmUp(@Observes StartupEvent start) {
        Uni.join().all(warmUpInvoice("fr"), warmUpInvoice("en")).andCollectFailures()
                .subscribe().with(done -> LOG.debug("the PDF renderer is warmed up"),
                        failure -> LOG.warnf("could not warm up the PDF renderer: %s", failure.toString()));
    }

    private Uni<Document> warmUpInvoice(String language) {
        Store store = new Store("Warm-up", List.of("1 rue Principale", "Montréal QC"), null, null);
        InvoiceEmail invoice = new InvoiceEmail(language, "Warm-up", store, "Warm-up", "WARM-000001", "2026-01-01",
                List.of(new InvoiceEmail.Line("Article é", "1", "1,00 $", "1,00 $", "0,15 $", "1,15 $")), "1,00 $",
                "0,15 $", "1,15 $", "Net 30", "2026-01-31", "-1,15 $", "98,85 $", null, "1,15 $", "0,00 $", null);
        return invoice(invoice);
    }

    /** {@code MAIN-000001.pdf}. The payment link stays out: a PDF is kept longer than a link is good. */
    public Uni<Document> invoice(InvoiceEmail invoice) {
        return render(template("invoice-pdf", invoice.language(), invoice), invoice.invoiceNumber() + ".pdf");
    }

    /**
     * {@code releve-2026-10-01-2026-10-31.pdf} in French, {@code statement-...pdf} in English. A period not over on
     * the store's calendar (the back office's download of the month so far) is printed as an interim statement as
     * of today, as a customer must not take it for the month's final one.
     */
    public Uni<Document> statement(StatementEmail statement, StatementPeriod period) {
        String name = ("fr".equals(statement.language()) ? "releve-" : "statement-") + period.from() + "-"
                + period.to() + ".pdf";
        LocalDate today = LocalDate.now(clock);
        String interimAsOf = period.isOver(today) ? "" : CustomerLanguage.of(statement.language()).date(today);
        return render(template("statement-pdf", statement.language(), statement).data("interimAsOf", interimAsOf),
                name);
    }

    private TemplateInstance template(String kind, String language, Object content) {
        return templates.getTemplate(kind + "/" + language + ".html").data("document", content);
    }

    private Uni<Document> render(TemplateInstance template, String fileName) {
        String xhtml = template.render();
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(
                () -> new Document(fileName, pdf.render(xhtml)), false).toCompletionStage());
    }
}
