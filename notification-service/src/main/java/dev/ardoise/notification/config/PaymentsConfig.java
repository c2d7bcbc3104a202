package dev.ardoise.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Online payments ({@code ardoise.payments.*}): a payment link is offered only when they are enabled. */
@ConfigMapping(prefix = "ardoise.payments")
public interface PaymentsConfig {
    /** The provider that means none: online payments cannot be enabled with it. */
    String NO_PROVIDER = "none";
    /** The test provider served by this service (the local stack's): no money moves. */
    String TEST_PROVIDER = "test";

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

    /** {@code PAYMENTS_PROVIDER}: none or test. */
    @WithDefault(NO_PROVIDER)
    String provider();

    /** {@code PAYMENTS_PROVIDER_CALLBACK_URL}: where the test provider sends its signed callbacks (account-service). */
    Optional<String> providerCallbackUrl();

    /** {@code PAYMENTS_PROVIDER_CALLBACK_SECRET}: what the test provider signs its callbacks with; no default. */
    Optional<String> providerCallbackSecret();

    /** {@code PAYMENTS_TEST_PROVIDER_ALLOWED}: false in production unless the local stack says so. */
    @WithDefault("false")
    boolean testProviderAllowed();
}
