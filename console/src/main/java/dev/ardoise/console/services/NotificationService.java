package dev.ardoise.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.signin.UserTokenForwarding;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * notification-service, with the signed-in user's token: an account's emails, emailing an invoice again or a
 * statement, an invoice's or a statement's PDF; the failed emails to retry and the parked accounts for the operators. The console's one client of it.
 */
@RegisterRestClient(configKey = "notification-service")
@RegisterClientHeaders(UserTokenForwarding.class)
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationService extends ParkedAccountsApi {

    /** The emails, newest first, of one status and of one account when given (null: any): sent, skipped and why... */
    @GET
    @Path("/notifications")
    RestResponse<JsonNode> emails(@QueryParam("status") String status, @QueryParam("accountId") String accountId,
                                  @QueryParam("page") Integer page, @QueryParam("size") int size);

    @POST
    @Path("/notifications/{notificationId}/retry")
    RestResponse<JsonNode> retryEmail(@PathParam("notificationId") String notificationId);

    @POST
    @Path("/notifications/retry-failed")
    RestResponse<JsonNode> retryFailed();

    /** The same key answers the first resend instead of another. */
    @POST
    @Path("/invoices/{invoiceId}/resend")
    RestResponse<JsonNode> resendInvoice(@PathParam("invoiceId") String invoiceId,
                                         @HeaderParam("Idempotency-Key") String key);

    /** An invoice's PDF as its email carries it; a refusal is a problem. */
    @GET
    @Path("/invoices/{invoiceId}/pdf")
    @Produces({"application/pdf", "application/problem+json"})
    RestResponse<byte[]> invoicePdf(@PathParam("invoiceId") String invoiceId);

    /** A period's statement as a PDF, as its email carries it; a refusal is a problem. */
    @GET
    @Path("/accounts/{accountId}/statement.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    RestResponse<byte[]> statementPdf(@PathParam("accountId") UUID accountId, @QueryParam("from") String from,
                                      @QueryParam("to") String to);

    /** The same period again answers the statement already requested. */
    @POST
    @Path("/accounts/{accountId}/statements")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<JsonNode> sendStatement(@PathParam("accountId") UUID accountId, Requests.Period body);
}
