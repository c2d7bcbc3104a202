package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.signin.UserTokenForwarding;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * invoice-service's reconciliation, a client of its own: it answers once it has read the whole topic, minutes for a
 * large one, so it waits far longer than the console's other calls (its own read timeout).
 */
@RegisterRestClient(configKey = "invoice-service-reconciliation")
@RegisterClientHeaders(UserTokenForwarding.class)
public interface InvoiceReconciliation {

    @POST
    @Path("/admin/reconciliation")
    RestResponse<JsonNode> reconcile();
}
