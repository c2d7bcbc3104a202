package dev.ardoise.console.signin;

import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One line of the users file ({@link LocalUsers}), checked field by field; a refusal names the line, not its hash. */
final class UsersFileLine {
    static final String SCHEME = "pbkdf2-sha256";
    static final int FEWEST_ITERATIONS = 100_000;
    static final int MOST_ITERATIONS = 2_000_000;
    private static final int HASH_BYTES = 32;
    private static final Set<String> ROLES = Set.of(ConsoleUser.MANAGER, ConsoleUser.VIEWER, ConsoleUser.CASHIER,
            ConsoleUser.OPERATOR);

    private UsersFileLine() {
    }

    static LocalUsers.LocalUser parse(String line, String where) {
        String[] fields = line.split("\\s+");
        String[] secret = fields.length == 4 ? fields[3].split("\\$", -1) : new String[0];
        if (secret.length != 4 || !secret[0].equals(SCHEME)) {
            throw bad(where, "must be 'user roles stores " + SCHEME + "$iterations$salt$hash'");
        }
        Set<String> roles = distinct(fields[1], where, "role");
        if (!ROLES.containsAll(roles)) {
            throw bad(where, "a role must be one of " + ROLES);
        }
        Set<String> stores = fields[2].equals("-") ? Set.of() : distinct(fields[2], where, "store");
        ConsoleUser user = new ConsoleUser(fields[0], roles, stores);
        return new LocalUsers.LocalUser(user, iterations(secret[1], where), base64(secret[2], where, "salt"),
                hash(secret[3], where));
    }

    private static Set<String> distinct(String field, String where, String what) {
        List<String> values = List.of(field.split(",", -1));
        Set<String> distinct = new LinkedHashSet<>(values);
        if (distinct.size() != values.size() || distinct.contains("")) {
            throw bad(where, "a " + what + " is written twice or empty in '" + field + "'");
        }
        return distinct;
    }

    private static int iterations(String field, String where) {
        try {
            int iterations = Integer.parseInt(field);
            if (iterations >= FEWEST_ITERATIONS && iterations <= MOST_ITERATIONS) {
                return iterations;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw bad(where, "the iterations must be a number from " + FEWEST_ITERATIONS + " to " + MOST_ITERATIONS);
    }

    private static byte[] hash(String field, String where) {
        byte[] hash = base64(field, where, "hash");
        if (hash.length != HASH_BYTES) {
            throw bad(where, "the hash must be " + HASH_BYTES + " bytes (PBKDF2-HMAC-SHA256, 256 bits)");
        }
        return hash;
    }

    private static byte[] base64(String field, String where, String what) {
        try {
            byte[] decoded = Base64.getDecoder().decode(field);
            if (decoded.length > 0) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw bad(where, "the " + what + " must be base64");
    }

    private static IllegalStateException bad(String where, String why) {
        return new IllegalStateException("a console user at " + where + ": " + why);
    }
}
