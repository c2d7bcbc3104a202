package dev.ardoise.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.signin.UserTokenForwarding;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * account-service, with the signed-in user's token: what the back office reads and does, and the outbox relay's
 * parked accounts for the operators. The console's one client of it.
 */
@RegisterRestClient(configKey = "account-service")
@RegisterClientHeaders(UserTokenForwarding.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AccountService extends ParkedAccountsApi {

    /** Every account whose customer has this email address, in the user's stores: an array, empty when none. */
    @GET
    @Path("/accounts/by-email")
    RestResponse<JsonNode> withEmail(@QueryParam("email") String email);

    @GET
    @Path("/accounts/{accountId}")
    RestResponse<JsonNode> account(@PathParam("accountId") UUID accountId);

    /** Up to {@code limit} events after the version {@code after}, oldest first. */
    @GET
    @Path("/accounts/{accountId}/events")
    RestResponse<JsonNode> history(@PathParam("accountId") UUID accountId, @QueryParam("after") long after,
                                   @QueryParam("limit") int limit);

    @PUT
    @Path("/accounts/{accountId}/credit-limit")
    RestResponse<JsonNode> setCreditLimit(@PathParam("accountId") UUID accountId, Requests.CreditLimit body);

    @POST
    @Path("/accounts/{accountId}/payments")
    RestResponse<JsonNode> receivePayment(@PathParam("accountId") UUID accountId, Requests.Payment body);

    @POST
    @Path("/accounts/{accountId}/deposits")
    RestResponse<JsonNode> addDeposit(@PathParam("accountId") UUID accountId, Requests.Deposit body);

    @POST
    @Path("/accounts/{accountId}/refunds")
    RestResponse<JsonNode> refund(@PathParam("accountId") UUID accountId, Requests.Refund body);

    @POST
    @Path("/accounts/{accountId}/adjustments")
    RestResponse<JsonNode> adjust(@PathParam("accountId") UUID accountId, Requests.Adjustment body);

    @POST
    @Path("/accounts/{accountId}/write-offs")
    RestResponse<JsonNode> writeOff(@PathParam("accountId") UUID accountId, Requests.WriteOff body);

    @POST
    @Path("/accounts/{accountId}/suspension")
    RestResponse<JsonNode> suspend(@PathParam("accountId") UUID accountId, Requests.Reason body);

    @DELETE
    @Path("/accounts/{accountId}/suspension")
    RestResponse<JsonNode> reactivate(@PathParam("accountId") UUID accountId);

    @POST
    @Path("/accounts/{accountId}/closure")
    RestResponse<JsonNode> close(@PathParam("accountId") UUID accountId, Requests.Reason body);
}
