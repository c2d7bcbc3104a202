package dev.ardoise.account.api;

import dev.ardoise.account.application.Requester;
import dev.ardoise.account.domain.InputRules;
import dev.ardoise.http.Problem;
import dev.ardoise.http.ProblemException;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Who sends the request, from its verified token only, and the store an account is opened in. */
@ApplicationScoped
public class Callers {
    private final VerifiedCaller verified;

    Callers(VerifiedCaller verified) {
        this.verified = verified;
    }

    Requester requester(Correlation correlation) {
        String id = correlation == null || correlation.id == null || correlation.id.isBlank()
                ? UUID.randomUUID().toString() : correlation.id.strip();
        return new Requester(verified.get(), id);
    }

    /** @throws ForbiddenException when a limit is set on opening by anyone but a manager */
    static void mayOpenWithLimit(Requester requester, boolean withLimit) {
        if (withLimit && !requester.caller().has(Roles.MANAGER)) {
            throw new ForbiddenException("a credit limit is a manager's decision");
        }
    }

    /**
     * The store a new account belongs to: the token's only store, or the one the body names among the token's.
     *
     * @throws ForbiddenException when the token names no store
     * @throws ProblemException   422 naming {@code storeId} when the body names none of the token's stores
     */
    static String storeToOpenIn(Caller caller, String requested) {
        if (caller.stores().isEmpty()) {
            throw new ForbiddenException("the token names no store to open the account in");
        }
        String storeId = requested == null || requested.isBlank() ? null : requested.strip();
        if (storeId == null && caller.stores().size() == 1) {
            storeId = caller.stores().iterator().next();
        }
        if (storeId == null) {
            throw notYours("is required: your token names several stores, say which one the account belongs to");
        }
        if (!caller.stores().contains(storeId)) {
            throw notYours("is not one of the stores your token names");
        }
        if (!InputRules.isStoreId(storeId)) {
            // it names the store's invoice series
            throw notYours(InputRules.STORE_ID_RULE);
        }
        return storeId;
    }

    private static ProblemException notYours(String reason) {
        return new ProblemException(Problem.of("store-not-yours", "Store not among yours",
                        AccountProblems.UNPROCESSABLE_CONTENT, "storeId: " + reason)
                .with("field", "storeId").with("reason", reason), "storeId: " + reason);
    }
}
