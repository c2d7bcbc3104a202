package dev.ardoise.account.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/** Every request has a correlation id (the caller's, or one made up here), echoed on the answer. */
public class CorrelationIds {

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(Correlation.HEADER);
        if (given == null || given.isBlank()) {
            request.getHeaders().putSingle(Correlation.HEADER, UUID.randomUUID().toString());
        }
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        String correlationId = request.getHeaderString(Correlation.HEADER);
        if (correlationId != null) {
            response.getHeaders().putSingle(Correlation.HEADER, correlationId.strip());
        }
    }
}
