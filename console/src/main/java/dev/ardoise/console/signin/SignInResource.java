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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/** Signing in with a local user's password, and out; the session is the signed token in an HttpOnly cookie. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInResource {
    public static final String SESSION_COOKIE = "ardoise-session";
    private static final int LONGEST_FIELD = 200;

    private final LocalUsers users;
    private final SessionTokens tokens;
    private final boolean secureCookie;

    SignInResource(LocalUsers users, SessionTokens tokens,
                   @ConfigProperty(name = "ardoise.console.secure-cookie") boolean secureCookie) {
        this.users = users;
        this.tokens = tokens;
        this.secureCookie = secureCookie;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String then, boolean localSignIn, boolean refused);
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form(@QueryParam("then") String then) {
        return Templates.signIn(localPath(then), users.enabled(), false);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("user") String name, @FormParam("password") String password,
                           @FormParam("then") String then) {
        Optional<ConsoleUser> user = users.enabled() && bounded(name) && bounded(password)
                ? users.check(name, password) : Optional.empty();
        if (user.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.signIn(localPath(then), users.enabled(), true)).build();
        }
        return Response.seeOther(URI.create(localPath(then))).cookie(session(tokens.sign(user.get()),
                (int) tokens.length().toSeconds())).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/sign-in")).cookie(session("", 0)).build();
    }

    private NewCookie session(String token, int maxAge) {
        return new NewCookie.Builder(SESSION_COOKIE).value(token).path("/").maxAge(maxAge).httpOnly(true)
                .secure(secureCookie).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static boolean bounded(String field) {
        return field != null && !field.isEmpty() && field.length() <= LONGEST_FIELD;
    }

    private static String localPath(String then) {
        return LocalPaths.only(then);
    }
}
