package dev.ardoise.console.operations;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when the topics reader's thread is gone: the dashboard would show an hour that never moves. A broker that is
 * down is not this check's business (the reader waits and reads again, the page says the feed is not live), so a
 * console whose broker is away stays UP and keeps serving the back office.
 */
@Liveness
@Readiness
@ApplicationScoped
public class TopicsReaderHealth implements HealthCheck {
    private final TopicsReader reader;

    TopicsReaderHealth(TopicsReader reader) {
        this.reader = reader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("topics-reader").status(reader.alive()).build();
    }
}
