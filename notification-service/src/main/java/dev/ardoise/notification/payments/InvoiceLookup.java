package dev.ardoise.notification.payments;

import dev.ardoise.notification.delivery.ServiceTokenFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** invoice-service's {@code GET /invoices/{invoiceId}}, read as SERVICE: what is still due on a link's invoice. */
@RegisterRestClient(configKey = "invoice-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
public interface InvoiceLookup {
    @GET
    @Path("/{invoiceId}")
    Uni<DueInvoice> invoice(@PathParam("invoiceId") String invoiceId);
}
