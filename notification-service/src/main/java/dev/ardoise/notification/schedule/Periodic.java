package dev.ardoise.notification.schedule;

import dev.ardoise.events.reader.SafeContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** Runs a job's transaction every interval on a Vert.x timer, never two runs at once, a failure retried next time. */
final class Periodic {
    private static final Logger LOG = Logger.getLogger(Periodic.class);

    private final Vertx vertx;
    private final String name;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    Periodic(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
    }

    void start(Duration interval, Supplier<Uni<Integer>> work) {
        timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), ignored -> run(work));
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void run(Supplier<Uni<Integer>> work) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        SafeContext.fresh(vertx).run(() -> Panache.withTransaction(work))
                .subscribe().with(
                        decided -> {
                            running.set(false);
                            if (decided > 0) {
                                LOG.infof("%s decided %d email(s)", name, decided);
                            }
                        },
                        failure -> {
                            running.set(false);
                            LOG.warnf("%s failed, will run again: %s", name, failure.toString());
                        });
    }
}
