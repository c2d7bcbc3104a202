package dev.ardoise.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.signin.UserTokenForwarding;
import jakarta.ws.rs.GET;
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
 * invoice-service, with the signed-in user's token: the accounts list, invoices and statements for the back office;
 * its parked accounts and read models' rebuild for the operators. The console's one client of it (a reconciliation,
 * which may take minutes, goes through {@code InvoiceReconciliation} and its own timeout).
 */
@RegisterRestClient(configKey = "invoice-service")
@RegisterClientHeaders(UserTokenForwarding.class)
@Produces(MediaType.APPLICATION_JSON)
public interface InvoiceService extends ParkedAccountsApi {

    /** A page of the user's stores' accounts; a null parameter is no filter. */
    @GET
    @Path("/accounts")
    RestResponse<JsonNode> accounts(@QueryParam("q") String q, @QueryParam("status") String status,
                                    @QueryParam("usage") String usage, @QueryParam("deposits") String deposits,
                                    @QueryParam("page") int page, @QueryParam("size") int size);

    /** The balance once the projection has reached {@code minVersion} (or after its wait). */
    @GET
    @Path("/accounts/{accountId}/balance")
    RestResponse<JsonNode> balance(@PathParam("accountId") UUID accountId, @QueryParam("minVersion") long minVersion);

    /** The account's invoices, newest first. */
    @GET
    @Path("/accounts/{accountId}/invoices")
    RestResponse<JsonNode> invoices(@PathParam("accountId") UUID accountId, @QueryParam("page") int page,
                                    @QueryParam("size") int size);

    /** One invoice of the user's stores (404 otherwise), with the account it is of ({@code accountId}). */
    @GET
    @Path("/invoices/{invoiceId}")
    RestResponse<JsonNode> invoice(@PathParam("invoiceId") String invoiceId);

    /** The balance-forward statement from one day to another (the service's defaults when null). */
    @GET
    @Path("/accounts/{accountId}/statement")
    RestResponse<JsonNode> statement(@PathParam("accountId") UUID accountId, @QueryParam("from") String from,
                                     @QueryParam("to") String to);

    @POST
    @Path("/admin/rebuild")
    RestResponse<JsonNode> startRebuild();

    @GET
    @Path("/admin/rebuild")
    RestResponse<JsonNode> rebuild();
}
