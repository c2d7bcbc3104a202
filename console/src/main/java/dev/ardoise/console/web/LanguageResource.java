package dev.ardoise.console.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The language switch in every page's header: remembered for a year, then back to the page. */
@Path("/language")
@PermitAll
public class LanguageResource {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@FormParam("code") String code, @FormParam("then") String then) {
        String chosen = Language.known(code) ? code : "en";
        NewCookie cookie = new NewCookie.Builder(Language.COOKIE).value(chosen).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(LocalPaths.only(then))).cookie(cookie).build();
    }
}
