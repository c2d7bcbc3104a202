package dev.ardoise.notification.domain;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentLinksTest {
    private static final Instant NOW = Instant.parse("2026-11-29T15:00:00Z");
    private static final UUID ACCOUNT = UUID.fromString("6d1f0000-0000-4000-8000-000000000001");
    private static final PaymentLinks.PaymentClaim CLAIM = new PaymentLinks.PaymentClaim(ACCOUNT, "8b7c-inv",
            new BigDecimal("400.00"), "CAD", NOW.plusSeconds(3600));
    private final PaymentLinks links = new PaymentLinks("https://pay.example/p", "a-secret-of-the-merchant");

    @Test
    void a_genuine_link_names_the_account_invoice_amount_currency_and_expiry() {
        String link = links.link(CLAIM);

        assertTrue(link.startsWith("https://pay.example/p?token="), link);
        String token = link.substring(link.indexOf("token=") + 6);
        assertEquals(CLAIM, links.verify(token, NOW).orElseThrow());
    }

    @Test
    void a_token_signed_with_another_secret_is_refused() {
        String forged = new PaymentLinks("https://pay.example/p", "not-the-merchant-secret").token(CLAIM);

        assertTrue(links.verify(forged, NOW).isEmpty());
    }

    @Test
    void an_altered_amount_is_refused() {
        String token = links.token(CLAIM);
        String signature = token.substring(token.indexOf('.'));
        String lowered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (ACCOUNT + "|8b7c-inv|1.00|CAD|" + CLAIM.expiresAt().getEpochSecond())
                        .getBytes(StandardCharsets.UTF_8));

        assertTrue(links.verify(lowered + signature, NOW).isEmpty());
    }

    @Test
    void an_expired_or_malformed_token_is_refused() {
        String token = links.token(CLAIM);

        assertTrue(links.verify(token, CLAIM.expiresAt()).isEmpty());
        assertTrue(links.verify("garbage", NOW).isEmpty());
        assertTrue(links.verify("!!!.???", NOW).isEmpty());
        assertTrue(links.verify(token.substring(0, token.length() - 2), NOW).isEmpty());
    }

    @Test
    void the_check_tells_an_expired_link_from_one_that_is_not_valid() {
        String token = links.token(CLAIM);

        assertEquals(new PaymentLinks.LinkCheck.Genuine(CLAIM), links.check(token, NOW));
        assertEquals(new PaymentLinks.LinkCheck.Expired(CLAIM), links.check(token, CLAIM.expiresAt()));
        assertInstanceOf(PaymentLinks.LinkCheck.NotValid.class, links.check(token + "x", NOW));
        assertInstanceOf(PaymentLinks.LinkCheck.NotValid.class, links.check(null, NOW));
        assertInstanceOf(PaymentLinks.LinkCheck.NotValid.class, links.check("a".repeat(1001), NOW));
    }

    @Test
    void a_link_signed_before_the_account_was_in_the_payload_is_not_valid() throws Exception {
        byte[] oldPayload = ("8b7c-inv|400.00|CAD|" + CLAIM.expiresAt().getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("a-secret-of-the-merchant".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signedTheOldWay = base64.encodeToString(oldPayload) + "." + base64.encodeToString(mac.doFinal(oldPayload));

        assertInstanceOf(PaymentLinks.LinkCheck.NotValid.class, links.check(signedTheOldWay, NOW));
    }

    @Test
    void a_short_secret_is_refused_at_start() {
        assertThrows(IllegalArgumentException.class, () -> new PaymentLinks("https://pay.example/p", "short"));
    }
}
