package dev.ardoise.invoice.config;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;

/**
 * A pause that resumes on the caller's Vert.x context. Hibernate Reactive sessions must stay on one context,
 * which a Mutiny delay (run on a worker thread) would leave.
 */
public final class VertxPause {

    private VertxPause() {
    }

    public static Uni<Void> of(Duration duration) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(duration);
        }
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(Math.max(1, duration.toMillis()),
                timer -> context.runOnContext(ignored -> emitter.complete(null))));
    }
}
