package dev.ardoise.account.api;

import dev.ardoise.account.application.CreditAccounts;
import dev.ardoise.account.domain.AccountStatus;
import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import static dev.ardoise.account.api.Fields.required;

/** Opening, reading and keeping accounts: the customer's details and consent, the limit, suspension, closure. */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Credit accounts", description = "Open, read and keep credit accounts")
public class AccountResource {
    /** Set on the answer to a command whose idempotency key had been used: nothing new was recorded. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final CreditAccounts accounts;
    private final Callers callers;

    AccountResource(CreditAccounts accounts, Callers callers) {
        this.accounts = accounts;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Open a credit account for a customer",
            description = "201 with the new account; 200 with the existing one when the customer already has one.")
    @APIResponse(responseCode = "201", description = "opened",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "200", description = "the customer's existing account",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    public Uni<Response> open(OpenAccountRequest request, @BeanParam ActorHeaders headers) {
        var command = required(request, "body").toCommand();
        // a limit is a manager's decision, whether set on opening or later
        var caller = command.creditLimit() == null ? callers.caller(headers) : callers.manager(headers);
        return accounts.open(command, caller)
                .map(opening -> Response.status(opening.opened() ? Response.Status.CREATED : Response.Status.OK)
                        .location(URI.create("/accounts/" + opening.account().id()))
                        .entity(AccountView.of(opening.account())).build());
    }

    @GET
    @Operation(summary = "Find the account of a customer", description = "404 when the customer has none.")
    public Uni<AccountView> findByCustomer(@QueryParam("customerId") String customerId) {
        String customer = Fields.requiredText(customerId, "customerId");
        return accounts.findByCustomer(customer).map(found -> AccountView.of(
                found.orElseThrow(() -> new NotFoundProblem("credit account of customer", customer))));
    }

    @GET
    @Path("/{accountId}")
    @Operation(summary = "The account's authoritative state, rebuilt from its events",
            description = "With asOf (an ISO-8601 instant), the state the events that occurred up to then left.")
    public Uni<AccountView> get(@PathParam("accountId") UUID accountId,
                                @Parameter(description = "ISO-8601 instant, e.g. 2026-11-29T15:00:00Z")
                                @QueryParam("asOf") String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return accounts.find(accountId).map(AccountView::of);
        }
        return accounts.findAsOf(accountId, instant(asOf)).map(AccountView::of);
    }

    @GET
    @Path("/{accountId}/events")
    @Operation(summary = "The account's full history, oldest first, with who and when")
    public Uni<List<EventView>> history(@PathParam("accountId") UUID accountId) {
        return accounts.history(accountId).map(events -> events.stream().map(EventView::of).toList());
    }

    @PUT
    @Path("/{accountId}/customer")
    @Operation(summary = "Change the customer's name, email and language",
            description = "Records CustomerDetailsChanged; nothing when nothing changes. Answers the account.")
    public Uni<AccountView> changeCustomer(@PathParam("accountId") UUID accountId,
                                           Requests.CustomerRequest request, @BeanParam ActorHeaders headers) {
        var command = required(request, "body").toCommand();
        return accounts.changeCustomerDetails(accountId, command, callers.caller(headers))
                .map(outcome -> AccountView.of(outcome.account()));
    }

    @PUT
    @Path("/{accountId}/email-consent")
    @Operation(summary = "Record that the customer gave or withdrew consent to email",
            description = "Records EmailConsentGiven or EmailConsentWithdrawn (with who and when); nothing when "
                    + "nothing changes. Answers the account.")
    public Uni<AccountView> setEmailConsent(@PathParam("accountId") UUID accountId,
                                            Requests.EmailConsentRequest request, @BeanParam ActorHeaders headers) {
        var command = required(request, "body").toCommand();
        return accounts.setEmailConsent(accountId, command, callers.caller(headers))
                .map(outcome -> AccountView.of(outcome.account()));
    }

    @PUT
    @Path("/{accountId}/credit-limit")
    @Operation(summary = "Set the credit limit (manager)",
            description = "A limit below what is owed is allowed: nothing is available until the balance is paid down.")
    public Uni<AccountView> setCreditLimit(@PathParam("accountId") UUID accountId,
                                           Requests.CreditLimitRequest request, @BeanParam ActorHeaders headers) {
        var caller = callers.manager(headers);
        return accounts.setCreditLimit(accountId, required(request, "body").toLimit(), caller)
                .map(outcome -> AccountView.of(outcome.account()));
    }

    @POST
    @Path("/{accountId}/suspension")
    @Operation(summary = "Suspend the account (manager)",
            description = "No charge and no hold until reactivated; payments and deposits still.")
    public Uni<AccountView> suspend(@PathParam("accountId") UUID accountId, Requests.StatusRequest request,
                                    @BeanParam ActorHeaders headers) {
        return status(accountId, request, AccountStatus.SUSPENDED, headers);
    }

    @DELETE
    @Path("/{accountId}/suspension")
    @Operation(summary = "Reactivate a suspended account (manager)")
    public Uni<AccountView> reactivate(@PathParam("accountId") UUID accountId, @BeanParam ActorHeaders headers) {
        return status(accountId, null, AccountStatus.OPEN, headers);
    }

    @POST
    @Path("/{accountId}/closure")
    @Operation(summary = "Close the account (manager)",
            description = "Only with nothing owed, nothing held and no deposit left "
                    + "(422 account-not-closable otherwise).")
    public Uni<AccountView> close(@PathParam("accountId") UUID accountId, Requests.StatusRequest request,
                                  @BeanParam ActorHeaders headers) {
        return status(accountId, request, AccountStatus.CLOSED, headers);
    }

    private Uni<AccountView> status(UUID accountId, Requests.StatusRequest request, AccountStatus to,
                                    ActorHeaders headers) {
        var caller = callers.manager(headers);
        return accounts.changeStatus(accountId, Requests.StatusRequest.toCommand(request, to), caller)
                .map(outcome -> AccountView.of(outcome.account()));
    }

    private static Instant instant(String asOf) {
        try {
            return Instant.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("asOf", "is not an ISO-8601 instant such as 2026-11-29T15:00:00Z");
        }
    }

    static Response created(Object entity, boolean replayed) {
        return Response.status(Response.Status.CREATED).entity(entity).header(REPLAYED, replayed).build();
    }
}
