package dev.ardoise.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Online payments ({@code ardoise.payments.*}): a payment link is offered only when they are enabled. */
@ConfigMapping(prefix = "ardoise.payments")
public interface PaymentsConfig {
    @WithDefault("false")
    boolean onlineEnabled();

    Optional<String> linkBaseUrl();

    /**
     * The HMAC-SHA256 key that signs payment links. Required, so that a production start without
     * {@code PAYMENTS_LINK_SECRET} (which has no default there) stops at once, naming it.
     */
    String linkSecret();

    /** How long a link stays good after the email is sent. */
    @WithDefault("P60D")
    Duration linkValidity();
}
