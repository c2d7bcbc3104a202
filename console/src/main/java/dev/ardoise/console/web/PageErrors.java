package dev.ardoise.console.web;

import dev.ardoise.console.signin.SessionCookie;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A page without a session (none, expired, or not one the issuer signed) leads to the sign-in page and back; a
 * page the user's roles do not open answers 403 with a plain explanation.
 */
public class PageErrors {
    private final SessionCookie sessionCookie;

    PageErrors(SessionCookie sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance forbidden();
    }

    @ServerExceptionMapper
    public Response noSession(UnauthorizedException e, UriInfo request) {
        return toSignIn(request);
    }

    @ServerExceptionMapper
    public Response badSession(AuthenticationFailedException e, UriInfo request) {
        return toSignIn(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.forbidden()).build();
    }

    private Response toSignIn(UriInfo request) {
        String then = URLEncoder.encode(request.getRequestUri().getRawPath(), StandardCharsets.UTF_8);
        return Response.seeOther(URI.create("/sign-in?then=" + then)).cookie(sessionCookie.cleared()).build();
    }
}
