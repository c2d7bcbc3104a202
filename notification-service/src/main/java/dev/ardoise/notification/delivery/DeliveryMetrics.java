package dev.ardoise.notification.delivery;

import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.SkipReason;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the delivery log counts: {@code ardoise_notifications_sent_total} and
 * {@code ardoise_notifications_skipped_total} (by kind, and reason), {@code ardoise_notifications_given_up_total}
 * and the gauge {@code ardoise_notifications_failed}: emails parked as FAILED right now, waiting for an operator.
 */
@ApplicationScoped
public class DeliveryMetrics {
    private final MeterRegistry meters;
    private final AtomicLong failed = new AtomicLong();

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        meters.gauge("ardoise.notifications.failed", failed);
    }

    public void sent(NotificationKind kind) {
        meters.counter("ardoise.notifications.sent", "kind", kind.name()).increment();
    }

    public void skipped(NotificationKind kind, SkipReason reason) {
        meters.counter("ardoise.notifications.skipped", "kind", kind.name(), "reason", reason.name()).increment();
    }

    public void givenUp(NotificationKind kind) {
        meters.counter("ardoise.notifications.given.up", "kind", kind.name()).increment();
    }

    void failedNow(long count) {
        failed.set(count);
    }
}
