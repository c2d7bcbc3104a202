package dev.ardoise.http.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;

/**
 * The services' {@link JWTParser}: smallrye-jwt's, which verifies a bearer token (signature, issuer, audience,
 * expiry), with the tokens it verified remembered ({@link VerifiedTokens}), so that the same token is not verified
 * again on every request while it is valid. Quarkus' HTTP authentication ({@code MpJwtValidator}) and the POS sales
 * consumer both take the {@code JWTParser} bean, and so this one.
 *
 * <p>Only {@link #parse(String)} remembers: it verifies with the service's one configuration. A caller that brings
 * its own configuration or key ({@code parse(token, context)}, {@code verify}, {@code decrypt}) is verified every
 * time, so that a token verified under one configuration never passes for one verified under another.
 */
@Singleton
@Alternative
@Priority(1)
public class CachingTokenParser implements JWTParser {
    /** Enough for every register and user of a large chain at once; an entry weighs a few kilobytes. */
    static final int MOST_TOKENS = 2_000;

    private final JWTParser verifier;
    private final VerifiedTokens verified;

    /**
     * The system clock, as jose4j's and smallrye-jwt's own checks read it (not a service's {@code Clock} bean,
     * which a test may set elsewhere).
     */
    @Inject
    CachingTokenParser(DefaultJWTParser verifier, JWTAuthContextInfo configuration) {
        this(verifier, configuration, Clock.systemUTC(), MOST_TOKENS);
    }

    CachingTokenParser(JWTParser verifier, JWTAuthContextInfo configuration, Clock clock, int mostTokens) {
        this.verifier = verifier;
        this.verified = new VerifiedTokens(clock, timeRules(configuration), mostTokens);
    }

    /** The leeway smallrye-jwt gives jose4j: the expiry grace period when set, else the clock skew. */
    static VerifiedTokens.TimeRules timeRules(JWTAuthContextInfo configuration) {
        int leeway = configuration.getExpGracePeriodSecs() > 0 ? configuration.getExpGracePeriodSecs()
                : Math.max(configuration.getClockSkew(), 0);
        return new VerifiedTokens.TimeRules(leeway, configuration.getTokenAge());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (token == null) {
            return verifier.parse(null);
        }
        VerifiedTokens.Found found = verified.find(token);
        if (found instanceof VerifiedTokens.Valid valid) {
            return valid.token();
        }
        if (found instanceof VerifiedTokens.NoLongerValid) {
            throw new ParseException("the token has expired, is not valid yet or is older than allowed");
        }
        JsonWebToken parsed = verifier.parse(token);
        verified.keep(token, parsed);
        return parsed;
    }

    /** Whether this token is remembered as verified and still valid (for the services' tests). */
    public boolean remembers(String token) {
        return verified.find(token) instanceof VerifiedTokens.Valid;
    }

    int remembered() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
