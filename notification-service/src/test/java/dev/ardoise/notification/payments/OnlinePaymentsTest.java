package dev.ardoise.notification.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
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
                            boolean testProviderAllowed, String base) implements PaymentsConfig {
        Settings(boolean onlineEnabled, String provider, String providerCallbackSecretOrNull,
                 boolean testProviderAllowed) {
            this(onlineEnabled, provider, providerCallbackSecretOrNull, testProviderAllowed,
                    "http://localhost:8083/pay");
        }

        @Override
        public Optional<String> linkBaseUrl() {
            return Optional.of(base);
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
        return assertThrows(IllegalStateException.class, () -> start(settings)).getMessage();
    }

    private static OnlinePayments start(Settings settings) {
        return new OnlinePayments(settings, new ObjectMapper(), null);
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
        OnlinePayments local = start(new Settings(true, "test", SECRET, true));
        assertTrue(local.enabled() && local.testProvider().isPresent());
        assertEquals("http://localhost:8083/pay/return?token=t.s", local.returnUrl("t.s").toString());

        OnlinePayments off = start(new Settings(false, "none", null, false));
        assertTrue(!off.enabled() && off.testProvider().isEmpty());
    }

    @Test
    void the_link_base_must_be_an_absolute_http_address_without_a_query_named_at_start() {
        for (String base : new String[]{"localhost:8083/pay", "/pay", "ftp://pay.example.com/pay",
                "https://pay.example.com/pay?store=1", "https://pay.example.com/pay#top", "https:///pay", "http://a b"}) {
            String refusal = refusal(new Settings(true, "test", SECRET, true, base));
            assertTrue(refusal.contains("PAYMENTS_LINK_BASE_URL"), base + ": " + refusal);
        }
        assertEquals("https://pay.example.com/pay/return?token=t.s",
                start(new Settings(true, "test", SECRET, true, "https://pay.example.com/pay")).returnUrl("t.s")
                        .toString());
    }
}
