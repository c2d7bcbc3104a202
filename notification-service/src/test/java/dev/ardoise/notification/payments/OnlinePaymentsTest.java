package dev.ardoise.notification.payments;

import dev.ardoise.notification.config.PaymentsConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a start with online payments must be given, each missing piece named (checked when the service starts). */
class OnlinePaymentsTest {
    private static final String SECRET = "a-callback-secret-of-some-length";

    private record Settings(boolean onlineEnabled, String provider, String providerCallbackSecretOrNull,
                            boolean testProviderAllowed) implements PaymentsConfig {
        @Override
        public Optional<String> linkBaseUrl() {
            return Optional.of("http://localhost:8083/pay");
        }

        @Override
        public String linkSecret() {
            return "a-link-secret-of-some-length";
        }

        @Override
        public Duration linkValidity() {
            return Duration.ofDays(60);
        }

        @Override
        public Optional<String> providerCallbackUrl() {
            return Optional.of("http://localhost:8081/payment-provider/callbacks");
        }

        @Override
        public Optional<String> providerCallbackSecret() {
            return Optional.ofNullable(providerCallbackSecretOrNull);
        }
    }

    private static String refusal(Settings settings) {
        return assertThrows(IllegalStateException.class, () -> new OnlinePayments(settings)).getMessage();
    }

    @Test
    void online_payments_need_a_provider() {
        assertTrue(refusal(new Settings(true, "none", null, false)).contains("PAYMENTS_PROVIDER"));
        assertTrue(refusal(new Settings(true, "stripe", SECRET, false)).contains("none or test"));
    }

    @Test
    void the_test_provider_needs_to_be_allowed_and_its_callback_secret() {
        assertTrue(refusal(new Settings(true, "test", SECRET, false)).contains("PAYMENTS_TEST_PROVIDER_ALLOWED"));
        assertTrue(refusal(new Settings(true, "test", null, true)).contains("PAYMENTS_PROVIDER_CALLBACK_SECRET"));
        assertTrue(refusal(new Settings(true, "test", "short", true)).contains("PAYMENTS_PROVIDER_CALLBACK_SECRET"));
    }

    @Test
    void the_local_stacks_settings_and_no_payments_at_all_start() {
        OnlinePayments local = new OnlinePayments(new Settings(true, "test", SECRET, true));
        assertTrue(local.enabled() && local.testProvider().isPresent());
        assertEquals("http://localhost:8083/pay/return?token=t.s", local.returnUrl("t.s").toString());

        OnlinePayments off = new OnlinePayments(new Settings(false, "none", null, false));
        assertTrue(!off.enabled() && off.testProvider().isEmpty());
    }
}
