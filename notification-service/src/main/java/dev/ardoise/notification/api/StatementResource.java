package dev.ardoise.notification.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.StoreWall;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.notification.delivery.ClaimedEmail;
import dev.ardoise.notification.delivery.Emails;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.StatementPeriod;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.UUID;

/** Account statements on request, and their preview; another store's account answers as one never opened. */
@Path("/accounts/{accountId}")
public class StatementResource {
    /** On a preview: whether the period is not over yet, so that the statement shown is the period so far. */
    static final String INTERIM_HEADER = "X-Statement-Interim";
    private final Emails emails;
    private final Clock clock;
    private final VerifiedCaller callers;

    StatementResource(Emails emails, Clock clock, VerifiedCaller callers) {
        this.emails = emails;
        this.clock = clock;
        this.callers = callers;
    }

    @POST
    @Path("/statements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "requestStatement", summary = "Email the account's statement for a period",
            description = "A manager asks for the account's statement from one ISO date to another (both "
                    + "inclusive): 202 with the new notification, recorded with the manager as requestedBy. The "
                    + "same period again answers the statement already requested (200) instead of a second one. "
                    + "422 period-not-ended naming to when the period ends today or later in the store's calendar "
                    + "(a statement covers days that are over; nothing is recorded). 404 for an account never "
                    + "opened here or of another store.")
    @APIResponse(responseCode = "202", description = "the statement is recorded and will be emailed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "200", description = "the statement already requested for this period",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "422", description = "the period has not ended")
    public Uni<Response> request(@PathParam("accountId") String accountId, StatementRequest body) {
        Caller caller = callers.get();
        UUID account = NotificationFilter.accountId(accountId);
        if (body == null) {
            throw new InvalidRequestException("from", "a body {from, to} is required");
        }
        StatementPeriod period = Dates.ended(Dates.period(body.from(), body.to()), LocalDate.now(clock));
        return Notification.recordOnce(() -> requestOnce(account, period, caller),
                () -> contact(account, caller).chain(contact -> Notification.find(account,
                        NotificationKind.STATEMENT, period.key())).map(StatementResource::same));
    }

    private Uni<Response> requestOnce(UUID account, StatementPeriod period, Caller caller) {
        return contact(account, caller).chain(contact -> Notification.find(account, NotificationKind.STATEMENT,
                period.key()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(same(existing));
            }
            Notification statement = Notification.statement(account, period, contact.toContact(),
                    clock.instant());
            statement.requestedBy(caller.userId(), caller.mainRole());
            return statement.persist().replaceWith(Response.accepted(NotificationView.of(statement)).build());
        }));
    }

    private static Response same(Notification existing) {
        return Response.ok(NotificationView.of(existing)).build();
    }

    @GET
    @Path("/statement-preview")
    @WithSession
    @RolesAllowed({Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "previewStatement", summary = "Render the statement email without sending it",
            description = "The statement email for a period (ISO dates from and to, both inclusive) as it would be "
                    + "sent now, rendered with the real templates as HTML or text, neither sent nor recorded; its "
                    + "subject in the X-Email-Subject header. A period that has not ended (to is today or later in "
                    + "the store's calendar) is shown so far, and X-Statement-Interim: true says so (false once it "
                    + "is over: it could be emailed). 404 for an account never opened here or of another store, "
                    + "or not yet known to invoice-service; 503 when invoice-service cannot give the statement.")
    @APIResponse(responseCode = "200", description = "the rendered email", content = {
            @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "503", description = "invoice-service could not give the statement (unreachable "
            + "or failing); try again")
    public Uni<Response> preview(@PathParam("accountId") String accountId, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("format") String format) {
        Caller caller = callers.get();
        UUID account = NotificationFilter.accountId(accountId);
        // The account first: another store's answers 404 whatever the period, exactly as an unknown one.
        return contact(account, caller).chain(contact -> {
            StatementPeriod period = Dates.period(from, to);
            Previews.Format shown = Previews.format(format);
            return StatementsRead.fromInvoiceService(emails.render(ClaimedEmail.preview(NotificationKind.STATEMENT,
                            account, contact.email, contact.name, contact.language, contact.currency, null, null, null,
                            null, null, period.from(), period.to())), account)
                    .map(rendered -> Response.fromResponse(Previews.response(rendered, shown))
                            .header(INTERIM_HEADER, !period.isOver(LocalDate.now(clock))).build());
        });
    }

    static Uni<Contact> contact(UUID accountId, Caller caller) {
        return Contact.<Contact>findById(accountId).map(found -> {
            if (found == null) {
                throw new NotFoundProblem("account", accountId);
            }
            StoreWall.check(caller, found.storeId, "account", accountId);
            return found;
        });
    }
}
