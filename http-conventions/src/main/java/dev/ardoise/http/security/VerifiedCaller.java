package dev.ardoise.http.security;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** The caller of the current HTTP request, read from its verified bearer token. */
@RequestScoped
public class VerifiedCaller {
    private final JsonWebToken token;

    VerifiedCaller(JsonWebToken token) {
        this.token = token;
    }

    public Caller get() {
        return of(token);
    }

    /** The caller a verified token describes (also used for tokens that arrive on a Kafka record). */
    public static Caller of(JsonWebToken token) {
        if (token == null || token.getSubject() == null) {
            throw new UnauthorizedException("no verified token");
        }
        return new Caller(token.getSubject(), token.getGroups() == null ? Set.of() : token.getGroups(),
                strings(token.getClaim(TokenClaims.STORES)), textOrNull(token.getClaim(TokenClaims.REGISTER)));
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(VerifiedCaller::text).collect(Collectors.toUnmodifiableSet());
        }
        return claim == null ? Set.of() : Set.of(text(claim));
    }

    private static String textOrNull(Object value) {
        return value == null ? null : text(value);
    }

    /** JSON claims arrive as JSON values; a string's text is what the issuer wrote. */
    private static String text(Object value) {
        return value instanceof JsonString json ? json.getString() : String.valueOf(value);
    }
}
