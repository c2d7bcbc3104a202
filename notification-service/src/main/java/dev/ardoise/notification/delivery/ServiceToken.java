package dev.ardoise.notification.delivery;

import dev.ardoise.http.security.Roles;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The token this service shows invoice-service when it reads a statement: role {@code SERVICE}, subject
 * {@code notification-service}, with the issuer and audience every service expects, signed with this service's own
 * key ({@code smallrye.jwt.sign.key.location}, {@code SERVICE_TOKEN_SIGNING_KEY_LOCATION}), never the issuer's, and
 * that key's kid in its header ({@code ardoise.service-token.key-id}): invoice-service alone trusts the key, and
 * only for SERVICE tokens, so that whoever takes this service cannot pass for a manager or an operator. It lives
 * five minutes and is signed again a minute before it expires, so that a token that leaks is soon worthless.
 */
@Singleton
public class ServiceToken {
    static final String SUBJECT = "notification-service";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEWED_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final Optional<String> issuer;
    private final Set<String> audiences;
    private final Optional<String> signingKey;
    private final String keyId;
    /** Expiry is checked by invoice-service against real time, never against the store's (replaceable) clock. */
    private final Clock realTime;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    @Inject
    ServiceToken(@ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
                 @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "ardoise") List<String> audiences,
                 @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKey,
                 @ConfigProperty(name = "ardoise.service-token.key-id") String keyId) {
        this(issuer, audiences, signingKey, keyId, Clock.systemUTC());
    }

    ServiceToken(Optional<String> issuer, List<String> audiences, Optional<String> signingKey, String keyId,
                 Clock realTime) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.signingKey = signingKey;
        this.keyId = keyId;
        this.realTime = realTime;
    }

    /** The value of the Authorization header: {@code Bearer <token>}. */
    public synchronized String bearer() {
        Instant now = realTime.instant();
        if (now.isAfter(expiresAt.minus(RENEWED_BEFORE_EXPIRY))) {
            Instant expiry = now.plus(LIFETIME);
            token = Jwt.issuer(issuer.orElseThrow(() -> missing("mp.jwt.verify.issuer (TOKEN_ISSUER)")))
                    .audience(audiences)
                    .subject(SUBJECT)
                    .groups(Set.of(Roles.SERVICE))
                    .issuedAt(now)
                    .expiresAt(expiry)
                    .jws().keyId(keyId).sign(signingKey.orElseThrow(
                            () -> missing("smallrye.jwt.sign.key.location (SERVICE_TOKEN_SIGNING_KEY_LOCATION)")));
            expiresAt = expiry;
        }
        return "Bearer " + token;
    }

    private static IllegalStateException missing(String setting) {
        return new IllegalStateException("cannot sign the SERVICE token for invoice-service: " + setting
                + " is not configured");
    }
}
