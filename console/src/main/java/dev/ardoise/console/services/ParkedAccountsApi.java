package dev.ardoise.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The same admin API on account-service (the outbox relay's parked accounts) and on both readers (invoice-service,
 * notification-service): the accounts parked, the events skipped, a retry, a skip with a reason.
 */
public interface ParkedAccountsApi {

    /** The body of a skip: the version the account is parked at, and why. */
    record Skip(long version, String reason) {
    }

    @GET
    @Path("/admin/parked-accounts")
    RestResponse<JsonNode> parked(@QueryParam("size") int size);

    @GET
    @Path("/admin/skipped-events")
    RestResponse<JsonNode> skipped(@QueryParam("size") int size);

    @POST
    @Path("/admin/parked-accounts/{accountId}/retry")
    RestResponse<JsonNode> retry(@PathParam("accountId") String accountId);

    @POST
    @Path("/admin/parked-accounts/{accountId}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<JsonNode> skip(@PathParam("accountId") String accountId, Skip skip);
}
