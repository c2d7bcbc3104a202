package dev.ardoise.account.api;

import dev.ardoise.account.eventstore.EventStore;
import dev.ardoise.account.eventstore.ParkedAccounts;
import dev.ardoise.account.eventstore.ParkedAccounts.NotParkedException;
import dev.ardoise.account.eventstore.ParkedAccounts.NotTheParkedEventException;
import dev.ardoise.account.eventstore.ParkedAccounts.ParkedAccount;
import dev.ardoise.account.eventstore.ParkedAccounts.SkippedEvent;
import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.Problem;
import dev.ardoise.http.QueryParameters;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * Operators mend the outbox relay, across every store, moving no money: the accounts it parked (an event it cannot
 * publish), a retry after a fix or a skip with a reason, and a republish of an account's events from the event store.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operations", description = "Mend the outbox relay: parked accounts, republish")
public class AdminResource {
    private static final int DEFAULT_SIZE = 100;
    private static final int LARGEST_SIZE = 500;

    private final ParkedAccounts parkedAccounts;
    private final EventStore eventStore;
    private final VerifiedCaller caller;

    AdminResource(ParkedAccounts parkedAccounts, EventStore eventStore, VerifiedCaller caller) {
        this.parkedAccounts = parkedAccounts;
        this.eventStore = eventStore;
        this.caller = caller;
    }

    /** {@code POST /admin/parked-accounts/{accountId}/skip}: the version it is parked at, and why it is skipped. */
    public record SkipRequest(Long version, String reason) {
    }

    @GET
    @Path("/parked-accounts")
    @Operation(operationId = "listParkedAccounts", summary = "The accounts the outbox relay parked",
            description = "Each account with an event the relay cannot publish for what it is (too large for the "
                    + "topic, refused as invalid): the event's version and type, the reason, since when, how many "
                    + "of the account's later events wait behind it. Longest parked first. The same shape as the "
                    + "readers' (invoice-service, notification-service).")
    public Uni<List<ParkedAccount>> parked(
            @Parameter(description = "1 to 500, 100 by default") @QueryParam("size") String size) {
        return parkedAccounts.list(size(size));
    }

    @POST
    @Path("/parked-accounts/{accountId}/retry")
    @Operation(operationId = "retryParkedAccount", summary = "Let the relay try the parked account's event again",
            description = "After a fix (the topic's max.message.bytes raised, say): "
                    + "the relay sends the event in its next turn, then the account's later events in order; if it "
                    + "still cannot, it parks the account again. Answers the parking lifted.")
    @APIResponse(responseCode = "200", description = "unparked: the relay takes it up in its next turn",
            content = @Content(schema = @Schema(implementation = ParkedAccount.class)))
    @APIResponse(responseCode = "404", description = "not-found: the relay has not parked this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Uni<ParkedAccount> retry(@PathParam("accountId") String accountId) {
        return parkedAccounts.retry(accountId(accountId));
    }

    @POST
    @Path("/parked-accounts/{accountId}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "skipParkedEvent", summary = "Pass the parked event, with a reason, and go on",
            description = "The event is not published (it stays in the event store, GET /accounts/{id}/events); the "
                    + "account's later events go out in order. The reason, the operator (the token's user) and the "
                    + "time are recorded: GET /admin/skipped-events. Readers then see a gap at that version.")
    @APIResponse(responseCode = "200", description = "skipped",
            content = @Content(schema = @Schema(implementation = SkippedEvent.class)))
    @APIResponse(responseCode = "404", description = "not-found: the relay has not parked this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "409", description = "wrong-version: the account is parked at another version "
            + "(in `parkedAt`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Uni<SkippedEvent> skip(@PathParam("accountId") String accountId, SkipRequest request) {
        UUID account = accountId(accountId);
        SkipRequest body = Fields.required(request, "body");
        long version = Fields.required(body.version(), "version");
        if (version < 1) {
            throw new InvalidRequestException("version", "must be 1 or more");
        }
        String reason = Fields.requiredText(body.reason(), "reason");
        return parkedAccounts.skip(account, version, reason, caller.get().userId());
    }

    @GET
    @Path("/skipped-events")
    @Operation(operationId = "listSkippedEvents", summary = "The events operators skipped, latest first",
            description = "Each with the reason it was parked, the operator's reason, who and when.")
    public Uni<List<SkippedEvent>> skipped(
            @Parameter(description = "only this account's (a UUID)") @QueryParam("accountId") String accountId,
            @Parameter(description = "1 to 500, 100 by default") @QueryParam("size") String size) {
        UUID account = QueryParameters.accountFilter(accountId);
        return parkedAccounts.skipped(account, size(size));
    }

    @POST
    @Path("/accounts/{accountId}/republish")
    @Operation(operationId = "republishAccount", summary = "Publish the account's events again from the event store",
            description = "Queues the account's events (from fromVersion, default 1, up to its version now) in the "
                    + "outbox; the relay publishes them in order on the account's partition. Readers skip what they "
                    + "already applied, so this is always safe: it mends a gap, or a topic that lost its past. "
                    + "202 with how many were queued.")
    @APIResponse(responseCode = "202", description = "queued",
            content = @Content(schema = @Schema(implementation = EventStore.Republished.class)))
    @APIResponse(responseCode = "404", description = "not-found: no account with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Uni<Response> republish(@PathParam("accountId") String accountId,
                                   @Parameter(description = "the first version to publish again (1)")
                                   @QueryParam("fromVersion") String fromVersion) {
        long from = QueryParameters.whole("fromVersion", fromVersion, 1, Long.MAX_VALUE, 1);
        UUID account = accountId(accountId);
        return eventStore.republish(account, from).map(republished -> {
            if (republished == null) {
                throw new NotFoundProblem("account", accountId);
            }
            return Response.accepted(republished).build();
        });
    }

    @ServerExceptionMapper
    public Response notParked(NotParkedException e) {
        return new NotFoundProblem("parked account", e.accountId()).problem().toResponse();
    }

    @ServerExceptionMapper
    public Response wrongVersion(NotTheParkedEventException e) {
        return Problem.of("wrong-version", "Wrong version", Response.Status.CONFLICT, e.getMessage())
                .with("field", "version")
                .with("reason", e.getMessage())
                .with("parkedAt", e.parkedVersion())
                .toResponse();
    }

    private static int size(String size) {
        return (int) QueryParameters.whole("size", size, 1, LARGEST_SIZE, DEFAULT_SIZE);
    }

    /** An account id that is not a UUID names no account. */
    private static UUID accountId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundProblem("account", value);
        }
    }
}
