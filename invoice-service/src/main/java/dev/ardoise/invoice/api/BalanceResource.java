package dev.ardoise.invoice.api;

import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.Problem;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.invoice.persistence.AccountView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@Path("/accounts/{accountId}/balance")
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {
    static final String LAGGING_HEADER = "X-Projection-Lagging";

    private final ReadYourWrites readYourWrites;
    private final VerifiedCaller caller;
    private final Clock clock;

    BalanceResource(ReadYourWrites readYourWrites, VerifiedCaller caller, Clock clock) {
        this.readYourWrites = readYourWrites;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "getBalance",
            summary = "The account's balance, deposit balance, available credit and overdue amount, as of today",
            description = "Balance is minus what is owed (-700.00); available is the credit limit minus what is owed "
                    + "and held, deposits not counted. An account of a store the token does not name is answered "
                    + "exactly like an unknown one: 404 without minVersion; with minVersion, 503 lagging after the "
                    + "wait, since the caller says it wrote that version and the read model has not seen it yet.")
    @APIResponse(responseCode = "200", description = "the account's balance as of today",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BalanceResponse.class)),
            headers = @Header(name = LAGGING_HEADER, description = "true when the projection had not reached "
                    + "minVersion in time; absent otherwise", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "minVersion given and the read model has not seen the account "
            + "yet after the wait (it is still catching up with account-events): ask again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE),
            headers = {@Header(name = LAGGING_HEADER, description = "true", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = SchemaType.INTEGER))})
    public Uni<Response> balance(
            @PathParam("accountId") String accountId,
            @Parameter(description = "Wait up to about 2 s for the projection to reach this account version; "
                    + "answers with header X-Projection-Lagging: true if it did not")
            @QueryParam("minVersion") String minVersion) {
        UUID id = RequestParameters.accountId(accountId);
        long wanted = RequestParameters.minVersion(minVersion);
        return readYourWrites.account(caller.get(), id, wanted).map(view -> respond(id, view, wanted));
    }

    private Response respond(UUID accountId, AccountView view, long minVersion) {
        if (view == null && minVersion > 0) {
            return lagging(accountId, minVersion);
        }
        if (view == null) {
            throw new NotFoundProblem("account", accountId);
        }
        BalanceResponse body = BalanceResponse.of(view.standingOn(LocalDate.now(clock)), view.version());
        Response.ResponseBuilder response = Response.ok(body);
        if (!view.hasReached(minVersion)) {
            response.header(LAGGING_HEADER, "true");
        }
        return response.build();
    }

    /** Not "not found": the caller says it wrote this version, and the reader has simply not got to it yet. */
    private static Response lagging(UUID accountId, long minVersion) {
        Problem problem = Problem.of("projection-lagging", "Not caught up yet", Response.Status.SERVICE_UNAVAILABLE,
                        "invoice-service has not yet applied version " + minVersion + " of account " + accountId
                                + "; ask again in a moment")
                .with("minVersion", minVersion);
        return Response.fromResponse(problem.toResponse())
                .header(LAGGING_HEADER, "true")
                .header("Retry-After", "1")
                .build();
    }
}
