package dev.ardoise.notification.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.http.ProviderSignature;
import dev.ardoise.notification.config.PaymentsConfig;
import dev.ardoise.notification.domain.PaymentLinks;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Online payments as configured, checked at start: a start that asks for them without what they need stops at once,
 * naming the variable. Online payments need a provider; the test provider needs its callback's URL and secret, and
 * in production {@code PAYMENTS_TEST_PROVIDER_ALLOWED=true} (which only the local stack sets). The link base is an
 * absolute http(s) address without a query, to which the pay page's paths and {@code ?token=} are added.
 */
@Startup
@Singleton
public class OnlinePayments {
    private final boolean enabled;
    private final String linkBase;
    private final PaymentLinks links;
    private final TestPaymentProvider testProvider;
    private final ProviderCallbackSender callbacks;

    OnlinePayments(PaymentsConfig config, ObjectMapper json, @RestClient ProviderCallbacks account) {
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
        this.linkBase = enabled ? linkBase(required(config.linkBaseUrl(), "PAYMENTS_LINK_BASE_URL")) : null;
        this.links = enabled ? new PaymentLinks(linkBase, config.linkSecret()) : null;
        this.testProvider = test ? new TestPaymentProvider() : null;
        if (test) {
            required(config.providerCallbackUrl(), "PAYMENTS_PROVIDER_CALLBACK_URL");
        }
        this.callbacks = test ? new ProviderCallbackSender(account,
                new ProviderSignature(secret(config.providerCallbackSecret()), Clock.systemUTC()), json) : null;
    }

    boolean enabled() {
        return enabled;
    }

    PaymentLinks links() {
        return links;
    }

    /**
     * The service's one {@link PaymentLinks}, for the emails that offer a link and the pay page that checks it;
     * empty when online payments are off.
     */
    @Produces
    Optional<PaymentLinks> paymentLinks() {
        return Optional.ofNullable(links);
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

    private static String linkBase(String base) {
        try {
            URI uri = new URI(base.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return base.strip();
            }
        } catch (URISyntaxException malformed) {
            // refused below, with the same words
        }
        throw new IllegalStateException("PAYMENTS_LINK_BASE_URL must be an absolute http(s) address without a query "
                + "or fragment, such as https://pay.example.com/pay");
    }

    private static String secret(Optional<String> value) {
        String secret = required(value, "PAYMENTS_PROVIDER_CALLBACK_SECRET");
        if (secret.length() < 16) {
            throw new IllegalStateException("PAYMENTS_PROVIDER_CALLBACK_SECRET must have at least 16 characters");
        }
        return secret;
    }
}
