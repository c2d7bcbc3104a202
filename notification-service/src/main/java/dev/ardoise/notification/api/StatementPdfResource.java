package dev.ardoise.notification.api;

import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.notification.delivery.ClaimedEmail;
import dev.ardoise.notification.delivery.Emails;
import dev.ardoise.notification.documents.Document;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.StatementPeriod;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/**
 * An account's statement PDF for a period, for the back office to download, read now from invoice-service and laid
 * out as its email's attachment; another store's account answers as one never opened.
 */
@Path("/accounts/{accountId}/statement.pdf")
public class StatementPdfResource {
    private final Emails emails;
    private final VerifiedCaller callers;

    StatementPdfResource(Emails emails, VerifiedCaller callers) {
        this.emails = emails;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "statementPdf", summary = "Download an account's statement for a period as PDF",
            description = "The statement's PDF for a period (ISO dates from and to, both inclusive) as its email "
                    + "carries it, read now from invoice-service. 404 for an account never opened here or of "
                    + "another store, or not yet known to invoice-service. A period not over yet (to is today or "
                    + "later in the store's calendar) is printed as an interim statement as of today.")
    @APIResponse(responseCode = "200", description = "the statement's PDF", content = @Content(
            mediaType = Document.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "503", description = "invoice-service could not give the statement (unreachable "
            + "or failing); try again")
    public Uni<Response> statement(@PathParam("accountId") String accountId, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        Caller caller = callers.get();
        UUID account = NotificationFilter.accountId(accountId);
        // The account first: another store's answers 404 whatever the period, exactly as an unknown one. Its
        // session closes before invoice-service is asked and the PDF laid out.
        return Panache.withSession(() -> StatementResource.contact(account, caller)).chain(contact -> {
            StatementPeriod period = Dates.period(from, to);
            return StatementsRead.fromInvoiceService(emails.document(ClaimedEmail.preview(NotificationKind.STATEMENT,
                    account, null, contact.name, contact.language, contact.currency, null, null, null, null, null,
                    period.from(), period.to())), account);
        }).map(Downloads::attachment);
    }
}
