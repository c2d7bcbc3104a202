package dev.ardoise.localstack;

import io.smallrye.jwt.build.Jwt;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tokens the stack prints verify with the public key it hands the services, with docs/security.md's claims. */
class DevTokensTest {
    @TempDir
    Path stack;

    @Test
    void a_cashiers_token_carries_the_claims_of_the_contract_and_verifies_with_the_stacks_public_key()
            throws Exception {
        Secrets secrets = Secrets.loadOrCreate(stack);

        String token = TokenCommand.token(stack, "CASHIER", "--store", "MAIN,LAVAL", "--user", "lea",
                "--register", "R1", "--ttl", "30m");

        JwtClaims claims = verifier(secrets).processToClaims(token);
        assertEquals("ardoise-local", claims.getIssuer());
        assertEquals(List.of("ardoise"), claims.getAudience());
        assertEquals("lea", claims.getSubject());
        assertEquals(List.of("CASHIER"), claims.getStringListClaimValue("groups"));
        assertEquals(List.of("MAIN", "LAVAL"), claims.getStringListClaimValue("stores"));
        assertEquals("R1", claims.getStringClaimValue("register"));
        assertEquals(Duration.ofMinutes(30).toSeconds(),
                claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void an_operator_works_for_every_store_and_a_manager_for_main_unless_told() throws Exception {
        Secrets secrets = Secrets.loadOrCreate(stack);
        DevTokens tokens = DevTokens.of(stack);

        JwtClaims operator = verifier(secrets).processToClaims(tokens.operator());
        JwtClaims manager = verifier(secrets).processToClaims(tokens.manager());

        assertEquals(List.of(), operator.getStringListClaimValue("stores"));
        assertEquals(List.of("MAIN"), manager.getStringListClaimValue("stores"));
        assertNull(manager.getClaimValue("register"));
    }

    @Test
    void an_expired_token_or_one_signed_by_a_stranger_does_not_verify() {
        Secrets secrets = Secrets.loadOrCreate(stack);
        DevTokens tokens = DevTokens.of(stack);

        assertThrows(InvalidJwtException.class,
                () -> verifier(secrets).processToClaims(tokens.of("MANAGER").expired().sign()));
        assertThrows(InvalidJwtException.class,
                () -> verifier(secrets).processToClaims(tokens.of("MANAGER").signedByStranger().sign()));
    }

    @Test
    void the_secrets_are_kept_between_starts_and_readable_only_by_their_owner() throws Exception {
        Secrets first = Secrets.loadOrCreate(stack);
        String key = Files.readString(first.privateKey());

        Secrets second = Secrets.loadOrCreate(stack);

        assertTrue(first.newDatabasePassword());
        assertEquals(false, second.newDatabasePassword());
        assertEquals(key, Files.readString(second.privateKey()));
        assertEquals(first.databasePassword(), second.databasePassword());
        assertEquals(first.kafkaPassword("register"), second.kafkaPassword("register"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second.privateKey())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second.folder())));
        assertTrue(Files.readString(second.kcatConfiguration("register"))
                .contains("sasl.password=" + second.kafkaPassword("register")));
    }

    @Test
    void token_sh_without_the_stacks_key_says_to_start_the_stack_first_and_refuses_an_unknown_role() {
        IllegalStateException noKey = assertThrows(IllegalStateException.class,
                () -> TokenCommand.token(stack, "MANAGER"));
        assertTrue(noKey.getMessage().contains("./start.sh"), noKey.getMessage());

        Secrets.loadOrCreate(stack);
        assertThrows(IllegalArgumentException.class, () -> TokenCommand.token(stack, "ADMIN"));
        assertThrows(IllegalArgumentException.class, () -> TokenCommand.token(stack, "VIEWER", "--ttl", "soon"));
        assertEquals(Duration.ofDays(2), TokenCommand.duration("2d"));
    }

    @Test
    void notification_services_own_key_is_trusted_by_invoice_services_key_set_only() throws Exception {
        Secrets secrets = Secrets.loadOrCreate(stack);
        String serviceToken = Jwt.issuer(DevTokens.ISSUER).audience(DevTokens.AUDIENCE).subject("notification-service")
                .groups(Set.of("SERVICE")).expiresIn(Duration.ofMinutes(5)).jws().keyId(DevTokens.SERVICE_KEY_ID)
                .sign(secrets.serviceTokenPrivateKey().toString());
        String managerToken = DevTokens.of(stack).manager();

        JwtConsumer invoiceService = invoiceServiceVerifier(secrets);
        assertEquals("notification-service", invoiceService.processToClaims(serviceToken).getSubject());
        assertEquals("manager", invoiceService.processToClaims(managerToken).getSubject());
        assertThrows(InvalidJwtException.class, () -> verifier(secrets).processToClaims(serviceToken),
                "account-service and notification-service trust the issuer's key only");
        assertTrue(Files.readString(secrets.serviceTokenPrivateKey()).contains("PRIVATE KEY"));
        assertNotEquals(Files.readString(secrets.privateKey()), Files.readString(secrets.serviceTokenPrivateKey()),
                "not the issuer's key");
    }

    @Test
    void a_secrets_folder_from_before_gets_the_service_key_and_keeps_the_issuers() throws Exception {
        Secrets before = Secrets.loadOrCreate(stack);
        String issuerKey = Files.readString(before.privateKey());
        Files.delete(before.serviceTokenPrivateKey());
        Files.delete(before.folder().resolve(Secrets.SERVICE_PUBLIC_KEY_FILE));
        Files.delete(before.invoiceServiceVerifyKeys());

        Secrets after = Secrets.loadOrCreate(stack);

        assertEquals(issuerKey, Files.readString(after.privateKey()));
        assertTrue(Files.exists(after.serviceTokenPrivateKey()));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(after.serviceTokenPrivateKey())));
        assertEquals("manager", invoiceServiceVerifier(after).processToClaims(DevTokens.of(stack).manager())
                .getSubject());
    }

    private static JwtConsumer invoiceServiceVerifier(Secrets secrets) throws Exception {
        JsonWebKeySet keys = new JsonWebKeySet(Files.readString(secrets.invoiceServiceVerifyKeys()));
        assertEquals(List.of(DevTokens.KEY_ID, DevTokens.SERVICE_KEY_ID),
                keys.getJsonWebKeys().stream().map(key -> key.getKeyId()).toList());
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setExpectedIssuer("ardoise-local").setExpectedAudience("ardoise").setRequireExpirationTime()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256").build();
    }

    private static JwtConsumer verifier(Secrets secrets) throws Exception {
        String pem = Files.readString(secrets.publicKey()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer("ardoise-local")
                .setExpectedAudience("ardoise").setRequireExpirationTime()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256").build();
    }
}
