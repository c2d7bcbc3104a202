package dev.ardoise.console.signin;

import java.util.Base64;

/**
 * A users-file line as {@link LocalUsers} reads it, for the tests (the local stack writes its own with
 * local-stack's {@code ConsoleUsers}, in the same format).
 */
public final class UsersFileLines {
    public static final int ITERATIONS = 210_000;

    private UsersFileLines() {
    }

    public static String line(ConsoleUser user, String password, byte[] salt) {
        Base64.Encoder base64 = Base64.getEncoder();
        String stores = user.stores().isEmpty() ? "-" : String.join(",", user.stores());
        return user.name() + " " + String.join(",", user.roles()) + " " + stores + " " + UsersFileLine.SCHEME + "$"
                + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(LocalUsers.hash(password, salt, ITERATIONS));
    }
}
