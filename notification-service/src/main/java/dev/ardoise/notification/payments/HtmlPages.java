package dev.ardoise.notification.payments;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The customer's pages, rendered from {@code templates/<page>/<language>.html}. The token is in their URL: they are
 * never cached nor named to another site, and they run no script.
 */
@ApplicationScoped
class HtmlPages {
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https:; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final Engine templates;

    HtmlPages(Engine templates) {
        this.templates = templates;
    }

    Response page(String page, String language, int status, Object view) {
        String html = templates.getTemplate(page + "/" + language + ".html").data("page", view).render();
        return guarded(Response.status(status).entity(html).type("text/html; charset=UTF-8"));
    }

    Response seeOther(URI location) {
        return guarded(Response.seeOther(location));
    }

    private static Response guarded(Response.ResponseBuilder answer) {
        return answer.header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
