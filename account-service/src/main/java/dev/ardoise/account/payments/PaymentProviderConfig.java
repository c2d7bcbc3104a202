package dev.ardoise.account.payments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/**
 * The store's payment provider ({@code ardoise.payments.*}): its name ({@code PAYMENTS_PROVIDER}, none|test) and
 * the secret its callbacks are signed with ({@code PAYMENTS_PROVIDER_CALLBACK_SECRET}, no default outside the local
 * stack: a start with a provider and without it stops, naming it). The test provider is refused in production
 * unless {@code PAYMENTS_TEST_PROVIDER_ALLOWED=true}.
 */
@ConfigMapping(prefix = "ardoise.payments")
public interface PaymentProviderConfig {
    String NONE = "none";
    /** The local stack's provider (notification-service's test checkout): no money moves. */
    String TEST = "test";

    @WithDefault(NONE)
    String provider();

    @WithName("provider-callback-secret")
    Optional<String> callbackSecret();

    /** {@code PAYMENTS_TEST_PROVIDER_ALLOWED}: false in production unless the local stack says so. */
    @WithDefault("false")
    boolean testProviderAllowed();
}
