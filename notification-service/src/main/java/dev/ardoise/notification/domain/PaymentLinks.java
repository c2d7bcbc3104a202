package dev.ardoise.notification.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Payment links that cannot be forged or altered: the token names the invoice, the amount, the currency and an
 * expiry, and carries their HMAC-SHA256 under the merchant's secret. Changing any of them, or signing with another
 * secret, makes {@link #verify} refuse the token.
 * <p>
 * Token: {@code base64url(invoiceId|amount|currency|expiresAtEpochSeconds) "." base64url(hmac)}.
 */
public final class PaymentLinks {
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String baseUrl;
    private final SecretKeySpec key;

    public PaymentLinks(String baseUrl, String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the payment link secret must have at least 16 characters");
        }
        this.baseUrl = baseUrl;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** What a payment link asks the customer to pay. */
    public record PaymentClaim(String invoiceId, BigDecimal amount, String currency, Instant expiresAt) {
        String payload() {
            return invoiceId + "|" + amount.toPlainString() + "|" + currency + "|" + expiresAt.getEpochSecond();
        }

        static PaymentClaim of(String payload) {
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("not a payment claim");
            }
            return new PaymentClaim(parts[0], new BigDecimal(parts[1]), parts[2],
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
        }
    }

    public String link(PaymentClaim claim) {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "token=" + token(claim);
    }

    public String token(PaymentClaim claim) {
        byte[] payload = claim.payload().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The claim of a genuine token that has not expired; empty for a forged, altered, malformed or expired one. */
    public Optional<PaymentClaim> verify(String token, Instant now) {
        try {
            int dot = token.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            PaymentClaim claim = PaymentClaim.of(new String(payload, StandardCharsets.UTF_8));
            return claim.expiresAt().isAfter(now) ? Optional.of(claim) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
