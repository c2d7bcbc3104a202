package dev.ardoise.events.reader;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where a service keeps the store of each account it read open, for the operators' list of parked accounts. */
public interface AccountStores {

    /** The store of each of these accounts the service knows; an account it never saw open is left out. */
    Uni<Map<UUID, String>> of(List<UUID> accountIds);
}
