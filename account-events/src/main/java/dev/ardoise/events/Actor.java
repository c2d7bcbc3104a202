package dev.ardoise.events;

import static java.util.Objects.requireNonNull;

/**
 * Who caused an event: the role, the user (a cashier's or manager's login, null for a register acting alone or
 * for the system), and the register and store it came from (null from the back office).
 */
public record Actor(Role role, String userId, String registerId, String storeId) {
    public static final Actor UNRECORDED = new Actor(Role.SYSTEM, "unrecorded", null, null);

    public Actor {
        requireNonNull(role, "role");
    }

    public static Actor system(String process) {
        return new Actor(Role.SYSTEM, process, null, null);
    }
}
