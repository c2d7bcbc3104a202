package dev.ardoise.notification.delivery;

import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Every call of {@link InvoiceServiceClient} carries this service's own SERVICE token. */
@Singleton
public class ServiceTokenFilter implements ClientRequestFilter {
    private final ServiceToken token;

    ServiceTokenFilter(ServiceToken token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, token.bearer());
    }
}
