package dev.ardoise.account.api;

import dev.ardoise.account.application.CreditAccounts;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static dev.ardoise.account.api.Fields.required;

@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Credit accounts")
public class AccountResource {
    /** Set on the answer to a command whose idempotency key had been used: nothing new was recorded. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final CreditAccounts accounts;

    AccountResource(CreditAccounts accounts) {
        this.accounts = accounts;
    }

    @POST
    @Operation(summary = "Open a credit account for a customer",
            description = "201 with the new account; 200 with the existing one when the customer already has one.")
    public Uni<Response> open(OpenAccountRequest request) {
        var command = required(request, "body").toCommand();
        return accounts.open(command)
                .map(opening -> Response.status(opening.opened() ? Response.Status.CREATED : Response.Status.OK)
                        .location(URI.create("/accounts/" + opening.account().id()))
                        .entity(AccountView.of(opening.account())).build());
    }

    @PUT
    @Path("/{accountId}/credit-limit")
    @Operation(summary = "Set the credit limit (manager)")
    public Uni<AccountView> setCreditLimit(@PathParam("accountId") UUID accountId, CreditLimitRequest request) {
        return accounts.setCreditLimit(accountId, required(request, "body").toLimit()).map(AccountView::of);
    }

    @POST
    @Path("/{accountId}/charges")
    @Operation(summary = "Charge a sale to the account",
            description = "201 with the invoice; 422 problem with `available` when declined. The same saleId again "
                    + "answers the first invoice with the header Idempotent-Replayed: true.")
    public Uni<Response> charge(@PathParam("accountId") UUID accountId, ChargeRequest request) {
        return accounts.charge(accountId, required(request, "body").toCommand())
                .map(charge -> created(ChargeView.of(charge), charge.replayed()));
    }

    @POST
    @Path("/{accountId}/deposits")
    @Operation(summary = "Add a deposit to the account")
    public Uni<Response> addDeposit(@PathParam("accountId") UUID accountId, DepositRequest request) {
        return accounts.addDeposit(accountId, required(request, "body").toCommand())
                .map(deposit -> created(DepositView.of(deposit), deposit.replayed()));
    }

    @GET
    @Path("/{accountId}")
    @Operation(summary = "The account's authoritative state, rebuilt from its events")
    public Uni<AccountView> get(@PathParam("accountId") UUID accountId) {
        return accounts.find(accountId).map(AccountView::of);
    }

    @GET
    @Path("/{accountId}/events")
    @Operation(summary = "The account's full history, oldest first")
    public Uni<List<EventView>> history(@PathParam("accountId") UUID accountId) {
        return accounts.history(accountId).map(events -> events.stream().map(EventView::of).toList());
    }

    private static Response created(Object entity, boolean replayed) {
        return Response.status(Response.Status.CREATED).entity(entity).header(REPLAYED, replayed).build();
    }
}
