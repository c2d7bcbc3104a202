package dev.ardoise.console.signin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Local sign-in is on with a users file and a signing key, off with neither; anything else stops the start. */
class LocalUsersTest {
    private static final String HASH = "a".repeat(43) + "=";
    private static final Optional<String> KEY = Optional.of("/run/secrets/issuer.pem");

    @TempDir
    Path folder;

    @Test
    void the_file_without_the_signing_key_stops_the_start_naming_the_key() throws IOException {
        Path file = file(good("anne"));
        String why = assertThrows(IllegalStateException.class,
                () -> new LocalUsers(Optional.of(file.toString()), Optional.empty())).getMessage();
        assertTrue(why.contains("CONSOLE_SIGNING_KEY_LOCATION"), why);
        why = assertThrows(IllegalStateException.class, () -> new LocalUsers(Optional.of(file.toString()),
                Optional.of(" "))).getMessage();
        assertTrue(why.contains("CONSOLE_SIGNING_KEY_LOCATION"), why);
    }

    @Test
    void the_key_without_the_file_stops_the_start_too_and_neither_is_off() {
        String why = assertThrows(IllegalStateException.class,
                () -> new LocalUsers(Optional.empty(), KEY)).getMessage();
        assertTrue(why.contains("CONSOLE_LOCAL_USERS_FILE"), why);
        assertFalse(new LocalUsers(Optional.empty(), Optional.empty()).enabled());
    }

    @Test
    void a_good_file_with_the_key_turns_sign_in_on() throws IOException {
        String line = UsersFileLines.line(new ConsoleUser("anne", Set.of("MANAGER"), Set.of("MAIN", "LAVAL")),
                "secret", new byte[16]);
        LocalUsers users = new LocalUsers(Optional.of(file("# the stack's users", "", line).toString()), KEY);
        assertTrue(users.enabled());
        assertEquals(Set.of("MAIN", "LAVAL"), users.check("anne", "secret").orElseThrow().stores());
        assertTrue(users.check("anne", "guess").isEmpty());
    }

    @Test
    void a_bad_line_stops_the_start_with_its_number_and_never_its_hash() throws IOException {
        List<String[]> bad = List.of(
                new String[] {"anne MANAGER,MANAGER MAIN pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$" + HASH,
                    "role is written twice"},
                new String[] {"anne MANAGER MAIN,MAIN pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$" + HASH,
                    "store is written twice"},
                new String[] {"anne SERVICE MAIN pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$" + HASH,
                    "a role must be one of"},
                new String[] {"anne MANAGER MAIN pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA==$" + HASH,
                    "iterations must be a number from 100000"},
                new String[] {"anne MANAGER MAIN pbkdf2-sha256$99999999999$AAAAAAAAAAAAAAAAAAAAAA==$" + HASH,
                    "iterations must be a number"},
                new String[] {"anne MANAGER MAIN pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$" + HASH + "!",
                    "hash must be base64"},
                new String[] {"anne MANAGER MAIN pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$QUJD",
                    "hash must be 32 bytes"},
                new String[] {"anne MANAGER MAIN " + HASH, "must be 'user roles stores"});
        for (String[] line : bad) {
            Path file = file("# users", line[0]);
            String why = assertThrows(IllegalStateException.class,
                    () -> new LocalUsers(Optional.of(file.toString()), KEY), line[1]).getMessage();
            assertTrue(why.contains(file + " line 2") && why.contains(line[1]), why);
            assertFalse(why.contains(HASH), "never the hash: " + why);
        }
    }

    @Test
    void a_user_listed_twice_stops_the_start() throws IOException {
        Path file = file(good("anne"), good("bob"), good("anne"));
        String why = assertThrows(IllegalStateException.class,
                () -> new LocalUsers(Optional.of(file.toString()), KEY)).getMessage();
        assertTrue(why.contains("line 3") && why.contains("anne is listed twice"), why);
    }

    private static String good(String name) {
        return name + " MANAGER MAIN pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$" + HASH;
    }

    private Path file(String... lines) throws IOException {
        Path file = Files.createTempFile(folder, "users", ".txt");
        Files.write(file, List.of(lines));
        return file;
    }
}
