package dev.ardoise.notification.api;

import dev.ardoise.http.ManagerOnly;
import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.Problem;
import dev.ardoise.http.ProblemException;
import dev.ardoise.notification.delivery.ClaimedEmail;
import dev.ardoise.notification.delivery.Emails;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.LedgerInvoice;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A manager's resend of an invoice email, and the preview of an invoice's or a reminder's email. */
@Path("/invoices/{invoiceId}")
public class InvoiceEmailResource {
    private final Emails emails;
    private final Clock clock;

    InvoiceEmailResource(Emails emails, Clock clock) {
        this.emails = emails;
        this.clock = clock;
    }

    @POST
    @Path("/resend")
    @Operation(summary = "Email the invoice again (manager): a new notification, sent only with the customer's "
            + "address and consent. The same Idempotency-Key answers the first resend (200) instead of another (202).")
    public Uni<Response> resend(@PathParam("invoiceId") String invoiceId,
                                @HeaderParam(ManagerOnly.ROLE_HEADER) String role,
                                @HeaderParam(ManagerOnly.USER_HEADER) String user,
                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ManagerOnly.require(role);
        String key = "resend:" + (idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString() : idempotencyKey.trim());
        return Notification.recordOnce(() -> resendOnce(invoiceId, key, user),
                () -> invoice(invoiceId).chain(invoice -> Notification.find(invoice.accountId,
                        NotificationKind.INVOICE, key).map(existing -> sameResend(existing, invoiceId))));
    }

    private Uni<Response> resendOnce(String invoiceId, String key, String user) {
        return invoice(invoiceId).chain(invoice -> Notification.find(invoice.accountId, NotificationKind.INVOICE, key)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(sameResend(existing, invoice.invoiceId))
                        : Contact.<Contact>findById(invoice.accountId).chain(contact -> {
                            Notification resend = Notification.invoice(invoice.accountId, key, invoice.invoiceId,
                                    invoice.invoiceNumber, invoice.sale, contact == null ? null : contact.toContact(),
                                    clock.instant());
                            resend.requestedBy = user;
                            return resend.persist()
                                    .replaceWith(Response.accepted(NotificationView.of(resend)).build());
                        })));
    }

    @GET
    @Path("/email-preview")
    @WithSession
    @Operation(summary = "Render the invoice's (or a reminder's) email as it would be sent now, without sending "
            + "or recording it")
    public Uni<Response> preview(@PathParam("invoiceId") String invoiceId, @QueryParam("kind") String kind,
                                 @QueryParam("format") String format, @QueryParam("offset") Integer offset) {
        NotificationKind shown = NotificationFilter.named("kind", kind, NotificationKind.class);
        if (shown == NotificationKind.STATEMENT) {
            throw new InvalidRequestException("kind", "INVOICE or REMINDER; a statement is previewed at "
                    + "/accounts/{accountId}/statement-preview");
        }
        NotificationKind what = shown == null ? NotificationKind.INVOICE : shown;
        Previews.Format as = Previews.format(format);
        return invoice(invoiceId).chain(invoice -> Contact.<Contact>findById(invoice.accountId).chain(contact -> {
            if (contact == null) {
                throw new NotFoundProblem("customer contact of invoice", invoiceId);
            }
            int days = offset != null ? offset
                    : (int) ChronoUnit.DAYS.between(invoice.dueDate, LocalDate.now(clock));
            ClaimedEmail email = ClaimedEmail.preview(what, invoice.accountId, contact.email, contact.name,
                    contact.language, contact.currency, invoice.invoiceNumber, invoice.sale,
                    invoice.writtenOff ? null : invoice.owed, invoice.after(), days, null, null);
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

    private static Uni<LedgerInvoice> invoice(String invoiceId) {
        return LedgerInvoice.<LedgerInvoice>findById(invoiceId).map(found -> {
            if (found == null) {
                throw new NotFoundProblem("invoice", invoiceId);
            }
            return found;
        });
    }
}
