package dev.ardoise.console.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The browser's protections, on every answer of the console (pages, files, errors): nothing but the console's own
 * scripts, styles and forms ({@code Content-Security-Policy}), no framing, no sniffing, no address sent to other
 * sites. A page is never kept by the browser ({@code Cache-Control: no-store}): after sign-out on a shared till,
 * Back must not show the last customer's account. The static files (styles, scripts), which say how long they may be
 * kept, keep saying so.
 */
@ApplicationScoped
public class SecurityHeaders {
    /**
     * Styles allow 'unsafe-inline' for one reason: the accounts list draws each usage bar with an inline
     * {@code style="width: ..%"}, and uPlot sizes its charts the same way. Scripts do not: no inline script, no
     * event handler in the pages, so an injected one cannot run.
     */
    static final String POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'; form-action 'self'";

    private final String policy;

    SecurityHeaders(@ConfigProperty(name = "ardoise.console.sign-out-url") Optional<String> signOutUrl) {
        // sign-out redirects there after the form is sent: form-action covers that redirect too
        this.policy = POLICY + signOutUrl.flatMap(WebOrigin::of)
                .map(origin -> " " + origin.scheme() + "://" + origin.host() + ":" + origin.port()).orElse("");
    }

    void onEveryAnswer(@Observes Filters filters) {
        filters.register(this::protect, 100);
    }

    private void protect(RoutingContext request) {
        request.addHeadersEndHandler(ignored -> {
            MultiMap headers = request.response().headers();
            headers.set("Content-Security-Policy", policy);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("X-Frame-Options", "DENY");
            if (!headers.contains("Cache-Control")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        request.next();
    }
}
