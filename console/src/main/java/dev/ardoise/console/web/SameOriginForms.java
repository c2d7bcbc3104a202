package dev.ardoise.console.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * A form that changes something (POST, PUT, PATCH, DELETE) must come from the console's own pages, as the OWASP
 * cheat sheet on cross-site request forgery advises, on top of the session cookie's SameSite=Strict:
 * <ul>
 *   <li>an {@code Origin} header must be the console's own origin (scheme, host and port); {@code Origin: null}
 *   (a sandboxed frame, a page that sends no referrer, a redirect across sites) is refused;</li>
 *   <li>without {@code Origin}, a {@code Referer} must be of the console's own origin;</li>
 *   <li>with neither, the request is let through: browsers send {@code Origin} on every POST (and on every
 *   cross-site request that changes something), so a request without both comes from a program (curl, a test),
 *   which cannot ride on a victim's browser session.</li>
 * </ul>
 * The console's own origin is {@code ardoise.console.public-origin} ({@code CONSOLE_PUBLIC_ORIGIN}) when set,
 * otherwise the request's own scheme, host and port (behind a proxy, with
 * {@code quarkus.http.proxy.proxy-address-forwarding}).
 */
public class SameOriginForms {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Optional<WebOrigin> publicOrigin;

    SameOriginForms(@ConfigProperty(name = "ardoise.console.public-origin") Optional<String> publicOrigin) {
        this.publicOrigin = publicOrigin.filter(origin -> !origin.isBlank()).map(SameOriginForms::configured);
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOtherSites(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        WebOrigin own = publicOrigin.orElseGet(() -> WebOrigin.of(request.getUriInfo().getRequestUri().toString())
                .orElse(null));
        if (fromOwnPages(request.getHeaderString("Origin"), request.getHeaderString("Referer"), own)) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type("text/plain")
                .entity("This form was not sent from the console's own pages.").build();
    }

    /** The rule of the class comment, on the two headers as sent (null when absent). */
    static boolean fromOwnPages(String origin, String referer, WebOrigin own) {
        if (origin != null) {
            return sameAs(origin, own);
        }
        return referer == null || sameAs(referer, own);
    }

    private static boolean sameAs(String header, WebOrigin own) {
        return own != null && WebOrigin.of(header).map(own::equals).orElse(false);
    }

    private static WebOrigin configured(String origin) {
        return WebOrigin.of(origin).orElseThrow(() -> new IllegalStateException(
                "CONSOLE_PUBLIC_ORIGIN must be a scheme, host and optional port, e.g. https://console.example.com"));
    }
}
