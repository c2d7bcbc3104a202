package dev.ardoise.console.backoffice;

import dev.ardoise.console.services.InvoiceService;
import dev.ardoise.console.services.NotificationService;
import dev.ardoise.console.services.ServiceAnswer;
import dev.ardoise.console.services.ServiceCalls;
import dev.ardoise.console.signin.ConsoleUser;
import dev.ardoise.console.web.FormInput;
import dev.ardoise.console.web.InvalidInput;
import dev.ardoise.console.web.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The PDFs of an account's invoices and statements, as the customer finds them attached to the emails: made by
 * notification-service, asked with the user's own token, and handed on as the download it answers. Another
 * store's account or invoice, or an invoice of another account, is not found, as on the account page.
 */
@Path("/accounts/{accountId}")
@RolesAllowed({ConsoleUser.MANAGER, ConsoleUser.VIEWER})
public class DocumentsResource {
    private static final String PDF = "application/pdf";

    private final NotificationService notifications;
    private final InvoiceService invoices;

    DocumentsResource(@RestClient NotificationService notifications, @RestClient InvoiceService invoices) {
        this.notifications = notifications;
        this.invoices = invoices;
    }

    @GET
    @Path("invoices/{invoiceId}/pdf")
    public Response invoice(@PathParam("accountId") String accountId, @PathParam("invoiceId") String invoiceId) {
        Optional<UUID> account = FormInput.uuid(accountId);
        if (account.isEmpty() || invoiceId == null || invoiceId.length() > FormInput.LONGEST_ID) {
            return AccountPages.notFound();
        }
        ServiceAnswer invoice = ServiceCalls.answer(() -> invoices.invoice(invoiceId));
        if (invoice.status() == 404 || invoice.ok() && !AccountActionsResource.isOf(invoice, account.get())) {
            return AccountPages.notFound();
        }
        if (!invoice.ok()) {
            return unavailable(invoice);
        }
        ServiceCalls.Download pdf = ServiceCalls.download(() -> notifications.invoicePdf(invoiceId));
        return pdf.answer().ok() ? file(pdf) : pdf.answer().status() == 404 ? AccountPages.notFound()
                : unavailable(pdf.answer());
    }

    @GET
    @Path("statement.pdf")
    public Response statement(@PathParam("accountId") String accountId, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        Optional<UUID> account = FormInput.uuid(accountId);
        if (account.isEmpty()) {
            return AccountPages.notFound();
        }
        try {
            LocalDate first = day("from", from);
            LocalDate last = day("to", to);
            FormInput.inOrder(first, last);
            ServiceCalls.Download pdf = ServiceCalls.download(() -> notifications.statementPdf(account.get(),
                    first.toString(), last.toString()));
            if (pdf.answer().status() == 404) {
                return AccountPages.notFound();
            }
            return pdf.answer().ok() ? file(pdf) : refused(accountId, Refusal.of(pdf.answer()));
        } catch (InvalidInput invalid) {
            return refused(accountId, Refusal.of(invalid));
        }
    }

    private static LocalDate day(String field, String typed) {
        LocalDate day = FormInput.optionalDay(field, typed);
        if (day == null) {
            throw new InvalidInput(field, "invalid_required");
        }
        return day;
    }

    private static Response file(ServiceCalls.Download pdf) {
        return Response.ok(pdf.content(), PDF)
                .header("Content-Disposition", pdf.disposition() != null ? pdf.disposition() : "attachment")
                .build();
    }

    /** The statement page with the refusal, as when the period asked for is refused there. */
    private static Response refused(String accountId, Refusal refusal) {
        return AccountPages.html(refusal.status(), AccountsResource.Templates.statement(null, refusal, accountId));
    }

    private static Response unavailable(ServiceAnswer answer) {
        return AccountPages.html(answer.status() >= 500 ? 502 : answer.status(),
                AccountsResource.Templates.unavailable(Refusal.of(answer)));
    }
}
