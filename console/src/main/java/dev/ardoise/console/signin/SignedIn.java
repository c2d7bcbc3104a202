package dev.ardoise.console.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user of the current request, from the verified session token; templates read it as {@code cdi:signedIn}.
 * {@link #user()} is null on a page that needs no session (the sign-in page).
 */
@RequestScoped
@Named("signedIn")
public class SignedIn {
    static final String STORES = "stores";
    private final JsonWebToken token;

    SignedIn(JsonWebToken token) {
        this.token = token;
    }

    public ConsoleUser user() {
        if (token == null || token.getSubject() == null) {
            return null;
        }
        return new ConsoleUser(token.getSubject(), token.getGroups() == null ? Set.of() : token.getGroups(),
                stores(token.getClaim(STORES)));
    }

    /** The token itself, handed on to the services so that they decide with the user's own rights. */
    String bearer() {
        return token == null ? null : token.getRawToken();
    }

    private static Set<String> stores(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(SignedIn::text).collect(Collectors.toUnmodifiableSet());
        }
        return claim == null ? Set.of() : Set.of(text(claim));
    }

    private static String text(Object value) {
        return value instanceof JsonString json ? json.getString() : String.valueOf(value);
    }
}
