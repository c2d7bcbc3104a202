package dev.ardoise.notification.api;

import dev.ardoise.http.ManagerOnly;
import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.notification.delivery.ClaimedEmail;
import dev.ardoise.notification.delivery.Emails;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.StatementPeriod;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.UUID;

/** Account statements on request, and their preview. */
@Path("/accounts/{accountId}")
public class StatementResource {
    private final Emails emails;
    private final Clock clock;

    StatementResource(Emails emails, Clock clock) {
        this.emails = emails;
        this.clock = clock;
    }

    @POST
    @Path("/statements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Email the account's statement for a period (manager). The same period again answers "
            + "the statement already requested (200) instead of a second one (202).")
    public Uni<Response> request(@PathParam("accountId") String accountId, StatementRequest body,
                                 @HeaderParam(ManagerOnly.ROLE_HEADER) String role,
                                 @HeaderParam(ManagerOnly.USER_HEADER) String user) {
        ManagerOnly.require(role);
        UUID account = NotificationFilter.accountId(accountId);
        if (body == null) {
            throw new InvalidRequestException("from", "a body {from, to} is required");
        }
        StatementPeriod period = Dates.period(body.from(), body.to());
        return Notification.recordOnce(() -> requestOnce(account, period, user),
                () -> Notification.find(account, NotificationKind.STATEMENT, period.key())
                        .map(StatementResource::same));
    }

    private Uni<Response> requestOnce(UUID account, StatementPeriod period, String user) {
        return Notification.find(account, NotificationKind.STATEMENT, period.key()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(same(existing));
            }
            return contact(account).chain(contact -> {
                Notification statement = Notification.statement(account, period, contact.toContact(),
                        clock.instant());
                statement.requestedBy = user;
                return statement.persist().replaceWith(Response.accepted(NotificationView.of(statement)).build());
            });
        });
    }

    private static Response same(Notification existing) {
        return Response.ok(NotificationView.of(existing)).build();
    }

    @GET
    @Path("/statement-preview")
    @WithSession
    @Operation(summary = "Render the statement email for a period without sending or recording it")
    public Uni<Response> preview(@PathParam("accountId") String accountId, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("format") String format) {
        UUID account = NotificationFilter.accountId(accountId);
        StatementPeriod period = Dates.period(from, to);
        Previews.Format shown = Previews.format(format);
        return contact(account).chain(contact -> emails.render(ClaimedEmail.preview(NotificationKind.STATEMENT,
                        account, contact.email, contact.name, contact.language, contact.currency, null, null, null,
                        null, null, period.from(), period.to())))
                .map(rendered -> Previews.response(rendered, shown));
    }

    private static Uni<Contact> contact(UUID accountId) {
        return Contact.<Contact>findById(accountId).map(found -> {
            if (found == null) {
                throw new NotFoundProblem("account", accountId);
            }
            return found;
        });
    }
}
