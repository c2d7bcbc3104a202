package dev.ardoise.http.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real RS256 tokens signed here, verified by smallrye-jwt's own parser behind the cache. */
class CachingTokenParserTest {
    private static final String ISSUER = "ardoise-test";
    private static final String AUDIENCE = "ardoise";
    private static final long LEEWAY = 60;
    private static KeyPair issuer;
    private static KeyPair stranger;

    private final Instant start = Instant.now();
    private SettableClock clock;
    private CountingParser verifier;
    private CachingTokenParser parser;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        issuer = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
    }

    @BeforeEach
    void parser() {
        clock = new SettableClock(start);
        verifier = new CountingParser(configuration());
        parser = new CachingTokenParser(verifier, configuration(), clock, 2_000);
    }

    @Test
    void the_same_token_is_verified_once_for_many_requests() throws ParseException {
        String token = token("register-7", start.plusSeconds(3600), issuer);
        for (int request = 0; request < 1_000; request++) {
            JsonWebToken verified = parser.parse(token);
            assertEquals("register-7", verified.getSubject());
            assertEquals(Set.of("CASHIER"), verified.getGroups());
            assertEquals(List.of("MAIN"), VerifiedCaller.of(verified).stores().stream().toList());
        }
        assertEquals(1, verifier.verifications.get());
    }

    @Test
    void a_remembered_token_is_refused_once_expired_with_the_parsers_leeway() throws ParseException {
        Instant expiry = start.plusSeconds(300);
        String token = token("register-7", expiry, issuer);
        parser.parse(token);

        clock.set(expiry.plusSeconds(LEEWAY - 1));
        assertEquals("register-7", parser.parse(token).getSubject(), "still within the parser's leeway");
        clock.set(expiry.plusSeconds(LEEWAY));
        assertThrows(ParseException.class, () -> parser.parse(token));

        assertEquals(1, verifier.verifications.get());
        assertEquals(0, parser.remembered());
    }

    @Test
    void a_token_older_than_the_configured_age_is_refused_though_remembered() throws ParseException {
        JWTAuthContextInfo configuration = configuration();
        configuration.setTokenAge(600L);
        parser = new CachingTokenParser(new CountingParser(configuration), configuration, clock, 2_000);
        String token = token("register-7", start.plusSeconds(3600), issuer);
        parser.parse(token);

        clock.set(start.plusSeconds(600));
        parser.parse(token);
        clock.set(start.plusSeconds(602));
        assertThrows(ParseException.class, () -> parser.parse(token));
    }

    @Test
    void a_remembered_token_is_refused_when_the_clock_is_before_its_not_before_by_more_than_the_leeway()
            throws ParseException {
        long notBefore = start.getEpochSecond() + 30;
        String token = Jwt.issuer(ISSUER).audience(AUDIENCE).subject("register-7").groups(Set.of("CASHIER"))
                .claim(org.eclipse.microprofile.jwt.Claims.nbf.name(), notBefore)
                .expiresAt(start.plusSeconds(3600)).jws().keyId("test").sign(issuer.getPrivate());
        parser.parse(token);

        clock.set(Instant.ofEpochSecond(notBefore - LEEWAY));
        assertEquals("register-7", parser.parse(token).getSubject());
        clock.set(Instant.ofEpochSecond(notBefore - LEEWAY - 1));
        assertThrows(ParseException.class, () -> parser.parse(token));
        assertEquals(1, verifier.verifications.get());
    }

    @Test
    void a_token_with_a_bad_signature_is_refused_every_time_and_never_remembered() {
        String forged = token("register-7", start.plusSeconds(3600), stranger);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThrows(ParseException.class, () -> parser.parse(forged));
        }
        assertEquals(3, verifier.verifications.get());
        assertEquals(0, parser.remembered());
    }

    @Test
    void a_remembered_token_changed_in_one_character_is_verified_and_refused() throws ParseException {
        String token = token("register-7", start.plusSeconds(3600), issuer);
        parser.parse(token);
        int inPayload = token.indexOf('.') + 5;
        char other = token.charAt(inPayload) == 'A' ? 'B' : 'A';
        String changed = token.substring(0, inPayload) + other + token.substring(inPayload + 1);

        assertThrows(ParseException.class, () -> parser.parse(changed));
        assertEquals(2, verifier.verifications.get());
        assertEquals(1, parser.remembered());
    }

    @Test
    void an_expired_token_is_refused_every_time_and_never_remembered() {
        String expired = token("register-7", start.minusSeconds(3600), issuer);
        assertThrows(ParseException.class, () -> parser.parse(expired));
        assertThrows(ParseException.class, () -> parser.parse(expired));
        assertEquals(2, verifier.verifications.get());
        assertEquals(0, parser.remembered());
    }

    @Test
    void a_token_checked_against_another_configuration_is_verified_there_every_time() throws ParseException {
        String token = token("register-7", start.plusSeconds(3600), issuer);
        parser.parse(token);
        JWTAuthContextInfo otherIssuer = configuration();
        otherIssuer.setIssuedBy("someone-else");

        assertThrows(ParseException.class, () -> parser.parse(token, otherIssuer));
        assertEquals("register-7", parser.parse(token, configuration()).getSubject());
        assertEquals(2, verifier.verificationsElsewhere.get());
        assertEquals(1, verifier.verifications.get());
    }

    @Test
    void no_more_tokens_are_remembered_than_the_bound_and_the_soonest_to_expire_goes_first() throws ParseException {
        parser = new CachingTokenParser(verifier, configuration(), clock, 3);
        List<String> tokens = new ArrayList<>();
        for (int register = 0; register < 10; register++) {
            tokens.add(token("register-" + register, start.plusSeconds(600 + register), issuer));
            assertEquals("register-" + register, parser.parse(tokens.get(register)).getSubject());
            assertTrue(parser.remembered() <= 3, "remembered " + parser.remembered());
        }
        assertEquals(10, verifier.verifications.get());

        parser.parse(tokens.get(9));
        assertEquals(10, verifier.verifications.get(), "the latest to expire is still remembered");
        parser.parse(tokens.get(0));
        assertEquals(11, verifier.verifications.get(), "the soonest to expire was forgotten");
        assertEquals(3, parser.remembered());
    }

    private static String token(String register, Instant expiry, KeyPair signer) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(register).groups(Set.of("CASHIER"))
                .claim(TokenClaims.STORES, List.of("MAIN")).issuedAt(Instant.now()).expiresAt(expiry)
                .jws().keyId("test").sign(signer.getPrivate());
    }

    private static JWTAuthContextInfo configuration() {
        JWTAuthContextInfo configuration = new JWTAuthContextInfo(issuer.getPublic(), ISSUER);
        configuration.setExpectedAudience(Set.of(AUDIENCE));
        return configuration;
    }

    /** smallrye-jwt's parser, counting what it is asked to verify. */
    private static final class CountingParser extends DefaultJWTParser {
        final AtomicInteger verifications = new AtomicInteger();
        final AtomicInteger verificationsElsewhere = new AtomicInteger();

        CountingParser(JWTAuthContextInfo configuration) {
            super(configuration);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo configuration) throws ParseException {
            verificationsElsewhere.incrementAndGet();
            return super.parse(token, configuration);
        }
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
