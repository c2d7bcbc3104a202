package dev.ardoise.http.security;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens that verified, by their whole text, each kept no longer than the parser would accept it: a register
 * sends the same token with every sale, and its RS256 signature need not be checked again for each one.
 *
 * <p>A token is served from here only while the parser's time rules still hold at this instant, with the parser's
 * leeway (jose4j's: refused once {@code now - leeway >= exp}, or while {@code now + leeway < nbf}; smallrye-jwt's
 * token age, {@code now - iat > age}, without leeway), and is forgotten once they fail. The rules that do not
 * depend on the time (signature, issuer, audience, required claims) gave the same answer when it was kept.
 *
 * <p>At most {@code mostTokens} are kept. A new one first sweeps out those past their expiry and, if still full,
 * takes the place of the one that expires soonest. Lookups take no lock; keeping one does (it follows a full
 * verification, a thousand times dearer). Nothing of a token is ever logged.
 */
final class VerifiedTokens {
    private final Map<String, Kept> byToken = new ConcurrentHashMap<>();
    private final Clock clock;
    private final TimeRules rules;
    private final int mostTokens;

    VerifiedTokens(Clock clock, TimeRules rules, int mostTokens) {
        if (mostTokens < 1) {
            throw new IllegalArgumentException("mostTokens: must be at least 1, was " + mostTokens);
        }
        this.clock = clock;
        this.rules = rules;
        this.mostTokens = mostTokens;
    }

    /** The parser's time rules: the leeway on {@code exp} and {@code nbf}, and the most age of a token, if any. */
    record TimeRules(long leewaySeconds, Long mostAgeSeconds) {
    }

    /** What a lookup found: the verified token, one that is no longer valid, or nothing kept. */
    sealed interface Found {
    }

    record Valid(JsonWebToken token) implements Found {
    }

    record NoLongerValid() implements Found {
    }

    record NotKept() implements Found {
    }

    Found find(String token) {
        Kept kept = byToken.get(token);
        if (kept == null) {
            return new NotKept();
        }
        if (kept.validAt(now(), rules)) {
            return new Valid(kept.token());
        }
        byToken.remove(token, kept);
        return new NoLongerValid();
    }

    /** Keeps a token the parser has just verified, unless the time rules already refuse it. */
    void keep(String token, JsonWebToken verified) {
        Kept kept = Kept.of(verified);
        long now = now();
        if (kept == null || !kept.validAt(now, rules)) {
            return;
        }
        synchronized (this) {
            if (!byToken.containsKey(token)) {
                makeRoom(now);
            }
            byToken.put(token, kept);
        }
    }

    int size() {
        return byToken.size();
    }

    private void makeRoom(long now) {
        String soonest = null;
        long soonestExpiry = Long.MAX_VALUE;
        for (var entry : byToken.entrySet()) {
            if (!entry.getValue().validAt(now, rules)) {
                byToken.remove(entry.getKey(), entry.getValue());
            } else if (entry.getValue().expiresAt() < soonestExpiry) {
                soonest = entry.getKey();
                soonestExpiry = entry.getValue().expiresAt();
            }
        }
        if (byToken.size() >= mostTokens && soonest != null) {
            byToken.remove(soonest);
        }
    }

    /** Seconds since the epoch, rounded down, as jose4j's evaluation time is. */
    private long now() {
        return Math.floorDiv(clock.millis(), 1000L);
    }

    private record Kept(JsonWebToken token, long expiresAt, Long notBefore, Long issuedAt) {
        /** Null when the token has no expiry (the parser requires one, so it never happens). */
        static Kept of(JsonWebToken token) {
            Long exp = seconds(token.getClaim(Claims.exp.name()));
            if (exp == null) {
                return null;
            }
            return new Kept(token, exp, seconds(token.getClaim(Claims.nbf.name())),
                    seconds(token.getClaim(Claims.iat.name())));
        }

        boolean validAt(long now, TimeRules rules) {
            return now - rules.leewaySeconds() < expiresAt
                    && (notBefore == null || now + rules.leewaySeconds() >= notBefore)
                    && (rules.mostAgeSeconds() == null || issuedAt == null || now - issuedAt <= rules.mostAgeSeconds());
        }

        private static Long seconds(Object claim) {
            return claim instanceof Number number ? number.longValue() : null;
        }
    }
}
