package dev.ardoise.testing;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Bearer tokens for tests, signed by a key pair made once per test JVM; the services under test verify them with
 * its public half ({@link TestTokenKeys}). {@code Tokens.of("CASHIER").store("MAIN").user("lea").sign()}.
 *
 * <p>The keys live in system properties so that every class loader of the JVM (the test's and Quarkus') signs
 * and verifies with the same pair.
 */
public final class Tokens {
    public static final String ISSUER = "ardoise-test";
    public static final String AUDIENCE = "ardoise";
    private static final String PRIVATE_KEY = "ardoise.test.token.private-key";
    private static final String PUBLIC_KEY = "ardoise.test.token.public-key";

    private final String role;
    private String user;
    private List<String> stores = List.of("MAIN");
    private String register;
    private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
    private String issuer = ISSUER;
    private PrivateKey signingKey;

    private Tokens(String role) {
        this.role = role;
        this.user = role.toLowerCase() + "-test";
    }

    /** A token of this role for the store MAIN, valid for an hour. */
    public static Tokens of(String role) {
        return new Tokens(role);
    }

    public static String cashier() {
        return of("CASHIER").sign();
    }

    public static String manager() {
        return of("MANAGER").sign();
    }

    public static String viewer() {
        return of("VIEWER").sign();
    }

    public static String operator() {
        return of("OPERATOR").stores().sign();
    }

    public Tokens user(String user) {
        this.user = user;
        return this;
    }

    public Tokens stores(String... stores) {
        this.stores = List.of(stores);
        return this;
    }

    public Tokens register(String register) {
        this.register = register;
        return this;
    }

    public Tokens expired() {
        this.expiresAt = Instant.now().minus(Duration.ofHours(1));
        return this;
    }

    public Tokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    /** Signed by a key the services do not trust, as a forger would. */
    public Tokens signedByStranger() {
        this.signingKey = newKeyPair().getPrivate();
        return this;
    }

    public String sign() {
        var claims = Jwt.issuer(issuer).audience(AUDIENCE).subject(user).groups(Set.of(role))
                .claim("stores", stores).issuedAt(expiresAt.minus(Duration.ofHours(2))).expiresAt(expiresAt);
        if (register != null) {
            claims.claim("register", register);
        }
        return claims.jws().keyId("test").sign(signingKey != null ? signingKey : privateKey());
    }

    /** The public key the services verify with, base64 of its X.509 encoding. */
    static synchronized String publicKey() {
        if (System.getProperty(PUBLIC_KEY) == null) {
            KeyPair pair = newKeyPair();
            System.setProperty(PRIVATE_KEY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC_KEY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
        return System.getProperty(PUBLIC_KEY);
    }

    private static PrivateKey privateKey() {
        publicKey();
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PRIVATE_KEY))));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
