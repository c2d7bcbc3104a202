package dev.ardoise.console.signin;

import dev.ardoise.console.web.LocalPaths;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Signing in with a local user's password, and out; the session is the signed token in an HttpOnly cookie. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInResource {
    public static final String SESSION_COOKIE = SessionCookie.NAME;
    private static final int LONGEST_FIELD = 200;

    private final LocalUsers users;
    private final SessionTokens tokens;
    private final SignInThrottle throttle;
    private final SessionCookie cookie;
    private final URI afterSignOut;

    SignInResource(LocalUsers users, SessionTokens tokens, SignInThrottle throttle, SessionCookie cookie,
                   @ConfigProperty(name = "ardoise.console.sign-out-url") Optional<String> signOutUrl) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.cookie = cookie;
        this.afterSignOut = URI.create(signOutUrl.filter(url -> !url.isBlank()).orElse("/sign-in"));
    }

    @CheckedTemplate
    static class Templates {
        /** {@code throttled}: null, or {@code wait} (this name failed too often) or {@code busy} (checks full). */
        static native TemplateInstance signIn(String then, boolean localSignIn, boolean refused, String throttled,
                                              long retryAfter);
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form(@QueryParam("then") String then) {
        return Templates.signIn(localPath(then), users.enabled(), false, null, 0);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("user") String name, @FormParam("password") String password,
                           @FormParam("then") String then) {
        if (!users.enabled() || !bounded(name) || !bounded(password)) {
            return refused(then);
        }
        Duration wait = throttle.waitFor(name);
        if (!wait.isZero()) {
            return throttled(then, "wait", Math.max(1, wait.toSeconds()));
        }
        Optional<Optional<ConsoleUser>> checked = throttle.whenFree(() -> users.check(name, password));
        if (checked.isEmpty()) {
            return throttled(then, "busy", 1);
        }
        if (checked.get().isEmpty()) {
            throttle.failed(name);
            return refused(then);
        }
        throttle.succeeded(name);
        return Response.seeOther(URI.create(localPath(then))).cookie(cookie.holding(tokens.sign(checked.get().get()),
                (int) tokens.length().toSeconds())).build();
    }

    private Response refused(String then) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(Templates.signIn(localPath(then), users.enabled(), true, null, 0)).build();
    }

    private Response throttled(String then, String why, long seconds) {
        return Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", seconds)
                .entity(Templates.signIn(localPath(then), true, false, why, seconds)).build();
    }

    /**
     * Clears the cookie, then goes to {@code CONSOLE_SIGN_OUT_URL} (the proxy's sign-out) or the sign-in page. The
     * token itself stays valid at the services until it expires: nothing revokes it (docs/security.md).
     */
    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(afterSignOut).cookie(cookie.cleared()).build();
    }

    private static boolean bounded(String field) {
        return field != null && !field.isEmpty() && field.length() <= LONGEST_FIELD;
    }

    private static String localPath(String then) {
        return LocalPaths.only(then);
    }
}
