package dev.ardoise.account.application;

import dev.ardoise.events.Actor;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.Role;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import io.quarkus.security.ForbiddenException;

import static java.util.Objects.requireNonNull;

/**
 * Who asks, as their verified token says, and the request it belongs to. The events a command records carry the
 * token's role, user and register, and the store of the account they change: never what the request claims.
 */
public record Requester(Caller caller, String correlationId) {
    public Requester {
        requireNonNull(caller, "caller");
        requireNonNull(correlationId, "correlationId");
    }

    /** The metadata of the events recorded on an account of {@code storeId}. */
    EventMetadata on(String storeId) {
        return new EventMetadata(new Actor(role(), caller.userId(), caller.registerId(), storeId), correlationId);
    }

    /** Only staff at the till or its manager change an account; the events name one of their two roles. */
    private Role role() {
        return switch (caller.mainRole()) {
            case Roles.MANAGER -> Role.MANAGER;
            case Roles.CASHIER -> Role.CASHIER;
            default -> throw new ForbiddenException("only a CASHIER or a MANAGER changes an account");
        };
    }
}
