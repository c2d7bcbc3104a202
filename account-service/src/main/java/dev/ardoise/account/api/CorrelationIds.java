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
        String given = request.getHeaderString(ActorHeaders.CORRELATION);
        if (given == null || given.isBlank()) {
            request.getHeaders().putSingle(ActorHeaders.CORRELATION, UUID.randomUUID().toString());
        }
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        String correlationId = request.getHeaderString(ActorHeaders.CORRELATION);
        if (correlationId != null) {
            response.getHeaders().putSingle(ActorHeaders.CORRELATION, correlationId.strip());
        }
    }
}
