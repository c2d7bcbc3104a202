package dev.ardoise.console.backoffice;

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

/** The emails of an account, and emailing an invoice again or a statement, with the signed-in user's token. */
@RegisterRestClient(configKey = "notification-service")
@RegisterClientHeaders(UserTokenForwarding.class)
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationService {

    /** The account's emails, newest first: sent, skipped and why, waiting or failed. */
    @GET
    @Path("/notifications")
    RestResponse<JsonNode> emails(@QueryParam("accountId") UUID accountId, @QueryParam("page") int page,
                                  @QueryParam("size") int size);

    /** The same key answers the first resend instead of another. */
    @POST
    @Path("/invoices/{invoiceId}/resend")
    RestResponse<JsonNode> resendInvoice(@PathParam("invoiceId") String invoiceId,
                                         @HeaderParam("Idempotency-Key") String key);

    /** The same period again answers the statement already requested. */
    @POST
    @Path("/accounts/{accountId}/statements")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<JsonNode> sendStatement(@PathParam("accountId") UUID accountId, Requests.Period body);
}
