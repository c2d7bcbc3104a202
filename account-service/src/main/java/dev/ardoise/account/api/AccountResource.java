package dev.ardoise.account.api;

import dev.ardoise.account.application.CreditAccounts;
import dev.ardoise.account.application.StoreSettings;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.AccountStatus;
import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NextPage;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

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
    private final StoreSettings store;

    AccountResource(CreditAccounts accounts, Callers callers, StoreSettings store) {
        this.accounts = accounts;
        this.callers = callers;
        this.store = store;
    }

    @POST
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER})
    @Operation(operationId = "openAccount", summary = "Open a credit account for a customer",
            description = "201 with the new account; 200 with the existing one when the customer already has one in "
                    + "the store and the request gives the same details (name, email, emailConsent, language, "
                    + "currency, creditLimit when given); 409 account-already-open naming each other detail in "
                    + "fields, with the existing accountId, and nothing recorded. The account belongs to the token's "
                    + "store, or to the body's storeId when the token names several (422 store-not-yours otherwise). "
                    + "A limit on opening is a manager's (403).")
    @APIResponse(responseCode = "201", description = "opened",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "200", description = "the customer's existing account, opened with the same details",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "the customer's existing account has other details")
    public Uni<Response> open(OpenAccountRequest request, @BeanParam Correlation correlation) {
        var body = required(request, "body");
        var requester = callers.requester(correlation);
        Callers.mayOpenWithLimit(requester, body.creditLimit() != null);
        var command = body.toCommand(Callers.storeToOpenIn(requester.caller(), body.storeId()));
        return accounts.open(command, requester)
                .map(opening -> Response.status(opening.opened() ? Response.Status.CREATED : Response.Status.OK)
                        .location(URI.create("/accounts/" + opening.account().id()))
                        .entity(view(opening.account())).build());
    }

    @GET
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "findAccountByCustomer", summary = "Find the account of a customer",
            description = "Only in the caller's stores. 404 when the customer has none there; 400 naming storeId "
                    + "when the customer has one in several of the caller's stores and storeId does not say which.")
    public Uni<AccountView> findByCustomer(@QueryParam("customerId") String customerId,
                                           @Parameter(description = "one of the caller's stores")
                                           @QueryParam("storeId") String storeId,
                                           @BeanParam Correlation correlation) {
        String customer = Fields.requiredText(customerId, "customerId");
        String store = Fields.optionalText(storeId, "storeId");
        return accounts.findByCustomer(customer, store, callers.requester(correlation)).map(found -> {
            if (found.isEmpty()) {
                throw new NotFoundProblem("credit account of customer", customer);
            }
            if (found.size() > 1) {
                throw new InvalidRequestException("storeId",
                        "is required: the customer has an account in several of your stores");
            }
            return view(found.get(0));
        });
    }

    @GET
    @Path("/by-email")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "findAccountsByEmail", summary = "Find the accounts whose customer has this email address",
            description = "Every account of the caller's stores whose customer's current address is this one, case "
                    + "ignored (a family may share one address, a manager may see several stores): each with its "
                    + "storeId, by store then account id, at most " + CreditAccounts.MOST_WITH_ONE_EMAIL + ". "
                    + "An empty list when none, never 404. 400 naming email when it is missing or not an address.")
    @APIResponse(responseCode = "200", description = "the accounts with that address, possibly none",
            content = @Content(schema = @Schema(implementation = AccountView.class, type = SchemaType.ARRAY)))
    public Uni<List<AccountView>> findByEmail(@Parameter(description = "the customer's email address, case ignored")
                                              @QueryParam("email") String email,
                                              @BeanParam Correlation correlation) {
        String address = Fields.requiredEmail(email, "email");
        return accounts.findByEmail(address, callers.requester(correlation))
                .map(found -> found.stream().map(this::view).toList());
    }

    /** The account's store: the one that opened it, or the default store for an account from before stores. */
    private String storeOf(CreditAccount account) {
        return account.storeId().orElse(store.id());
    }

    private AccountView view(CreditAccount account) {
        return AccountView.of(account, storeOf(account));
    }

    @GET
    @Path("/{accountId}")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "getAccount", summary = "The account's authoritative state, rebuilt from its events",
            description = "With asOf (an ISO-8601 instant), the state the events that occurred up to then left. "
                    + "Another store's account answers 404, as a missing one.")
    public Uni<AccountView> get(@PathParam("accountId") UUID accountId,
                                @Parameter(description = "ISO-8601 instant, e.g. 2026-11-29T15:00:00Z")
                                @QueryParam("asOf") String asOf, @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        if (asOf == null || asOf.isBlank()) {
            return accounts.find(accountId, requester).map(this::view);
        }
        return accounts.findAsOf(accountId, instant(asOf), requester).map(this::view);
    }

    @GET
    @Path("/{accountId}/events")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "getAccountHistory",
            summary = "The account's history, oldest first, with who and when, a page at a time",
            description = "Every event with its version, time and actor (role, user, register, store from the "
                    + "token of whoever caused it) and correlation id: up to limit events after the version after. "
                    + "When more follow, the Link header names the next page (rel=\"next\"); the last page has "
                    + "none. Another store's account answers 404, as a missing one.")
    @APIResponse(responseCode = "200", description = "a page of the history",
            headers = @Header(name = NextPage.HEADER, description = "<...?after=n&limit=m>; rel=\"next\", when more "
                    + "events follow", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EventView.class, type = SchemaType.ARRAY)))
    public Uni<RestResponse<List<EventView>>> history(
            @PathParam("accountId") UUID accountId,
            @Parameter(description = "the version the page starts after; 0 (the first event on) by default")
            @QueryParam("after") String after,
            @Parameter(description = "1 to " + HistoryParameters.MOST + ", " + HistoryParameters.DEFAULT_LIMIT
                    + " by default") @QueryParam("limit") String limit,
            @Context UriInfo request, @BeanParam Correlation correlation) {
        int most = HistoryParameters.limit(limit);
        return accounts.history(accountId, HistoryParameters.after(after), most, callers.requester(correlation))
                .map(page -> {
                    var answer = RestResponse.ResponseBuilder.ok(page.events().stream().map(EventView::of).toList());
                    page.nextAfter().ifPresent(next -> answer.header(NextPage.HEADER,
                            NextPage.link(request, "after", next, "limit", most)));
                    return answer.build();
                });
    }

    @PUT
    @Path("/{accountId}/customer")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "changeCustomerDetails", summary = "Change the customer's name, email and language (manager)",
            description = "Records CustomerDetailsChanged with who did it; nothing when nothing changes. Answers the "
                    + "account. A manager's: the email is where invoices go.")
    public Uni<AccountView> changeCustomer(@PathParam("accountId") UUID accountId,
                                           Requests.CustomerRequest request, @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        var command = required(request, "body").toCommand();
        return accounts.changeCustomerDetails(accountId, command, requester)
                .map(outcome -> view(outcome.account()));
    }

    @PUT
    @Path("/{accountId}/email-consent")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER})
    @Operation(operationId = "setEmailConsent", summary = "Record that the customer gave or withdrew consent to email",
            description = "Records EmailConsentGiven or EmailConsentWithdrawn (with who and when); nothing when "
                    + "nothing changes. Answers the account.")
    public Uni<AccountView> setEmailConsent(@PathParam("accountId") UUID accountId,
                                            Requests.EmailConsentRequest request,
                                            @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        var command = required(request, "body").toCommand();
        return accounts.setEmailConsent(accountId, command, requester)
                .map(outcome -> view(outcome.account()));
    }

    @PUT
    @Path("/{accountId}/credit-limit")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "setCreditLimit", summary = "Set the credit limit (manager)",
            description = "A limit below what is owed is allowed: nothing is available until the balance is paid down.")
    public Uni<AccountView> setCreditLimit(@PathParam("accountId") UUID accountId,
                                           Requests.CreditLimitRequest request, @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        return accounts.setCreditLimit(accountId, required(request, "body").toLimit(), requester)
                .map(outcome -> view(outcome.account()));
    }

    @POST
    @Path("/{accountId}/suspension")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "suspendAccount", summary = "Suspend the account (manager)",
            description = "No charge and no hold until reactivated; payments and deposits still.")
    public Uni<AccountView> suspend(@PathParam("accountId") UUID accountId, Requests.StatusRequest request,
                                    @BeanParam Correlation correlation) {
        return status(accountId, request, AccountStatus.SUSPENDED, correlation);
    }

    @DELETE
    @Path("/{accountId}/suspension")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "reactivateAccount", summary = "Reactivate a suspended account (manager)",
            description = "Charges and holds are accepted again; nothing when the account is not suspended.")
    public Uni<AccountView> reactivate(@PathParam("accountId") UUID accountId, @BeanParam Correlation correlation) {
        return status(accountId, null, AccountStatus.OPEN, correlation);
    }

    @POST
    @Path("/{accountId}/closure")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "closeAccount", summary = "Close the account (manager)",
            description = "Only with nothing owed, nothing held and no deposit left "
                    + "(422 account-not-closable otherwise).")
    public Uni<AccountView> close(@PathParam("accountId") UUID accountId, Requests.StatusRequest request,
                                  @BeanParam Correlation correlation) {
        return status(accountId, request, AccountStatus.CLOSED, correlation);
    }

    private Uni<AccountView> status(UUID accountId, Requests.StatusRequest request, AccountStatus to,
                                    Correlation correlation) {
        var requester = callers.requester(correlation);
        return accounts.changeStatus(accountId, Requests.StatusRequest.toCommand(request, to), requester)
                .map(outcome -> view(outcome.account()));
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
