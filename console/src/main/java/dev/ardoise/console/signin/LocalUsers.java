package dev.ardoise.console.signin;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users who may sign in with a password (the local stack's), read once from {@code CONSOLE_LOCAL_USERS_FILE}:
 * one per line, {@code user role[,role] store[,store]|- pbkdf2-sha256$iterations$salt$hash} (salt and hash in
 * base64; {@code -} for no store, as an operator). No file, no local sign-in.
 */
@ApplicationScoped
public class LocalUsers {
    private static final String SCHEME = "pbkdf2-sha256";
    private final Map<String, LocalUser> users = new HashMap<>();

    record LocalUser(ConsoleUser user, int iterations, byte[] salt, byte[] hash) {
    }

    LocalUsers(@ConfigProperty(name = "ardoise.console.local-users-file") Optional<String> file) {
        file.filter(path -> !path.isBlank()).map(Path::of).ifPresent(this::read);
    }

    public boolean enabled() {
        return !users.isEmpty();
    }

    /** The user, when the password is theirs; the same work is done for an unknown name as for a wrong password. */
    public Optional<ConsoleUser> check(String name, String password) {
        LocalUser known = users.get(name);
        LocalUser compared = known != null ? known : users.values().iterator().next();
        boolean matches = MessageDigest.isEqual(hash(password, compared.salt(), compared.iterations()),
                compared.hash());
        return known != null && matches ? Optional.of(known.user()) : Optional.empty();
    }

    private void read(Path file) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    LocalUser user = parse(line.trim());
                    users.put(user.user().name(), user);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's users at " + file, e);
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("no user in " + file);
        }
    }

    private static LocalUser parse(String line) {
        String[] fields = line.split("\\s+");
        String[] secret = fields.length == 4 ? fields[3].split("\\$") : new String[0];
        if (secret.length != 4 || !secret[0].equals(SCHEME)) {
            throw new IllegalStateException("a console user's line must be 'user roles stores " + SCHEME
                    + "$iterations$salt$hash': " + (fields.length > 0 ? fields[0] : ""));
        }
        Set<String> stores = fields[2].equals("-") ? Set.of() : Set.of(fields[2].split(","));
        ConsoleUser user = new ConsoleUser(fields[0], Set.of(fields[1].split(",")), stores);
        Base64.Decoder base64 = Base64.getDecoder();
        return new LocalUser(user, Integer.parseInt(secret[1]), base64.decode(secret[2]), base64.decode(secret[3]));
    }

    static byte[] hash(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line for a user, as the local stack writes it (and a test). */
    public static String line(ConsoleUser user, String password, byte[] salt) {
        int iterations = 210_000;
        Base64.Encoder base64 = Base64.getEncoder();
        String stores = user.stores().isEmpty() ? "-" : String.join(",", user.stores());
        return user.name() + " " + String.join(",", user.roles()) + " " + stores + " " + SCHEME + "$" + iterations
                + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash(password, salt, iterations));
    }

    @Override
    public String toString() {
        return "LocalUsers" + Arrays.toString(users.keySet().toArray());
    }
}
