package dev.ardoise.account.api;

import dev.ardoise.account.application.CreditAccounts;
import dev.ardoise.account.application.HoldSettings;
import dev.ardoise.http.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.UUID;

import static dev.ardoise.account.api.AccountResource.created;
import static dev.ardoise.account.api.Fields.required;

/** Selling on account: charges, credit holds, and the manager's overrides. */
@Path("/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sales on account", description = "Charges, credit holds and overrides")
public class SalesResource {
    private final CreditAccounts accounts;
    private final Callers callers;
    private final HoldSettings holds;

    SalesResource(CreditAccounts accounts, Callers callers, HoldSettings holds) {
        this.accounts = accounts;
        this.callers = callers;
        this.holds = holds;
    }

    @POST
    @Path("/charges")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER})
    @Operation(operationId = "chargeSale", summary = "Charge a sale to the account",
            description = "201 with the invoice; 422 charge-declined with `reason` and `available` when the account "
                    + "cannot pay. The same saleId again answers the first invoice with Idempotent-Replayed: true; "
                    + "with another amount, a 409. holdId captures (releases) the whole hold: the charge may be up to "
                    + "the hold plus available. depositToApply pays that part from the deposit balance.")
    @APIResponse(responseCode = "201", description = "charged (or replayed)",
            content = @Content(schema = @Schema(implementation = ChargeView.class)))
    @APIResponse(responseCode = "422", description = "charge-declined: `reason` (NO_CREDIT_LIMIT, OVER_AVAILABLE, "
            + "ACCOUNT_SUSPENDED, ACCOUNT_CLOSED, OVERDUE_INVOICES, OVERRIDE_NOT_USABLE, HOLD_ENDED, "
            + "INSUFFICIENT_DEPOSIT) and `available`",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDocument.class)))
    public Uni<Response> charge(@PathParam("accountId") UUID accountId, ChargeRequest request,
                                @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        var command = required(request, "body").toCommand(requester.caller().registerId());
        return accounts.charge(accountId, command, requester)
                .map(charge -> created(ChargeView.of(charge), charge.replayed()));
    }

    @POST
    @Path("/holds")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER})
    @Operation(operationId = "placeHold", summary = "Reserve credit while the customer is at the till",
            description = "Available drops at once for every register. The hold ends when a charge names it, when "
                    + "it is voided, or after expiresInSeconds (default configured).")
    @APIResponse(responseCode = "201", description = "held (or replayed)",
            content = @Content(schema = @Schema(implementation = HoldView.class)))
    public Uni<Response> placeHold(@PathParam("accountId") UUID accountId, Requests.HoldRequest request,
                                   @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        var body = required(request, "body");
        String holdId = body.key();
        var amount = body.requiredAmount();
        Duration expiresIn = Fields.seconds(body.expiresInSeconds(), "expiresInSeconds", holds.defaultExpiry());
        return accounts.placeHold(accountId, amount, holdId, expiresIn, requester)
                .map(outcome -> created(HoldView.placed(outcome), outcome.replayed()));
    }

    @POST
    @Path("/holds/{holdId}/void")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER})
    @Operation(operationId = "voidHold", summary = "Release a hold without charging it",
            description = "Available credit goes back up at once; voiding a voided hold answers it again.")
    @APIResponse(responseCode = "200", description = "voided (or already voided)",
            content = @Content(schema = @Schema(implementation = HoldView.class)))
    public Uni<Response> voidHold(@PathParam("accountId") UUID accountId, @PathParam("holdId") String holdId,
                                  Requests.VoidHoldRequest request, @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        var command = (request == null ? new Requests.VoidHoldRequest(null) : request).toCommand(holdId);
        return accounts.voidHold(accountId, command, requester)
                .map(outcome -> Response.ok(HoldView.voided(outcome))
                        .header(AccountResource.REPLAYED, outcome.replayed()).build());
    }

    @POST
    @Path("/overrides")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "grantOverride", summary = "Grant a one-off override (manager)",
            description = "Allows one charge of up to `amount` that the limit or the store's overdue rule would "
                    + "decline; used by the charge naming overrideId, or lapsed after expiresInSeconds.")
    @APIResponse(responseCode = "201", description = "granted (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> grantOverride(@PathParam("accountId") UUID accountId, Requests.OverrideRequest request,
                                       @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        var body = required(request, "body");
        body.check();
        Duration expiresIn = Fields.seconds(body.expiresInSeconds(), "expiresInSeconds", holds.defaultExpiry());
        return accounts.grantOverride(accountId, body.amount(), body.overrideId().strip(), body.reasonCode().strip(),
                        Fields.optionalText(body.note(), "note"), expiresIn, requester)
                .map(outcome -> created(OperationView.of(outcome), outcome.replayed()));
    }
}
