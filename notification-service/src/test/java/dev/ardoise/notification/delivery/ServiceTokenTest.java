package dev.ardoise.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceTokenTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static KeyPair keys;
    private static Path privateKey;

    @BeforeAll
    static void keys() throws Exception {
        keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        privateKey = Files.createTempFile("service-token-test-", ".pem");
        privateKey.toFile().deleteOnExit();
        Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    @Test
    void a_five_minute_service_token_of_the_issuer_signed_with_the_services_own_key_named_by_its_kid()
            throws Exception {
        String bearer = token(NOW).bearer();

        assertTrue(bearer.startsWith("Bearer "), bearer);
        String[] parts = bearer.substring("Bearer ".length()).split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "signed with the configured key");
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("notification-service", header.path("kid").asText(), "the kid invoice-service knows the key by");
        assertEquals("RS256", header.path("alg").asText());
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("https://issuer.example.test", claims.path("iss").asText());
        assertEquals("notification-service", claims.path("sub").asText());
        assertEquals("[\"SERVICE\"]", claims.path("groups").toString());
        assertTrue(claims.path("aud").toString().contains("ardoise"), claims.toString());
        assertEquals(NOW.getEpochSecond(), claims.path("iat").asLong());
        assertEquals(NOW.plus(Duration.ofMinutes(5)).getEpochSecond(), claims.path("exp").asLong());
    }

    @Test
    void the_same_token_serves_until_a_minute_before_it_expires_then_a_new_one_is_signed() {
        MovingClock clock = new MovingClock(NOW);
        ServiceToken token = new ServiceToken(Optional.of("https://issuer.example.test"), List.of("ardoise"),
                Optional.of(privateKey.toString()), "notification-service", clock);

        String first = token.bearer();
        clock.now = NOW.plus(Duration.ofMinutes(3)).plusSeconds(59);
        assertEquals(first, token.bearer());
        clock.now = NOW.plus(Duration.ofMinutes(4)).plusSeconds(1);
        assertNotEquals(first, token.bearer());
    }

    @Test
    void without_a_signing_key_it_says_which_setting_is_missing() {
        ServiceToken token = new ServiceToken(Optional.of("https://issuer.example.test"), List.of("ardoise"),
                Optional.empty(), "notification-service", Clock.fixed(NOW, ZoneOffset.UTC));

        IllegalStateException refusal = assertThrows(IllegalStateException.class, token::bearer);
        assertTrue(refusal.getMessage().contains("SERVICE_TOKEN_SIGNING_KEY_LOCATION"), refusal.getMessage());
    }

    private static ServiceToken token(Instant now) {
        return new ServiceToken(Optional.of("https://issuer.example.test"), List.of("ardoise"),
                Optional.of(privateKey.toString()), "notification-service", Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
