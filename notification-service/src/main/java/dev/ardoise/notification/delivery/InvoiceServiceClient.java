package dev.ardoise.notification.delivery;

import dev.ardoise.notification.domain.DueInvoice;
import dev.ardoise.notification.domain.Statement;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * invoice-service, read as the SERVICE that {@link ServiceToken} names: the statement (docs: the statement
 * contract), fetched when a statement email is sent, and an invoice, which the pay page reads what is still due on.
 */
@RegisterRestClient(configKey = "invoice-service")
@RegisterProvider(ServiceTokenFilter.class)
@Produces(MediaType.APPLICATION_JSON)
public interface InvoiceServiceClient {

    /** @param from, to ISO dates, both inclusive */
    @GET
    @Path("/accounts/{accountId}/statement")
    Uni<Statement> statement(@PathParam("accountId") String accountId, @QueryParam("from") String from,
                             @QueryParam("to") String to);

    /** {@code GET /invoices/{invoiceId}}: what is still due on a payment link's invoice. */
    @GET
    @Path("/invoices/{invoiceId}")
    Uni<DueInvoice> invoice(@PathParam("invoiceId") String invoiceId);
}
