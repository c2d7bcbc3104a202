package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.signin.UserTokenForwarding;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** notification-service's operator API, with the operator's token: parked accounts, and emails to retry. */
@RegisterRestClient(configKey = "notification-service")
@RegisterClientHeaders(UserTokenForwarding.class)
public interface NotificationServiceAdmin extends ParkedAccountsApi {

    @GET
    @Path("/notifications")
    RestResponse<JsonNode> notifications(@QueryParam("status") String status, @QueryParam("accountId") String accountId,
                                         @QueryParam("size") int size);

    @POST
    @Path("/notifications/{notificationId}/retry")
    RestResponse<JsonNode> retryEmail(@PathParam("notificationId") String notificationId);

    @POST
    @Path("/notifications/retry-failed")
    RestResponse<JsonNode> retryFailed();
}
