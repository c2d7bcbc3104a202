package dev.ardoise.events.reader;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.Problem;
import dev.ardoise.http.QueryParameters;
import dev.ardoise.http.ProblemException;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.UUID;

/**
 * The accounts whose next event the live reader could not apply, or whose next version never arrived, and the
 * operators' mending of them: list, retry after a fix, skip with a recorded reason. One resource for every service
 * that reads account-events, so the paths, the shapes and the rules are the same; each service only says where an
 * account's store is ({@link AccountStores}) and how an event is applied (its {@link EventHandler}).
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class ParkedAccountsResource {
    private static final int DEFAULT_SIZE = 100;
    private static final int LARGEST_SIZE = 500;

    private final ParkedAccounts parkedAccounts;
    private final EventHandler handler;
    private final AccountStores stores;
    private final VerifiedCaller callers;

    ParkedAccountsResource(ParkedAccounts parkedAccounts, EventHandler handler, AccountStores stores,
                           VerifiedCaller callers) {
        this.parkedAccounts = parkedAccounts;
        this.handler = handler;
        this.stores = stores;
        this.callers = callers;
    }

    @GET
    @Path("parked-accounts")
    @Operation(operationId = "listParkedAccounts", summary = "The accounts whose next event could not be applied",
            description = "Longest stopped first: the account, its store, the event's version and type (never its "
                    + "content), the reason, since when, when last tried, and how many of its events wait behind it. "
                    + "An account whose next version never arrived (account-service's relay skipped it) is listed "
                    + "too: version is the missing one, eventType and triedAt null, the reason says so. "
                    + "Every other account is read as usual.")
    public Uni<List<ParkedAccountView>> list(
            @Parameter(description = "1 to 500, 100 by default") @QueryParam("size") String size) {
        return parkedAccounts.list(size("size", size)).chain(parked -> parked.isEmpty() ? Uni.createFrom().item(parked)
                : stores.of(parked.stream().map(ParkedAccountView::accountId).toList())
                        .map(stored -> parked.stream().map(account -> account.inStore(stored.get(account.accountId())))
                                .toList()));
    }

    @POST
    @Path("parked-accounts/{accountId}/retry")
    @Operation(operationId = "retryParkedAccount", summary = "Apply a parked account's event again, e.g. after a fix",
            description = "APPLIED: the event and those that waited behind it are applied, in order (parked is then "
                    + "null, or where a later event stopped it). STILL_PARKED: it still cannot be applied; the reason "
                    + "is the new one. 404 when the account is not parked.")
    public Uni<Mending> retry(@PathParam("accountId") String accountId) {
        UUID account = accountId(accountId);
        return answered(account, parkedAccounts.retry(account, handler));
    }

    @POST
    @Path("parked-accounts/{accountId}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "skipParkedEvent", summary = "Leave out the event a parked account is stopped at",
            description = "Body {\"version\": n, \"reason\": \"...\"}: the version it is parked at (or, for an "
                    + "account waiting for a version that never arrived, that version), and why (1 to 500 "
                    + "characters), recorded for good with your user and the time (GET /admin/skipped-events). "
                    + "The events that waited behind it are then applied in order. 404 when the account is neither "
                    + "parked nor waiting, 409 when it is parked at (or waits for) another version.")
    public Uni<Mending> skip(@PathParam("accountId") String accountId, SkipRequest request) {
        UUID account = accountId(accountId);
        if (request == null) {
            throw new InvalidRequestException("body", "required: {\"version\": n, \"reason\": \"...\"}");
        }
        SkipRequest.Refusal refusal = request.refusal();
        if (refusal != null) {
            throw new InvalidRequestException(refusal.field(), refusal.reason());
        }
        return answered(account, parkedAccounts.skip(account, request, callers.get().userId(), handler));
    }

    @GET
    @Path("skipped-events")
    @Operation(operationId = "listSkippedEvents", summary = "The events operators skipped, latest first",
            description = "Each with why it could not be applied, the operator's reason, who and when.")
    public Uni<List<SkippedEventView>> skipped(
            @Parameter(description = "only this account's (a UUID)") @QueryParam("accountId") String accountId,
            @Parameter(description = "1 to 500, 100 by default") @QueryParam("size") String size) {
        UUID account = QueryParameters.accountFilter(accountId);
        return parkedAccounts.skipped(account, size("size", size));
    }

    private static Uni<Mending> answered(UUID accountId, Uni<Mending> mending) {
        return mending.onFailure().transform(failure -> {
            if (failure instanceof ParkedAccounts.NotParked) {
                return new NotFoundProblem("parked account", accountId);
            }
            if (failure instanceof ParkedAccounts.WrongVersion wrong) {
                return new ProblemException(Problem.of("wrong-version", "Wrong version", Response.Status.CONFLICT,
                        wrong.getMessage()).with("field", "version").with("reason", wrong.getMessage())
                        .with("parkedAt", wrong.parkedAt()), wrong.getMessage());
            }
            return failure instanceof ProblemException ? failure : new ProblemException(Problem.of(
                    "reader-unavailable", "Reader unavailable", Response.Status.SERVICE_UNAVAILABLE,
                    "the reader's database could not be reached; nothing was changed, try again"), failure.toString());
        });
    }

    /** An account id that is not a UUID names no account. */
    private static UUID accountId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundProblem("parked account", value);
        }
    }
    private static int size(String field, String value) {
        return (int) QueryParameters.whole(field, value, 1, LARGEST_SIZE, DEFAULT_SIZE);
    }
}
