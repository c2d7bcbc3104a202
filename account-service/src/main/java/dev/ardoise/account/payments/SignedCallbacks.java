package dev.ardoise.account.payments;

import dev.ardoise.http.ProviderSignature;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The provider's callbacks are verified with its shared secret. Built at start, so that a start with a provider and
 * without {@code PAYMENTS_PROVIDER_CALLBACK_SECRET}, or with the test provider where it is not allowed (production
 * without {@code PAYMENTS_TEST_PROVIDER_ALLOWED=true}), stops at once, naming it.
 */
@Startup
@Singleton
public class SignedCallbacks {
    private final String provider;
    private final ProviderSignature signature;

    SignedCallbacks(PaymentProviderConfig config) {
        this.provider = config.provider().strip();
        if (PaymentProviderConfig.TEST.equals(provider) && !config.testProviderAllowed()) {
            throw new IllegalStateException("PAYMENTS_PROVIDER=test is the local stack's provider: it needs "
                    + "PAYMENTS_TEST_PROVIDER_ALLOWED=true");
        }
        this.signature = PaymentProviderConfig.NONE.equals(provider) ? null
                : new ProviderSignature(config.callbackSecret().filter(secret -> !secret.isBlank())
                .orElseThrow(() -> new IllegalStateException("PAYMENTS_PROVIDER_CALLBACK_SECRET is required when "
                        + "PAYMENTS_PROVIDER is " + provider)), Clock.systemUTC());
    }

    /** Whether the store takes payments through a provider at all. */
    boolean enabled() {
        return signature != null;
    }

    /** The provider's name, recorded as the user {@code payment-provider:<name>} of what its callbacks record. */
    String provider() {
        return provider;
    }

    boolean signed(String header, byte[] body) {
        return signature != null && signature.verifies(header, body);
    }
}
