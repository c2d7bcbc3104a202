package dev.ardoise.notification.api;

import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.notification.delivery.ClaimedEmail;
import dev.ardoise.notification.delivery.Emails;
import dev.ardoise.notification.documents.Document;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.persistence.Contact;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An invoice's PDF for the back office to download, made now from the same content as its email; another store's
 * invoice answers as one that does not exist.
 */
@Path("/invoices/{invoiceId}/pdf")
public class InvoicePdfResource {
    private final Emails emails;
    private final VerifiedCaller callers;

    InvoicePdfResource(Emails emails, VerifiedCaller callers) {
        this.emails = emails;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "invoicePdf", summary = "Download an invoice as PDF",
            description = "The invoice's PDF as its email carries it (the customer's language, the account just "
                    + "after the sale, the amount due as owed now: nothing once paid or written off), as an "
                    + "attachment named after the invoice number. 404 for an invoice "
                    + "unknown here or of another store's account.")
    @APIResponse(responseCode = "200", description = "the invoice's PDF", content = @Content(
            mediaType = Document.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> invoice(@PathParam("invoiceId") String invoiceId) {
        Caller caller = callers.get();
        // The invoice and its contact in a session of their own: the layout to PDF runs after it is closed.
        return Panache.withSession(() -> InvoiceEmailResource.invoice(invoiceId, caller)
                        .chain(invoice -> Contact.<Contact>findById(invoice.accountId).map(contact -> {
                            if (contact == null) {
                                throw new NotFoundProblem("customer contact of invoice", invoiceId);
                            }
                            return ClaimedEmail.preview(NotificationKind.INVOICE, invoice.accountId, null,
                                    contact.name, contact.language, contact.currency, invoice.invoiceNumber,
                                    invoice.sale, invoice.toCharged().owedNow(), invoice.after(), null, null, null);
                        })))
                .chain(emails::document).map(Downloads::attachment);
    }
}
