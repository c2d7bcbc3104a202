package dev.ardoise.console.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Set;

/**
 * A form that changes something must come from the console's own pages. The session cookie is SameSite=Strict, so
 * another site's form arrives without a session; this refuses it even before, by its Origin (or Referer), as the
 * OWASP cheat sheet on cross-site request forgery advises for browsers that send one.
 */
public class SameOriginForms {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response refuseOtherSites(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.equals("null")) {
            origin = request.getHeaderString("Referer");
        }
        if (origin == null || sameHost(origin, request.getUriInfo().getRequestUri())) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type("text/plain")
                .entity("This form was not sent from the console's own pages.").build();
    }

    private static boolean sameHost(String origin, URI request) {
        try {
            URI from = URI.create(origin);
            return request.getHost() != null && request.getHost().equalsIgnoreCase(from.getHost())
                    && request.getPort() == from.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
