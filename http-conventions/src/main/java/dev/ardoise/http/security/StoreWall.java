package dev.ardoise.http.security;

import dev.ardoise.http.NotFoundProblem;

/** Another store's account answers exactly as an account that does not exist, so that nothing leaks. */
public final class StoreWall {
    private StoreWall() {
    }

    /** @throws NotFoundProblem when the caller does not work for the account's store */
    public static void check(Caller caller, String accountStore, String what, Object id) {
        if (!caller.worksFor(accountStore)) {
            throw new NotFoundProblem(what, String.valueOf(id));
        }
    }
}
