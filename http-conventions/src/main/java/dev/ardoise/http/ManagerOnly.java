package dev.ardoise.http;

/**
 * The one check for requests only a manager may make: the caller says who it is in {@code X-Actor-Role} (trusted,
 * as the network in front of the services vouches for it), and anyone but a {@code MANAGER} gets a 403 problem
 * naming the required role.
 */
public final class ManagerOnly {
    public static final String ROLE_HEADER = "X-Actor-Role";
    public static final String USER_HEADER = "X-User-Id";
    public static final String MANAGER = "MANAGER";

    private ManagerOnly() {
    }

    /** @throws ProblemException 403 {@code forbidden} with {@code requiredRole: MANAGER} */
    public static void require(String role) {
        if (role == null || !MANAGER.equalsIgnoreCase(role.strip())) {
            throw new ProblemException(Problem.of("forbidden", "Manager only", 403,
                            "only a MANAGER may do this; " + ROLE_HEADER + " is " + (role == null ? "absent" : role))
                    .with("requiredRole", MANAGER), "manager only");
        }
    }
}
