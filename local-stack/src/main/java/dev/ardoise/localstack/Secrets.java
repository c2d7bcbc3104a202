package dev.ardoise.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The local stack's own secrets, made at its first start in {@code secrets/} of its folder and kept between runs
 * (also by {@code ARDOISE_CLEAN=true}: a token or a kcat configuration saved by a developer keeps working): the
 * token signing key pair, notification-service's own key pair for its SERVICE tokens, the database, SMTP and
 * payment-link secrets, one Kafka SCRAM password per principal, and the password of the console's users with their
 * users file ({@value #CONSOLE_USERS_FILE}). A folder kept from before gets the ones it lacks.
 * Nothing here is ever a default of the services: the stack passes each to them as the production profile asks.
 *
 * <p>invoice-service alone verifies with both public keys, a JWK set written at every start from them
 * ({@value #INVOICE_SERVICE_VERIFY_KEYS_FILE}); the other services get the issuer's public key only.
 */
final class Secrets {
    /** The principals of docs/security.md's Kafka table, each with a SCRAM password ("kafka.<name>"). */
    static final List<String> KAFKA_USERS = List.of("admin", "account-service", "invoice-service",
            "notification-service", "register", "console");
    static final String PRIVATE_KEY_FILE = "token-signing-key.pem";
    static final String PUBLIC_KEY_FILE = "token-public-key.pem";
    static final String SERVICE_PRIVATE_KEY_FILE = "service-token-signing-key.pem";
    static final String SERVICE_PUBLIC_KEY_FILE = "service-token-public-key.pem";
    static final String INVOICE_SERVICE_VERIFY_KEYS_FILE = "invoice-service-verify-keys.jwks";
    /** The console's users ({@link ConsoleUsers}), who share one password: "console" in passwords.properties. */
    static final String CONSOLE_USERS_FILE = "console-users.txt";
    private static final String PASSWORDS_FILE = "passwords.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final Properties passwords;
    private final boolean newDatabasePassword;

    private Secrets(Path folder, Properties passwords, boolean newDatabasePassword) {
        this.folder = folder;
        this.passwords = passwords;
        this.newDatabasePassword = newDatabasePassword;
    }

    static Path folder(Path workDir) {
        return workDir.resolve("secrets");
    }

    /** Reads the secrets of {@code workDir}, making the missing ones. */
    static Secrets loadOrCreate(Path workDir) {
        Path folder = folder(workDir);
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder);
                restrict(folder, "rwx------");
            }
            boolean made = false;
            if (!Files.exists(folder.resolve(PRIVATE_KEY_FILE)) || !Files.exists(folder.resolve(PUBLIC_KEY_FILE))) {
                writeKeyPair(folder.resolve(PRIVATE_KEY_FILE), folder.resolve(PUBLIC_KEY_FILE));
                made = true;
            }
            if (!Files.exists(folder.resolve(SERVICE_PRIVATE_KEY_FILE))
                    || !Files.exists(folder.resolve(SERVICE_PUBLIC_KEY_FILE))) {
                writeKeyPair(folder.resolve(SERVICE_PRIVATE_KEY_FILE), folder.resolve(SERVICE_PUBLIC_KEY_FILE));
            }
            writeInvoiceServiceVerifyKeys(folder);
            Properties passwords = new Properties();
            Path file = folder.resolve(PASSWORDS_FILE);
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    passwords.load(reader);
                }
            }
            boolean newDatabasePassword = passwords.getProperty("db") == null;
            boolean newConsolePassword = passwords.getProperty("console") == null;
            for (String name : secretNames()) {
                if (passwords.getProperty(name) == null) {
                    passwords.setProperty(name, randomSecret());
                    made = true;
                }
            }
            if (made) {
                writePrivately(file, writer -> passwords.store(writer,
                        "Made by the local stack at its first start; delete the secrets folder to make new ones"));
            }
            Secrets secrets = new Secrets(folder, passwords, newDatabasePassword);
            secrets.writeKcatConfigurations();
            if (newConsolePassword || !ConsoleUsers.names(secrets.consoleUsers())) {
                secrets.writeConsoleUsers();
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the local stack's secrets in " + folder, e);
        }
    }

    private static List<String> secretNames() {
        List<String> names = new java.util.ArrayList<>(List.of("db", "smtp", "payments-link", "payments-provider-callback", "console",
                "kafka.controller"));
        KAFKA_USERS.forEach(user -> names.add("kafka." + user));
        return names;
    }

    /** True when this start made the database password: a database kept from before does not know it. */
    boolean newDatabasePassword() {
        return newDatabasePassword;
    }

    Path folder() {
        return folder;
    }

    Path privateKey() {
        return folder.resolve(PRIVATE_KEY_FILE);
    }

    Path publicKey() {
        return folder.resolve(PUBLIC_KEY_FILE);
    }

    /** The private key notification-service signs its SERVICE tokens with (not the issuer's). */
    Path serviceTokenPrivateKey() {
        return folder.resolve(SERVICE_PRIVATE_KEY_FILE);
    }

    /** invoice-service's verification keys: the issuer's and notification-service's, as a JWK set. */
    Path invoiceServiceVerifyKeys() {
        return folder.resolve(INVOICE_SERVICE_VERIFY_KEYS_FILE);
    }

    String databasePassword() {
        return passwords.getProperty("db");
    }

    String smtpPassword() {
        return passwords.getProperty("smtp");
    }

    String paymentLinkSecret() {
        return passwords.getProperty("payments-link");
    }

    /** What the test provider signs its callbacks with and account-service verifies them with. */
    String providerCallbackSecret() {
        return passwords.getProperty("payments-provider-callback");
    }

    String kafkaPassword(String user) {
        String password = passwords.getProperty("kafka." + user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka principal " + user);
        }
        return password;
    }

    /** The password of every console user on the local stack (the banner prints it). */
    String consolePassword() {
        return passwords.getProperty("console");
    }

    /** {@code CONSOLE_LOCAL_USERS_FILE}. */
    Path consoleUsers() {
        return folder.resolve(CONSOLE_USERS_FILE);
    }

    /**
     * Written at the first start, and again only when the password is new or the users changed: each line's hash
     * costs 210,000 rounds of HMAC, a fraction of a second, too much to pay at every start.
     */
    private void writeConsoleUsers() throws IOException {
        String content = ConsoleUsers.file(consolePassword());
        writePrivately(consoleUsers(), writer -> writer.write(content));
    }

    Path kcatConfiguration(String user) {
        return folder.resolve("kcat-" + user + ".conf");
    }

    /**
     * For {@code kcat -F file}: the SASL settings of a principal, so that no password goes on a command line. PLAIN,
     * since Debian's kcat cannot log in to a Kafka 4 broker with SCRAM (see {@code KafkaBroker}).
     */
    private void writeKcatConfigurations() throws IOException {
        for (String user : KafkaBroker.KCAT_USERS) {
            String text = """
                    # kcat -F %s ...   (made by the local stack; the bootstrap address is given with -b)
                    security.protocol=SASL_PLAINTEXT
                    sasl.mechanisms=PLAIN
                    sasl.username=%s
                    sasl.password=%s
                    """.formatted(kcatConfiguration(user), user, kafkaPassword(user));
            writePrivately(kcatConfiguration(user), writer -> writer.write(text));
        }
    }

    private static void writeKeyPair(Path privateKey, Path publicKey) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        writePrivately(privateKey, writer -> writer.write(pem("PRIVATE KEY", pair.getPrivate().getEncoded())));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    /**
     * Written from the two public keys at every start, so that it follows a key made anew. Each key carries the
     * kid its tokens are signed with: smallrye-jwt picks the key by the token's kid, and invoice-service lets a
     * token of the service's kid be a SERVICE token only.
     */
    private static void writeInvoiceServiceVerifyKeys(Path folder) throws IOException {
        String jwks = "{\"keys\":[\n  " + jwk(DevTokens.KEY_ID, folder.resolve(PUBLIC_KEY_FILE)) + ",\n  "
                + jwk(DevTokens.SERVICE_KEY_ID, folder.resolve(SERVICE_PUBLIC_KEY_FILE)) + "\n]}\n";
        Files.writeString(folder.resolve(INVOICE_SERVICE_VERIFY_KEYS_FILE), jwks);
    }

    private static String jwk(String kid, Path publicKeyPem) throws IOException {
        String base64 = Files.readString(publicKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey key;
        try {
            key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the public key at " + publicKeyPem + " is not an RSA X.509 key", e);
        }
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}";
    }

    /** A JWK's number: big-endian, without the sign byte, base64url without padding. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** 24 random bytes, URL-safe base64: nothing a JAAS line or a properties file would need to quote. */
    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private static void writePrivately(Path file, Content content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        restrict(file, "rw-------");
        try (Writer writer = Files.newBufferedWriter(file)) {
            content.writeTo(writer);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions: the folder's own protection is all there is
        }
    }
}
