package dev.ardoise.account.api;

import dev.ardoise.account.application.StoreSettings;
import dev.ardoise.account.domain.InputRules;
import dev.ardoise.events.Actor;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.Role;
import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.ManagerOnly;
import dev.ardoise.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.UUID;

/** Turns the actor headers into the metadata every event of the command carries, and guards manager operations. */
@ApplicationScoped
public class Callers {
    private final StoreSettings store;

    Callers(StoreSettings store) {
        this.store = store;
    }

    EventMetadata caller(ActorHeaders headers) {
        Role role = role(headers.role);
        String storeId = blankToNull(headers.storeId);
        if (storeId != null && !InputRules.isStoreId(storeId)) {
            throw new InvalidRequestException(ActorHeaders.STORE, InputRules.STORE_ID_RULE);
        }
        Actor actor = new Actor(role, blankToNull(headers.userId), blankToNull(headers.registerId),
                storeId == null ? store.id() : storeId);
        String correlationId = blankToNull(headers.correlationId);
        return new EventMetadata(actor, correlationId == null ? UUID.randomUUID().toString() : correlationId);
    }

    /** @throws ProblemException 403 naming the required role when the caller is not a manager */
    EventMetadata manager(ActorHeaders headers) {
        EventMetadata caller = caller(headers);
        ManagerOnly.require(caller.actor().role().name());
        return caller;
    }

    private static Role role(String header) {
        if (header == null || header.isBlank()) {
            return Role.CASHIER;
        }
        String role = header.strip().toUpperCase(Locale.ROOT);
        if (role.equals(Role.CASHIER.name()) || role.equals(Role.MANAGER.name())) {
            return Role.valueOf(role);
        }
        throw new InvalidRequestException(ActorHeaders.ROLE, "must be CASHIER or MANAGER");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
