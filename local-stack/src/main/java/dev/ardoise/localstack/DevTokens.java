package dev.ardoise.localstack;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Bearer tokens the local stack's services trust: RS256, signed with the stack's development key, with the
 * claims of docs/security.md. {@code tokens.of("CASHIER").stores("MAIN").user("lea").register("R1").sign()}.
 * Used by {@code ./token.sh}, the banner of {@code ./start.sh}, the system tests and the benchmark.
 */
public final class DevTokens {
    public static final String ISSUER = "ardoise-local";
    public static final String AUDIENCE = "ardoise";
    public static final String DEFAULT_STORE = "MAIN";
    /** The kid of the stack's issuer key, in every token signed here. */
    public static final String KEY_ID = "ardoise-local";
    /** The kid of notification-service's own key, which only invoice-service trusts, and for SERVICE only. */
    public static final String SERVICE_KEY_ID = "notification-service";

    private final PrivateKey signingKey;

    private DevTokens(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    /** The tokens of the stack whose folder is {@code workDir} (its secrets are made at its first start). */
    public static DevTokens of(Path workDir) {
        Path key = Secrets.folder(workDir).resolve(Secrets.PRIVATE_KEY_FILE);
        if (!Files.exists(key)) {
            throw new IllegalStateException("no signing key at " + key + ": run ./start.sh once first, it makes it");
        }
        try {
            String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new DevTokens(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the signing key at " + key + " is not an RSA PKCS#8 key", e);
        }
    }

    /** A token of {@code role} for the store MAIN (none for OPERATOR and SERVICE), valid for 8 hours. */
    public Token of(String role) {
        return new Token(role);
    }

    public String cashier() {
        return of("CASHIER").register("R1").sign();
    }

    public String manager() {
        return of("MANAGER").sign();
    }

    public String viewer() {
        return of("VIEWER").sign();
    }

    public String operator() {
        return of("OPERATOR").sign();
    }

    /** One token being made; {@link #sign()} signs it. */
    public final class Token {
        private final String role;
        private String user;
        private List<String> stores;
        private String register;
        private Duration validity = Duration.ofHours(8);
        private Instant issuedAt = Instant.now();
        private String audience = AUDIENCE;
        private PrivateKey key = signingKey;

        private Token(String role) {
            this.role = role;
            this.user = role.toLowerCase();
            this.stores = storeBound(role) ? List.of(DEFAULT_STORE) : List.of();
        }

        public Token user(String user) {
            this.user = user;
            return this;
        }

        public Token stores(String... stores) {
            this.stores = List.of(stores);
            return this;
        }

        public Token register(String register) {
            this.register = register;
            return this;
        }

        public Token validFor(Duration validity) {
            this.validity = validity;
            return this;
        }

        /** Issued two hours ago and expired one hour ago. */
        public Token expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(2));
            this.validity = Duration.ofHours(1);
            return this;
        }

        public Token audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Signed by a key the services do not trust, as a forger would. */
        public Token signedByStranger() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair stranger = generator.generateKeyPair();
                this.key = stranger.getPrivate();
                return this;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public String sign() {
            JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience(audience).subject(user).groups(Set.of(role))
                    .claim("stores", stores).issuedAt(issuedAt).expiresAt(issuedAt.plus(validity));
            if (register != null) {
                claims.claim("register", register);
            }
            return claims.jws().keyId(KEY_ID).sign(key);
        }
    }

    /** OPERATOR and SERVICE work for every store (docs/security.md): their tokens name none. */
    static boolean storeBound(String role) {
        return !"OPERATOR".equals(role) && !"SERVICE".equals(role);
    }
}
