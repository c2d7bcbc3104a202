package dev.ardoise.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Turns every failure of an HTTP request into a problem+json response, the same way in every service. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response noToken(UnauthorizedException e) {
        return unauthenticated("this operation needs a bearer token");
    }

    /** A token that is expired, tampered with, from another issuer or for another audience. */
    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthenticated("the bearer token is not valid: expired, not signed by the configured issuer, "
                + "or not meant for Ardoise");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN,
                "the roles in your token may not do this; docs/security.md lists who may").toResponse();
    }

    private static Response unauthenticated(String detail) {
        return Response.fromResponse(Problem.of("unauthenticated", "Unauthenticated", Response.Status.UNAUTHORIZED,
                detail).toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return unreadable(e);
    }

    /** Declared apart: Quarkus has its own mapper for this subtype, which answers plain text. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        Response.Status known = status == null ? Response.Status.BAD_REQUEST : status;
        return Problem.of(slug(known), known.getReasonPhrase(), known, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure while serving a request", e);
        return Problem.of("internal-error", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "the request could not be completed; nothing was changed").toResponse();
    }

    private static Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String reason = e instanceof InvalidFormatException format
                ? "cannot read '" + format.getValue() + "' as " + format.getTargetType().getSimpleName()
                : "malformed JSON";
        String name = field.isEmpty() ? "body" : field;
        return Problem.of("invalid-request", "Invalid request", Response.Status.BAD_REQUEST, name + ": " + reason)
                .with("field", name)
                .with("reason", reason)
                .toResponse();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String slug(Response.Status status) {
        return status.getReasonPhrase().toLowerCase().replace(' ', '-');
    }
}
