package dev.ardoise.notification.documents;

import dev.ardoise.notification.domain.InvoiceEmail;
import dev.ardoise.notification.domain.StatementEmail;
import dev.ardoise.notification.domain.StatementPeriod;
import io.quarkus.qute.Engine;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An invoice's and a statement's PDF, from the same content as their emails, with the Qute templates
 * {@code templates/{invoice,statement}-pdf/{fr,en}.html}. The layout to PDF runs on a worker thread (a statement
 * of a thousand movements takes a while) and the answer comes back on the caller's Vert.x context.
 */
@ApplicationScoped
public class Documents {
    private final Engine templates;
    private final Vertx vertx;
    private final PdfRenderer pdf = new PdfRenderer();

    Documents(Engine templates, Vertx vertx) {
        this.templates = templates;
        this.vertx = vertx;
    }

    /** {@code MAIN-000001.pdf}. The payment link stays out: a PDF is kept longer than a link is good. */
    public Uni<Document> invoice(InvoiceEmail invoice) {
        return render("invoice-pdf", invoice.language(), invoice, invoice.invoiceNumber() + ".pdf");
    }

    /** {@code releve-2026-10-01-2026-10-31.pdf} in French, {@code statement-...pdf} in English. */
    public Uni<Document> statement(StatementEmail statement, StatementPeriod period) {
        String name = ("fr".equals(statement.language()) ? "releve-" : "statement-") + period.from() + "-"
                + period.to() + ".pdf";
        return render("statement-pdf", statement.language(), statement, name);
    }

    private Uni<Document> render(String kind, String language, Object content, String fileName) {
        String xhtml = templates.getTemplate(kind + "/" + language + ".html").data("document", content).render();
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(
                () -> new Document(fileName, pdf.render(xhtml)), false).toCompletionStage());
    }
}
