package dev.ardoise.notification.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.Problem;
import dev.ardoise.http.ProblemException;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.StoreWall;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.notification.delivery.ClaimedEmail;
import dev.ardoise.notification.delivery.Emails;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.LedgerInvoice;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A manager's resend of an invoice email, and the preview of an invoice's or a reminder's email; an invoice of
 * another store's account answers as one that does not exist.
 */
@Path("/invoices/{invoiceId}")
public class InvoiceEmailResource {
    private final Emails emails;
    private final Clock clock;
    private final VerifiedCaller callers;

    InvoiceEmailResource(Emails emails, Clock clock, VerifiedCaller callers) {
        this.emails = emails;
        this.clock = clock;
        this.callers = callers;
    }

    @POST
    @Path("/resend")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "resendInvoiceEmail", summary = "Email the invoice again",
            description = "A manager has the invoice emailed again: a new notification, recorded with the manager "
                    + "as requestedBy and sent only with the customer's address and consent; the invoice's own "
                    + "email, if it still waits for the rest of its sale's command, is then SKIPPED (RESENT). The same "
                    + "Idempotency-Key answers the first resend (200) instead of another (202). 404 for an "
                    + "invoice unknown here or of another store's account.")
    @APIResponse(responseCode = "202", description = "the resend is recorded and will be emailed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "200", description = "the resend already recorded under this Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.class)))
    public Uni<Response> resend(@PathParam("invoiceId") String invoiceId,
                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Caller caller = callers.get();
        String key = "resend:" + (idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString() : idempotencyKey.trim());
        return Notification.recordOnce(() -> resendOnce(invoiceId, key, caller),
                () -> invoice(invoiceId, caller).chain(invoice -> Notification.find(invoice.accountId,
                        NotificationKind.INVOICE, key).map(existing -> sameResend(existing, invoiceId))));
    }

    private Uni<Response> resendOnce(String invoiceId, String key, Caller caller) {
        return invoice(invoiceId, caller).chain(invoice -> Notification.find(invoice.accountId,
                        NotificationKind.INVOICE, key)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(sameResend(existing, invoice.invoiceId))
                        : Contact.<Contact>findById(invoice.accountId).chain(contact -> {
                            Notification resend = Notification.invoice(invoice.accountId, key, invoice.invoiceId,
                                    invoice.invoiceNumber, invoice.sale, contact == null ? null : contact.toContact(),
                                    clock.instant());
                            resend.requestedBy(caller.userId(), caller.mainRole());
                            return resend.supersedeWaitingOriginal().chain(resend::persist)
                                    .replaceWith(Response.accepted(NotificationView.of(resend)).build());
                        })));
    }

    @GET
    @Path("/email-preview")
    @WithSession
    @RolesAllowed({Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "previewInvoiceEmail", summary = "Render an invoice's or a reminder's email",
            description = "The invoice's email (kind INVOICE) or a reminder's (kind REMINDER, offset in days from "
                    + "the due date, today's by default) as it would be sent now, rendered with the real templates "
                    + "as HTML or text, neither sent nor recorded; its subject in the X-Email-Subject header. 404 "
                    + "for an invoice unknown here or of another store's account.")
    @APIResponse(responseCode = "200", description = "the rendered email", content = {
            @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> preview(@PathParam("invoiceId") String invoiceId, @QueryParam("kind") String kind,
                                 @QueryParam("format") String format, @QueryParam("offset") Integer offset) {
        Caller caller = callers.get();
        NotificationKind shown = NotificationFilter.named("kind", kind, NotificationKind.class);
        if (shown == NotificationKind.STATEMENT) {
            throw new InvalidRequestException("kind", "INVOICE or REMINDER; a statement is previewed at "
                    + "/accounts/{accountId}/statement-preview");
        }
        NotificationKind what = shown == null ? NotificationKind.INVOICE : shown;
        Previews.Format as = Previews.format(format);
        return invoice(invoiceId, caller).chain(invoice -> Contact.<Contact>findById(invoice.accountId)
                .chain(contact -> {
            if (contact == null) {
                throw new NotFoundProblem("customer contact of invoice", invoiceId);
            }
            int days = offset != null ? offset
                    : (int) ChronoUnit.DAYS.between(invoice.dueDate, LocalDate.now(clock));
            ClaimedEmail email = ClaimedEmail.preview(what, invoice.accountId, contact.email, contact.name,
                    contact.language, contact.currency, invoice.invoiceNumber, invoice.sale,
                    invoice.toCharged().owedNow(), invoice.after(), days, null, null);
            return emails.render(email);
        })).map(rendered -> Previews.response(rendered, as));
    }

    /** The same key again answers the first resend; the same key for another invoice is a conflict. */
    private static Response sameResend(Notification existing, String invoiceId) {
        if (!invoiceId.equals(existing.invoiceId)) {
            throw new ProblemException(Problem.of("idempotency-key-reused", "Idempotency-Key already used", 409,
                    "this Idempotency-Key resent invoice " + existing.invoiceNumber)
                    .with("field", "Idempotency-Key"), "idempotency key reused");
        }
        return Response.ok(NotificationView.of(existing)).build();
    }

    /** The invoice, if the caller works for its account's store; otherwise as absent as an unknown one. */
    static Uni<LedgerInvoice> invoice(String invoiceId, Caller caller) {
        if (invoiceId.length() > 500 || invoiceId.chars().anyMatch(Character::isISOControl)) {
            return Uni.createFrom().failure(new NotFoundProblem("invoice", "(unreadable id)")); // never issued
        }
        return LedgerInvoice.<LedgerInvoice>findById(invoiceId).chain(found -> {
            if (found == null) {
                throw new NotFoundProblem("invoice", invoiceId);
            }
            return Contact.<Contact>findById(found.accountId).map(contact -> {
                StoreWall.check(caller, contact == null ? null : contact.storeId, "invoice", invoiceId);
                return found;
            });
        });
    }
}
