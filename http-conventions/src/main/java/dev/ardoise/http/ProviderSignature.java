package dev.ardoise.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The payment provider's signature on a callback, as the large providers sign theirs:
 * {@code t=<epoch seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">} under the secret shared with the provider.
 * A callback is the provider's only when the signature is over this very body and {@code t} is within five minutes
 * of now: a callback recorded by someone on the way cannot be sent again later. The one place it is written: the
 * provider (notification-service's test provider, the tests' stubs) signs with it, account-service verifies with it.
 */
public final class ProviderSignature {
    /** The header the signature travels in. */
    public static final String HEADER = "Ardoise-Provider-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_HEADER_LENGTH = 200;

    private final SecretKeySpec key;
    private final Clock clock;

    public ProviderSignature(String secret, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the callback secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    /** Whether the header signs exactly this body, at a time no more than five minutes from now. */
    public boolean verifies(String header, byte[] body) {
        if (header == null || header.length() > MAX_HEADER_LENGTH) {
            return false;
        }
        Long signedAt = null;
        byte[] signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            try {
                if (pair[0].equals("t")) {
                    signedAt = Long.parseLong(pair[1]);
                } else if (pair[0].equals("v1")) {
                    signature = HexFormat.of().parseHex(pair[1]);
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        return signedAt != null && signature != null && recent(signedAt)
                && MessageDigest.isEqual(mac(signedAt, body), signature);
    }

    /** The header a provider sends with this body at this time. */
    public String header(long signedAt, byte[] body) {
        return "t=" + signedAt + ",v1=" + HexFormat.of().formatHex(mac(signedAt, body));
    }

    /** The header a provider sends with this body now. */
    public String headerNow(byte[] body) {
        return header(clock.instant().getEpochSecond(), body);
    }

    private boolean recent(long signedAt) {
        Instant now = clock.instant();
        Instant at = Instant.ofEpochSecond(signedAt);
        return !at.isBefore(now.minus(TOLERANCE)) && !at.isAfter(now.plus(TOLERANCE));
    }

    private byte[] mac(long signedAt, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((signedAt + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
