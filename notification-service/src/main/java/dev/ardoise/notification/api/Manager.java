package dev.ardoise.notification.api;

import dev.ardoise.http.Problem;
import dev.ardoise.http.ProblemException;

/** Requests only a manager may make carry {@code X-Actor-Role: MANAGER}. */
final class Manager {
    static final String ROLE_HEADER = "X-Actor-Role";
    static final String USER_HEADER = "X-User-Id";

    private Manager() {
    }

    static void require(String role) {
        if (role == null || !"MANAGER".equalsIgnoreCase(role.trim())) {
            throw new ProblemException(Problem.of("forbidden", "Only a manager may do this", 403,
                    "this request needs " + ROLE_HEADER + ": MANAGER").with("field", ROLE_HEADER)
                    .with("requiredRole", "MANAGER"),
                    "not a manager");
        }
    }
}
