package dev.ardoise.notification.payments;

import dev.ardoise.http.ProviderSignature;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-service's {@code POST /payment-provider/callbacks} ({@code PAYMENTS_PROVIDER_CALLBACK_URL}), where the
 * test provider sends the signed callback a provider would. The body goes as signed, byte for byte.
 */
@RegisterRestClient(configKey = "payment-provider-callbacks")
public interface ProviderCallbacks {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> send(@HeaderParam(ProviderSignature.HEADER) String signature, byte[] body);
}
