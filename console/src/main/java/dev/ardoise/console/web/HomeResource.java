package dev.ardoise.console.web;

import dev.ardoise.console.signin.ConsoleUser;
import dev.ardoise.console.signin.SignedIn;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The console's front door: the back office for the stores' people, the dashboard for operators. */
@Path("/")
@Authenticated
public class HomeResource {
    private final SignedIn signedIn;

    HomeResource(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @GET
    public Response home() {
        ConsoleUser user = signedIn.user();
        return Response.seeOther(URI.create(user.readsAccounts() ? "/accounts" : "/operations")).build();
    }
}
