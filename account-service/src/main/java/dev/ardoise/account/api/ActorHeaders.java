package dev.ardoise.account.api;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Who sends a command, from trusted headers (no authentication yet: the network in front of the service vouches
 * for them).
 */
public class ActorHeaders {
    static final String ROLE = "X-Actor-Role";
    static final String USER = "X-User-Id";
    static final String REGISTER = "X-Register-Id";
    static final String STORE = "X-Store-Id";
    static final String CORRELATION = "X-Correlation-Id";

    @HeaderParam(ROLE)
    @Parameter(description = "CASHIER (default) or MANAGER; SYSTEM is refused")
    String role;

    @HeaderParam(USER)
    @Parameter(description = "the cashier's or manager's login")
    String userId;

    @HeaderParam(REGISTER)
    @Parameter(description = "the register the command comes from")
    String registerId;

    @HeaderParam(STORE)
    @Parameter(description = "the store (invoice numbers, overdue rule); default: the configured store")
    String storeId;

    @HeaderParam(CORRELATION)
    @Parameter(description = "the request's correlation id, carried by every event it records; made up when absent "
            + "and echoed in the answer")
    String correlationId;
}
