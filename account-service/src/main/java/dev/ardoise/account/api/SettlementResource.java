package dev.ardoise.account.api;

import dev.ardoise.account.application.CreditAccounts;
import dev.ardoise.account.application.Outcome;
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

import java.util.UUID;

import static dev.ardoise.account.api.AccountResource.created;
import static dev.ardoise.account.api.Fields.required;

/** Money in and back: deposits, payments, refunds, adjustments and write-offs. */
@Path("/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settlements", description = "Deposits, payments, refunds, adjustments, write-offs")
public class SettlementResource {
    private final CreditAccounts accounts;
    private final Callers callers;

    SettlementResource(CreditAccounts accounts, Callers callers) {
        this.accounts = accounts;
        this.callers = callers;
    }

    @POST
    @Path("/deposits")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER})
    @Operation(operationId = "addDeposit", summary = "Add a deposit to the account",
            description = "Adds to the deposit balance, never to available credit. Purpose defaults to OTHER.")
    @APIResponse(responseCode = "201", description = "taken (or replayed)",
            content = @Content(schema = @Schema(implementation = DepositView.class)))
    public Uni<Response> addDeposit(@PathParam("accountId") UUID accountId, DepositRequest request,
                                    @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        return accounts.addDeposit(accountId, required(request, "body").toCommand(), requester)
                .map(deposit -> created(DepositView.of(deposit), deposit.replayed()));
    }

    @POST
    @Path("/deposit-applications")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER})
    @Operation(operationId = "applyDeposit", summary = "Pay invoices from the deposit balance",
            description = "The named invoice, else the oldest outstanding first; never more than is owed "
                    + "(422 more-than-owed) nor than the deposit balance (422 insufficient-deposit-balance).")
    @APIResponse(responseCode = "201", description = "applied (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> applyDeposit(@PathParam("accountId") UUID accountId,
                                      Requests.DepositApplicationRequest request, @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        return answer(accounts.applyDeposit(accountId, required(request, "body").toCommand(), requester));
    }

    @POST
    @Path("/deposit-returns")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "returnDeposit", summary = "Pay deposit balance back to the customer (manager)",
            description = "Lowers the deposit balance; never more than it holds (422 insufficient-deposit-balance).")
    @APIResponse(responseCode = "201", description = "returned (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> returnDeposit(@PathParam("accountId") UUID accountId,
                                       Requests.DepositReturnRequest request, @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        return answer(accounts.returnDeposit(accountId, required(request, "body").toCommand(), requester));
    }

    @POST
    @Path("/payments")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER})
    @Operation(operationId = "receivePayment", summary = "Receive a payment",
            description = "Pays the named invoice, else the oldest outstanding first; what is left over becomes a "
                    + "credit note (deposit balance).")
    @APIResponse(responseCode = "201", description = "received (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> receivePayment(@PathParam("accountId") UUID accountId, Requests.PaymentRequest request,
                                        @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        return answer(accounts.receivePayment(accountId, required(request, "body").toCommand(), requester));
    }

    @POST
    @Path("/refunds")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "refundSale", summary = "Refund an on-account sale (manager)",
            description = "Lowers what is still owed on the invoice; the part already paid becomes a credit note.")
    @APIResponse(responseCode = "201", description = "refunded (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> refund(@PathParam("accountId") UUID accountId, Requests.RefundRequest request,
                                @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        return answer(accounts.refund(accountId, required(request, "body").toCommand(), requester));
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "adjustBalance", summary = "Adjust what is owed, with a reason code (manager)",
            description = "CREDIT lowers what is owed (the named invoice, else oldest first, never more than owed); "
                    + "DEBIT raises what is owed on the named invoice.")
    @APIResponse(responseCode = "201", description = "adjusted (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> adjust(@PathParam("accountId") UUID accountId, Requests.AdjustmentRequest request,
                                @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        return answer(accounts.adjust(accountId, required(request, "body").toCommand(), requester));
    }

    @POST
    @Path("/write-offs")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "writeOffDebt", summary = "Write off what is still owed on an invoice (manager)",
            description = "The invoice's owed amount is written off with the reason code; 422 nothing-owed when it is paid.")
    @APIResponse(responseCode = "201", description = "written off (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> writeOff(@PathParam("accountId") UUID accountId, Requests.WriteOffRequest request,
                                  @BeanParam Correlation correlation) {
        var requester = callers.requester(correlation);
        return answer(accounts.writeOff(accountId, required(request, "body").toCommand(), requester));
    }

    private static Uni<Response> answer(Uni<Outcome> outcome) {
        return outcome.map(done -> created(OperationView.of(done), done.replayed()));
    }
}
