package dev.ardoise.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The console's users file the stack writes: the line format the console's LocalUsers reads, a hash that the stack's
 * password matches (PBKDF2-HMAC-SHA256 recomputed here from the line alone), kept private and kept between starts.
 */
class ConsoleUsersTest {
    @TempDir
    Path stack;

    @Test
    void each_user_has_a_line_of_the_consoles_format_whose_hash_the_stacks_password_matches() throws Exception {
        Secrets secrets = Secrets.loadOrCreate(stack);

        List<String> lines = userLines(secrets.consoleUsers());
        assertEquals(List.of("anne MANAGER MAIN", "bob VIEWER MAIN", "ops OPERATOR -", "claire MANAGER LAVAL"),
                lines.stream().map(line -> line.substring(0, line.lastIndexOf(' '))).toList());
        for (String line : lines) {
            String[] secret = line.substring(line.lastIndexOf(' ') + 1).split("\\$");
            assertEquals("pbkdf2-sha256", secret[0]);
            assertEquals(210_000, Integer.parseInt(secret[1]));
            byte[] salt = Base64.getDecoder().decode(secret[2]);
            assertArrayEquals(Base64.getDecoder().decode(secret[3]),
                    ConsoleUsers.hash(secrets.consolePassword(), salt, 210_000), line);
            assertFalse(java.util.Arrays.equals(Base64.getDecoder().decode(secret[3]),
                    ConsoleUsers.hash(secrets.consolePassword() + "x", salt, 210_000)), "another password matches");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.consoleUsers())));
        assertEquals(24, Base64.getUrlDecoder().decode(secrets.consolePassword()).length, "24 random bytes");
    }

    @Test
    void the_file_is_kept_between_starts_and_made_again_with_a_new_password() throws Exception {
        Secrets first = Secrets.loadOrCreate(stack);
        String written = Files.readString(first.consoleUsers());

        assertEquals(written, Files.readString(Secrets.loadOrCreate(stack).consoleUsers()), "hashed again at a start");

        Path passwords = first.folder().resolve("passwords.properties");
        Properties kept = new Properties();
        try (var reader = Files.newBufferedReader(passwords)) {
            kept.load(reader);
        }
        kept.remove("console");
        try (var writer = Files.newBufferedWriter(passwords)) {
            kept.store(writer, null);
        }
        Secrets next = Secrets.loadOrCreate(stack);
        assertNotEquals(first.consolePassword(), next.consolePassword());
        String line = userLines(next.consoleUsers()).get(0);
        String[] secret = line.substring(line.lastIndexOf(' ') + 1).split("\\$");
        assertArrayEquals(Base64.getDecoder().decode(secret[3]), ConsoleUsers.hash(next.consolePassword(),
                Base64.getDecoder().decode(secret[2]), 210_000), "the file follows the new password");
    }

    private static List<String> userLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
}
