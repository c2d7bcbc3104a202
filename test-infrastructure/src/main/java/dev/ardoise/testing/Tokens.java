package dev.ardoise.testing;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for tests, signed by a key pair made once per test JVM; the services under test verify them with
 * its public half ({@link TestTokenKeys}). {@code Tokens.of("CASHIER").store("MAIN").user("lea").sign()}.
 *
 * <p>A second pair stands for notification-service's own key ({@link #signedAsService()}, kid
 * {@value #SERVICE_KEY_ID}): the services under test trust both ({@link #verificationKeys()}), as invoice-service
 * does in production; only invoice-service limits what a token of that key may be.
 *
 * <p>The keys live in system properties so that every class loader of the JVM (the test's and Quarkus') signs
 * and verifies with the same pairs.
 */
public final class Tokens {
    public static final String ISSUER = "ardoise-test";
    public static final String AUDIENCE = "ardoise";
    private static final String PRIVATE_KEY = "ardoise.test.token.private-key";
    private static final String PUBLIC_KEY = "ardoise.test.token.public-key";
    private static final String SERVICE_PRIVATE_KEY = "ardoise.test.service-token.private-key";
    private static final String SERVICE_PUBLIC_KEY = "ardoise.test.service-token.public-key";
    private static final String STRANGER_PRIVATE_KEY = "ardoise.test.stranger-token.private-key";
    /** The kid of the issuer's test tokens. */
    public static final String KEY_ID = "test";
    /** The kid of notification-service's own signing key, as invoice-service is configured to know it. */
    public static final String SERVICE_KEY_ID = "notification-service";
    private static final Duration REUSED_FOR = Duration.ofMinutes(10);
    private static final Map<Claims, Signed> SIGNED = new ConcurrentHashMap<>();

    private final Set<String> roles = new java.util.LinkedHashSet<>();
    private String user;
    private List<String> stores = List.of("MAIN");
    private String register;
    private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
    private boolean validForAnHour = true;
    private String issuer = ISSUER;
    private String signingKeyProperty = PRIVATE_KEY;
    private String keyId = KEY_ID;

    private Tokens(String role) {
        this.roles.add(role);
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

    /** Grants these roles as well as the first. */
    public Tokens alsoRoles(String... roles) {
        this.roles.addAll(List.of(roles));
        return this;
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
        this.validForAnHour = false;
        return this;
    }

    public Tokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    /**
     * Signed by a key the services do not trust, as a forger would: one such key per JVM (an RSA key pair costs
     * a fifth of a second to make, and a role matrix asks for one per operation).
     */
    public Tokens signedByStranger() {
        this.signingKeyProperty = STRANGER_PRIVATE_KEY;
        return this;
    }

    /** Signed with notification-service's own key (kid {@value #SERVICE_KEY_ID}) instead of the issuer's. */
    public Tokens signedAsService() {
        this.signingKeyProperty = SERVICE_PRIVATE_KEY;
        this.keyId = SERVICE_KEY_ID;
        return this;
    }

    /**
     * The signed token. A token valid for an hour is signed once and handed out again for ten minutes to whoever
     * asks for the same claims: an RSA signature costs milliseconds, and the tests ask for thousands.
     */
    public String sign() {
        if (!validForAnHour) {
            return signNow();
        }
        Claims claims = new Claims(issuer, user, Set.copyOf(roles), stores, register, signingKeyProperty, keyId);
        Signed signed = SIGNED.compute(claims, (key, earlier) ->
                earlier != null && earlier.signedAt().isAfter(Instant.now().minus(REUSED_FOR)) ? earlier
                        : new Signed(signNow(), Instant.now()));
        return signed.token();
    }

    private String signNow() {
        var claims = Jwt.issuer(issuer).audience(AUDIENCE).subject(user).groups(Set.copyOf(roles))
                .claim("stores", stores).issuedAt(expiresAt.minus(Duration.ofHours(2))).expiresAt(expiresAt);
        if (register != null) {
            claims.claim("register", register);
        }
        return claims.jws().keyId(keyId).sign(privateKey(signingKeyProperty, publicKeyOf(signingKeyProperty)));
    }

    private static String publicKeyOf(String privateKeyProperty) {
        return privateKeyProperty.replace(".private-key", ".public-key");
    }

    /**
     * The keys the services verify with: a JWK set of the issuer's public key (kid {@value #KEY_ID}) and
     * notification-service's (kid {@value #SERVICE_KEY_ID}); smallrye-jwt picks one by the token's kid.
     */
    static String verificationKeys() {
        return "{\"keys\":[" + jwk(KEY_ID, PRIVATE_KEY, PUBLIC_KEY) + ","
                + jwk(SERVICE_KEY_ID, SERVICE_PRIVATE_KEY, SERVICE_PUBLIC_KEY) + "]}";
    }

    /** notification-service's private key as a PKCS#8 PEM, for a test that lets it sign its SERVICE tokens. */
    public static String servicePrivateKeyPem() {
        return pem(privateKey(SERVICE_PRIVATE_KEY, SERVICE_PUBLIC_KEY).getEncoded());
    }

    /** The issuer's private key as a PKCS#8 PEM, for the console's local sign-in, which signs as the issuer. */
    public static String issuerPrivateKeyPem() {
        return pem(privateKey(PRIVATE_KEY, PUBLIC_KEY).getEncoded());
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** notification-service's public key, for a stub that checks the SERVICE tokens it is shown. */
    public static RSAPublicKey servicePublicKey() {
        return publicKey(SERVICE_PRIVATE_KEY, SERVICE_PUBLIC_KEY);
    }

    private static String jwk(String kid, String privateProperty, String publicProperty) {
        RSAPublicKey key = publicKey(privateProperty, publicProperty);
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}";
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Makes the pair of these properties the first time it is asked for in this JVM; locked on the system
     * properties, the one object that the class loaders' copies of this class share.
     */
    private static void ensurePair(String privateProperty, String publicProperty) {
        synchronized (System.getProperties()) {
            if (System.getProperty(publicProperty) == null) {
                KeyPair pair = newKeyPair();
                System.setProperty(privateProperty, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty(publicProperty, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            }
        }
    }

    private static RSAPublicKey publicKey(String privateProperty, String publicProperty) {
        ensurePair(privateProperty, publicProperty);
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(publicProperty))));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String privateProperty, String publicProperty) {
        ensurePair(privateProperty, publicProperty);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(privateProperty))));
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

    /** Everything a token says but its times: a new claim setter adds its field here. */
    private record Claims(String issuer, String user, Set<String> roles, List<String> stores, String register,
                          String signingKeyProperty, String keyId) {
    }

    private record Signed(String token, Instant signedAt) {
    }
}
