package dev.ardoise.account.payments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/**
 * The store's payment provider ({@code ardoise.payments.*}): its name ({@code PAYMENTS_PROVIDER}, none|test) and
 * the secret its callbacks are signed with ({@code PAYMENTS_PROVIDER_CALLBACK_SECRET}, no default outside the local
 * stack: a start with a provider and without it stops, naming it).
 */
@ConfigMapping(prefix = "ardoise.payments")
public interface PaymentProviderConfig {
    String NONE = "none";

    @WithDefault(NONE)
    String provider();

    @WithName("provider-callback-secret")
    Optional<String> callbackSecret();
}
