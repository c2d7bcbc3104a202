package dev.ardoise.invoice.api;

import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.StoreWall;
import dev.ardoise.invoice.persistence.AccountView;
import dev.ardoise.invoice.persistence.StoreScope;

import java.util.UUID;

/** What a caller may see: the accounts of the stores its token names (an operator or a service: every store). */
final class StoreWalls {
    private StoreWalls() {
    }

    /** The stores a list shows to this caller, narrowed to {@code storeId} when one is asked for. */
    static StoreScope scope(Caller caller, String storeId) {
        StoreScope scope = caller.seesEveryStore() ? StoreScope.every() : StoreScope.only(caller.stores());
        return scope.narrowedTo(RequestParameters.text("storeId", storeId));
    }

    /**
     * The account, when it exists and the caller works for its store.
     *
     * @throws NotFoundProblem otherwise, the same for an account of another store as for one that does not exist
     */
    static AccountView account(Caller caller, UUID accountId, AccountView view) {
        if (view == null) {
            throw new NotFoundProblem("account", accountId);
        }
        StoreWall.check(caller, view.balance().storeId(), "account", accountId);
        return view;
    }
}
