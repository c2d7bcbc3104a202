package dev.ardoise.notification.payments;

import dev.ardoise.notification.config.PaymentsConfig;
import dev.ardoise.notification.domain.PaymentLinks;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Online payments as configured, checked at start: a start that asks for them without what they need stops at once,
 * naming the variable. Online payments need a provider; the test provider needs its callback's URL and secret, and
 * in production {@code PAYMENTS_TEST_PROVIDER_ALLOWED=true} (which only the local stack sets).
 */
@Startup
@Singleton
public class OnlinePayments {
    private final boolean enabled;
    private final String linkBase;
    private final PaymentLinks links;
    private final TestPaymentProvider testProvider;
    private final ProviderCallbackSender callbacks;

    OnlinePayments(PaymentsConfig config) {
        String provider = config.provider().strip();
        if (!PaymentsConfig.NO_PROVIDER.equals(provider) && !PaymentsConfig.TEST_PROVIDER.equals(provider)) {
            throw new IllegalStateException("PAYMENTS_PROVIDER must be none or test, not " + provider);
        }
        this.enabled = config.onlineEnabled();
        if (enabled && PaymentsConfig.NO_PROVIDER.equals(provider)) {
            throw new IllegalStateException("PAYMENTS_ONLINE_ENABLED=true needs a PAYMENTS_PROVIDER");
        }
        boolean test = PaymentsConfig.TEST_PROVIDER.equals(provider);
        if (test && !config.testProviderAllowed()) {
            throw new IllegalStateException("PAYMENTS_PROVIDER=test is the local stack's provider: it needs "
                    + "PAYMENTS_TEST_PROVIDER_ALLOWED=true");
        }
        this.linkBase = config.linkBaseUrl().orElse(null);
        this.links = enabled ? new PaymentLinks(required(config.linkBaseUrl(), "PAYMENTS_LINK_BASE_URL"),
                config.linkSecret()) : null;
        this.testProvider = test ? new TestPaymentProvider() : null;
        this.callbacks = test ? new ProviderCallbackSender(
                URI.create(required(config.providerCallbackUrl(), "PAYMENTS_PROVIDER_CALLBACK_URL")),
                secret(config.providerCallbackSecret()), Clock.systemUTC()) : null;
    }

    boolean enabled() {
        return enabled;
    }

    PaymentLinks links() {
        return links;
    }

    PaymentProvider provider() {
        return testProvider;
    }

    /** The test provider, when it is the store's provider. */
    Optional<TestPaymentProvider> testProvider() {
        return Optional.ofNullable(testProvider);
    }

    ProviderCallbackSender callbacks() {
        return callbacks;
    }

    /** Where the provider sends the customer back after paying. */
    URI returnUrl(String token) {
        return URI.create(linkBase + "/return?token=" + token);
    }

    /** The pay page again, for "Cancel". */
    URI payPage(String token) {
        return URI.create(linkBase + "?token=" + token);
    }

    private static String required(Optional<String> value, String variable) {
        return value.filter(text -> !text.isBlank())
                .orElseThrow(() -> new IllegalStateException(variable + " is required for online payments"));
    }

    private static String secret(Optional<String> value) {
        String secret = required(value, "PAYMENTS_PROVIDER_CALLBACK_SECRET");
        if (secret.length() < 16) {
            throw new IllegalStateException("PAYMENTS_PROVIDER_CALLBACK_SECRET must have at least 16 characters");
        }
        return secret;
    }
}
