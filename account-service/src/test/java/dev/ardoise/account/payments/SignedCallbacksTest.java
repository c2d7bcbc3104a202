package dev.ardoise.account.payments;

import dev.ardoise.http.ProviderSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A provider needs its callback secret at start; without a provider no callback is taken. */
class SignedCallbacksTest {
    private record Settings(String provider, Optional<String> callbackSecret, boolean testProviderAllowed)
            implements PaymentProviderConfig {
        Settings(String provider, Optional<String> callbackSecret) {
            this(provider, callbackSecret, true);
        }
    }

    @Test
    void a_provider_without_its_callback_secret_stops_the_start_naming_it() {
        String refusal = assertThrows(IllegalStateException.class,
                () -> new SignedCallbacks(new Settings("test", Optional.empty()))).getMessage();

        assertTrue(refusal.contains("PAYMENTS_PROVIDER_CALLBACK_SECRET"), refusal);
    }

    @Test
    void the_test_provider_where_it_is_not_allowed_stops_the_start_naming_the_flag() {
        String refusal = assertThrows(IllegalStateException.class, () -> new SignedCallbacks(
                new Settings("test", Optional.of("a-callback-secret-long"), false))).getMessage();

        assertTrue(refusal.contains("PAYMENTS_TEST_PROVIDER_ALLOWED"), refusal);
        assertTrue(new SignedCallbacks(new Settings("test", Optional.of("a-callback-secret-long"), true)).enabled());
    }

    @Test
    void without_a_provider_no_callback_is_taken_even_one_signed() {
        SignedCallbacks none = new SignedCallbacks(new Settings("none", Optional.of("a-callback-secret-long")));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signed = new ProviderSignature("a-callback-secret-long", Clock.systemUTC())
                .header(Instant.now().getEpochSecond(), body);

        assertFalse(none.enabled());
        assertFalse(none.signed(signed, body));
    }
}
