package dev.ardoise.events.reader;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A Vert.x duplicated context on which Hibernate Reactive work may run. Panache keeps its session in the
 * current context, so work started from a timer, or resumed after another library's callback, must hop back
 * onto a context of its own, flagged safe, instead of running on whatever thread the callback came on.
 */
public final class SafeContext {
    private final Context context;

    private SafeContext(Context context) {
        this.context = context;
    }

    /** A new context of its own, for one unit of work started outside any request or message. */
    public static SafeContext fresh(Vertx vertx) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return new SafeContext(context);
    }

    /** A new context of its own on the same event loop as this one, for work that runs beside the caller's. */
    public static SafeContext fresh(SafeContext beside) {
        Context context = VertxContext.createNewDuplicatedContext(beside.context);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return new SafeContext(context);
    }

    /** The context the caller runs on (a message's or a request's), to come back to it later. */
    public static SafeContext current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("not on a Vert.x context");
        }
        return new SafeContext(context);
    }

    /** Runs the work on this context after a pause, without blocking a thread (a Mutiny delay would leave it). */
    public <T> Uni<T> runAfter(Duration pause, Supplier<Uni<T>> work) {
        return Uni.createFrom().<Void>emitter(emitter -> context.owner().setTimer(Math.max(1, pause.toMillis()),
                        timer -> emitter.complete(null)))
                .chain(ignored -> run(work));
    }

    /** Runs the work on this context, whichever thread subscribes. */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }
}
