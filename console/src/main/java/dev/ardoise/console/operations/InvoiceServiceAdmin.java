package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.signin.UserTokenForwarding;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** invoice-service's operator API, with the operator's token: its parked accounts, and its read models' rebuild. */
@RegisterRestClient(configKey = "invoice-service")
@RegisterClientHeaders(UserTokenForwarding.class)
public interface InvoiceServiceAdmin extends ParkedAccountsApi {

    @POST
    @Path("/admin/rebuild")
    RestResponse<JsonNode> startRebuild();

    @GET
    @Path("/admin/rebuild")
    RestResponse<JsonNode> rebuild();
}
