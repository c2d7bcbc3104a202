package dev.ardoise.console.operations;

import dev.ardoise.console.web.FormInput;
import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.services.ServiceAnswer;
import dev.ardoise.console.signin.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.List;


/**
 * Emails notification-service gave up on, and the operators' retries: one, or every failed one. After a retry the
 * page comes back (post, redirect, get) with the retried email's row, whose status follows it (PENDING, SENDING,
 * SENT...), and the page's script reloads it while it is on its way.
 */
@Path("/operations/emails")
@RolesAllowed(ConsoleUser.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class EmailsResource {
    private final Emails emails;

    EmailsResource(Emails emails) {
        this.emails = emails;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance emails(Emails.Failed failed, List<Emails.Email> retried, Integer retriedAll,
                                              Refusal failure);
    }

    @GET
    public TemplateInstance list(@QueryParam("retried") String retried, @QueryParam("account") String account,
                                 @QueryParam("retriedAll") Integer retriedAll) {
        Emails.Email email = FormInput.isUuid(retried) && FormInput.isUuid(account) ? emails.now(retried, account) : null;
        return Templates.emails(emails.failed(), email == null ? List.of() : List.of(email), retriedAll, null);
    }

    @POST
    @Path("{notificationId}/retry")
    public Response retry(@PathParam("notificationId") String notificationId) {
        if (!FormInput.isUuid(notificationId)) {
            return page(404, Refusal.failed(Emails.SERVICE, "no email " + notificationId, 404));
        }
        ServiceAnswer answer = emails.retry(notificationId);
        if (!answer.ok()) {
            return page(answer.status(), Refusal.failed(Emails.SERVICE, answer));
        }
        return Response.seeOther(UriBuilder.fromPath("/operations/emails").queryParam("retried", notificationId)
                .queryParam("account", answer.member("accountId")).build()).build();
    }

    @POST
    @Path("retry-failed")
    public Response retryAllFailed() {
        ServiceAnswer answer = emails.retryAllFailed();
        if (!answer.ok()) {
            return page(answer.status(), Refusal.failed(Emails.SERVICE, answer));
        }
        return Response.seeOther(UriBuilder.fromPath("/operations/emails")
                .queryParam("retriedAll", answer.body().path("retried").asInt()).build()).build();
    }

    private Response page(int status, Refusal failure) {
        return Response.status(status).entity(Templates.emails(emails.failed(), List.of(), null, failure)).build();
    }

}
