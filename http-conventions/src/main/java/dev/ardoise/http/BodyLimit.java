package dev.ardoise.http;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is answered 413 as a problem naming the body
 * and the limit, as every other refusal is. Quarkus checks the declared Content-Length in a route of its own (order
 * -2) and answers an empty 413; this route runs just before it, with the same limit, and answers the same status
 * and closes the connection the same way, with a problem+json body. A body sent in chunks without a length is still
 * cut by Quarkus while it is read (an empty 413): no body is read past the limit either way.
 */
@Singleton
public class BodyLimit {
    /** Before Quarkus's own body-size route, which is -2. */
    private static final int BEFORE_QUARKUS = -3;

    private final long limit;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String limit) {
        this.limit = new MemorySizeConverter().convert(limit).asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS).handler(this::refuseTooLarge);
    }

    private void refuseTooLarge(RoutingContext context) {
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared <= limit) {
            context.next();
            return;
        }
        String reason = "is " + declared + " bytes, more than the " + limit + " this service accepts";
        Problem problem = Problem.of("body-too-large", "Request body too large", 413, "body: " + reason)
                .with("field", "body")
                .with("reason", reason)
                .with("limit", limit);
        context.response()
                .endHandler(ended -> context.request().connection().close())
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject(problem.members()).encode());
    }

    /** The declared length; one that is not a number is left to Quarkus and Vert.x to refuse. */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
