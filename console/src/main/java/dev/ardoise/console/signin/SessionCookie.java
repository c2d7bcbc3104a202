package dev.ardoise.console.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way the session cookie is written, set or cleared: HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page sends it), Secure unless {@code CONSOLE_SECURE_COOKIE=false} (plain HTTP, the local stack).
 */
@ApplicationScoped
public class SessionCookie {
    public static final String NAME = "ardoise-session";
    private final boolean secure;

    SessionCookie(@ConfigProperty(name = "ardoise.console.secure-cookie") boolean secure) {
        this.secure = secure;
    }

    public NewCookie holding(String token, int maxAgeSeconds) {
        return new NewCookie.Builder(NAME).value(token).path("/").maxAge(maxAgeSeconds).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }

    public NewCookie cleared() {
        return holding("", 0);
    }
}
