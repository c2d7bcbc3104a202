package dev.ardoise.console.signin;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users who may sign in with a password (the local stack's), read at start from {@code CONSOLE_LOCAL_USERS_FILE}:
 * one per line, {@code user role[,role] store[,store]|- pbkdf2-sha256$iterations$salt$hash} (salt and hash in
 * base64; {@code -} for no store, as an operator). local-stack's {@code ConsoleUsers} writes that format, and the
 * tests' {@code UsersFileLines}: keep the three in step. Local sign-in is on when the file and the signing key
 * ({@code CONSOLE_SIGNING_KEY_LOCATION}) are both given, off when neither is; one without the other, or a bad line,
 * stops the start with a message naming it (the line's number, never its hash).
 */
@ApplicationScoped
@Startup
public class LocalUsers {
    private final Map<String, LocalUser> users = new HashMap<>();

    record LocalUser(ConsoleUser user, int iterations, byte[] salt, byte[] hash) {
    }

    @Inject
    LocalUsers(@ConfigProperty(name = "ardoise.console.local-users-file") Optional<String> file,
               @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKey) {
        Optional<Path> users = file.filter(path -> !path.isBlank()).map(Path::of);
        boolean key = signingKey.filter(location -> !location.isBlank()).isPresent();
        if (users.isPresent() && !key) {
            throw new IllegalStateException("CONSOLE_LOCAL_USERS_FILE is given without CONSOLE_SIGNING_KEY_LOCATION: "
                    + "local sign-in needs both (the key signs the users' tokens); give the key or neither");
        }
        if (users.isEmpty() && key) {
            throw new IllegalStateException("CONSOLE_SIGNING_KEY_LOCATION is given without CONSOLE_LOCAL_USERS_FILE: "
                    + "local sign-in needs both; production signs in through its identity provider and needs neither");
        }
        users.ifPresent(this::read);
        Log.infof("local sign-in is %s", enabled() ? "on, for " + this.users.size() + " users" : "off");
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
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's users at " + file
                    + " (CONSOLE_LOCAL_USERS_FILE)", e);
        }
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            LocalUser user = UsersFileLine.parse(line, file + " line " + number);
            if (users.putIfAbsent(user.user().name(), user) != null) {
                throw new IllegalStateException(file + " line " + number + ": the user " + user.user().name()
                        + " is listed twice");
            }
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("no user in " + file + " (CONSOLE_LOCAL_USERS_FILE)");
        }
    }

    static byte[] hash(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "LocalUsers" + Arrays.toString(users.keySet().toArray());
    }
}
