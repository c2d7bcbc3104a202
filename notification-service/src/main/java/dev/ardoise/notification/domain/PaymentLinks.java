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
import java.util.UUID;

/**
 * Payment links that cannot be forged or altered: the token names the account, the invoice, the amount, the
 * currency and an expiry, and carries their HMAC-SHA256 under the merchant's secret. Changing any of them, or signing
 * with another secret, makes {@link #check} find it not valid. Links sent before the account was part of the payload
 * are not valid either.
 * <p>
 * Token: {@code base64url(accountId|invoiceId|amount|currency|expiresAtEpochSeconds) "." base64url(hmac)}.
 */
public final class PaymentLinks {
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** A token longer than this is not one of ours (a few hundred characters at most): it is not even decoded. */
    public static final int MAX_TOKEN_LENGTH = 1000;

    private final String baseUrl;
    private final SecretKeySpec key;

    public PaymentLinks(String baseUrl, String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the payment link secret must have at least 16 characters");
        }
        this.baseUrl = baseUrl;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** What a payment link asks the customer to pay, and on which account's invoice. */
    public record PaymentClaim(UUID accountId, String invoiceId, BigDecimal amount, String currency,
                               Instant expiresAt) {
        String payload() {
            return accountId + "|" + invoiceId + "|" + amount.toPlainString() + "|" + currency + "|"
                    + expiresAt.getEpochSecond();
        }

        static PaymentClaim of(String payload) {
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 5) {
                throw new IllegalArgumentException("not a payment claim");
            }
            return new PaymentClaim(UUID.fromString(parts[0]), parts[1], new BigDecimal(parts[2]), parts[3],
                    Instant.ofEpochSecond(Long.parseLong(parts[4])));
        }
    }

    /** What a token turns out to be: genuine and still good, genuine but expired, or not valid at all. */
    public sealed interface LinkCheck {
        record Genuine(PaymentClaim claim) implements LinkCheck {
        }

        record Expired(PaymentClaim claim) implements LinkCheck {
        }

        record NotValid() implements LinkCheck {
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
        return check(token, now) instanceof LinkCheck.Genuine genuine ? Optional.of(genuine.claim())
                : Optional.empty();
    }

    /** Whether the token is genuine (signed here, unaltered, well-formed) and, if so, whether it has expired. */
    public LinkCheck check(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return new LinkCheck.NotValid();
        }
        try {
            int dot = token.indexOf('.');
            if (dot < 0) {
                return new LinkCheck.NotValid();
            }
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return new LinkCheck.NotValid();
            }
            PaymentClaim claim = PaymentClaim.of(new String(payload, StandardCharsets.UTF_8));
            return claim.expiresAt().isAfter(now) ? new LinkCheck.Genuine(claim) : new LinkCheck.Expired(claim);
        } catch (IllegalArgumentException e) {
            return new LinkCheck.NotValid();
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
