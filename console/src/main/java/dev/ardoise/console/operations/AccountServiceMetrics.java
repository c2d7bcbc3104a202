package dev.ardoise.console.operations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * account-service's Prometheus metrics on its management port ({@code ACCOUNT_SERVICE_METRICS_URL}), which need no
 * token: the console reads the outbox relay's lag there.
 */
@RegisterRestClient(configKey = "account-service-metrics")
public interface AccountServiceMetrics {
    @GET
    @Produces({"text/plain", "application/openmetrics-text", "*/*"})
    RestResponse<String> scrape();
}
