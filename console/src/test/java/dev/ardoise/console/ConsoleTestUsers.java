package dev.ardoise.console;

import dev.ardoise.console.signin.ConsoleUser;
import dev.ardoise.console.signin.UsersFileLines;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console under test signs in local users (anne, a manager of MAIN; bob, a viewer of MAIN; ops, an operator)
 * whose password is {@value #PASSWORD}, and signs their tokens with the tests' issuer key, which the tests'
 * services would trust.
 */
public class ConsoleTestUsers implements QuarkusTestResourceLifecycleManager {
    public static final String PASSWORD = "correct horse battery staple";

    @Override
    public Map<String, String> start() {
        try {
            Path folder = Files.createTempDirectory("console-test");
            Path users = folder.resolve("users");
            Files.write(users, List.of(
                    UsersFileLines.line(new ConsoleUser("anne", Set.of("MANAGER"), Set.of("MAIN")), PASSWORD, salt(1)),
                    UsersFileLines.line(new ConsoleUser("bob", Set.of("VIEWER"), Set.of("MAIN")), PASSWORD, salt(2)),
                    UsersFileLines.line(new ConsoleUser("ops", Set.of("OPERATOR"), Set.of()), PASSWORD, salt(3)),
                    UsersFileLines.line(new ConsoleUser("claire", Set.of("MANAGER"), Set.of("LAVAL")), PASSWORD,
                            salt(4))));
            Path key = folder.resolve("issuer.pem");
            Files.writeString(key, Tokens.issuerPrivateKeyPem());
            return Map.of("ardoise.console.local-users-file", users.toString(),
                    "smallrye.jwt.sign.key.location", key.toString(),
                    "ardoise.console.token-issuer", Tokens.ISSUER,
                    "ardoise.console.token-key-id", Tokens.KEY_ID,
                    "ardoise.console.secure-cookie", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] salt(int seed) {
        byte[] salt = new byte[16];
        salt[0] = (byte) seed;
        return salt;
    }

    @Override
    public void stop() {
    }
}
