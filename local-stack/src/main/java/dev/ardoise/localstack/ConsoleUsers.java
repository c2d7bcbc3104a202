package dev.ardoise.localstack;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The people who sign in to the local stack's console with a password, and their users file
 * ({@code CONSOLE_LOCAL_USERS_FILE}): one line per user, {@code user roles stores pbkdf2-sha256$iterations$salt$hash},
 * as the console's {@code LocalUsers} reads it. The console is a Quarkus application the stack must not depend on,
 * so the hash is made here with the same parameters (PBKDF2-HMAC-SHA256, 210,000 iterations, 256 bits).
 */
public final class ConsoleUsers {
    /** One user: {@code stores} is {@code -} for none (an operator works for every store). */
    public record User(String name, String role, String stores) {
        /** "anne (MANAGER of MAIN)", "ops (OPERATOR)". */
        public String describe() {
            return name + " (" + role + (stores.equals("-") ? "" : " of " + stores) + ")";
        }

        /** The first three fields of its line: what the file must say about it, whatever its salt. */
        String identity() {
            return name + " " + role + " " + stores;
        }
    }

    /** A manager and a viewer of MAIN, an operator, and a manager of LAVAL, who sees none of MAIN's accounts. */
    public static final List<User> USERS = List.of(new User("anne", "MANAGER", "MAIN"),
            new User("bob", "VIEWER", "MAIN"), new User("ops", "OPERATOR", "-"), new User("claire", "MANAGER", "LAVAL"));
    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 210_000;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleUsers() {
    }

    /** The file's content: every user with this password, each with a salt of its own. */
    static String file(String password) {
        StringBuilder text = new StringBuilder("# The local stack's console users (made by the stack; the password is "
                + "\"console\" in passwords.properties)\n");
        for (User user : USERS) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            text.append(line(user, password, salt)).append('\n');
        }
        return text.toString();
    }

    static String line(User user, String password, byte[] salt) {
        Base64.Encoder base64 = Base64.getEncoder();
        return user.identity() + " " + SCHEME + "$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(hash(password, salt, ITERATIONS));
    }

    static byte[] hash(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the file names exactly {@link #USERS}, with their roles and stores (a stack kept from before may not). */
    static boolean names(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try {
            List<String> identities = Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.substring(0, line.lastIndexOf(' ')))
                    .toList();
            return identities.equals(USERS.stream().map(User::identity).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
