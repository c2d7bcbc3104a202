package dev.ardoise.account.api;

import dev.ardoise.account.application.CreditAccounts;
import dev.ardoise.account.application.Outcome;
import io.smallrye.mutiny.Uni;
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
    @Operation(summary = "Add a deposit to the account",
            description = "Adds to the deposit balance, never to available credit. Purpose defaults to OTHER.")
    @APIResponse(responseCode = "201", description = "taken (or replayed)",
            content = @Content(schema = @Schema(implementation = DepositView.class)))
    public Uni<Response> addDeposit(@PathParam("accountId") UUID accountId, DepositRequest request,
                                    @BeanParam ActorHeaders headers) {
        var caller = callers.caller(headers);
        return accounts.addDeposit(accountId, required(request, "body").toCommand(), caller)
                .map(deposit -> created(DepositView.of(deposit), deposit.replayed()));
    }

    @POST
    @Path("/deposit-applications")
    @Operation(summary = "Pay invoices from the deposit balance",
            description = "The named invoice, else the oldest outstanding first; never more than is owed "
                    + "(422 more-than-owed) nor than the deposit balance (422 insufficient-deposit-balance).")
    @APIResponse(responseCode = "201", description = "applied (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> applyDeposit(@PathParam("accountId") UUID accountId,
                                      Requests.DepositApplicationRequest request, @BeanParam ActorHeaders headers) {
        var caller = callers.caller(headers);
        return answer(accounts.applyDeposit(accountId, required(request, "body").toCommand(), caller));
    }

    @POST
    @Path("/deposit-returns")
    @Operation(summary = "Pay deposit balance back to the customer")
    @APIResponse(responseCode = "201", description = "returned (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> returnDeposit(@PathParam("accountId") UUID accountId,
                                       Requests.DepositReturnRequest request, @BeanParam ActorHeaders headers) {
        var caller = callers.caller(headers);
        return answer(accounts.returnDeposit(accountId, required(request, "body").toCommand(), caller));
    }

    @POST
    @Path("/payments")
    @Operation(summary = "Receive a payment",
            description = "Pays the named invoice, else the oldest outstanding first; what is left over becomes a "
                    + "credit note (deposit balance).")
    @APIResponse(responseCode = "201", description = "received (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> receivePayment(@PathParam("accountId") UUID accountId, Requests.PaymentRequest request,
                                        @BeanParam ActorHeaders headers) {
        var caller = callers.caller(headers);
        return answer(accounts.receivePayment(accountId, required(request, "body").toCommand(), caller));
    }

    @POST
    @Path("/refunds")
    @Operation(summary = "Refund an on-account sale (manager)",
            description = "Lowers what is still owed on the invoice; the part already paid becomes a credit note.")
    @APIResponse(responseCode = "201", description = "refunded (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> refund(@PathParam("accountId") UUID accountId, Requests.RefundRequest request,
                                @BeanParam ActorHeaders headers) {
        var caller = callers.manager(headers);
        return answer(accounts.refund(accountId, required(request, "body").toCommand(), caller));
    }

    @POST
    @Path("/adjustments")
    @Operation(summary = "Adjust what is owed, with a reason code (manager)",
            description = "CREDIT lowers what is owed (the named invoice, else oldest first, never more than owed); "
                    + "DEBIT raises what is owed on the named invoice.")
    @APIResponse(responseCode = "201", description = "adjusted (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> adjust(@PathParam("accountId") UUID accountId, Requests.AdjustmentRequest request,
                                @BeanParam ActorHeaders headers) {
        var caller = callers.manager(headers);
        return answer(accounts.adjust(accountId, required(request, "body").toCommand(), caller));
    }

    @POST
    @Path("/write-offs")
    @Operation(summary = "Write off what is still owed on an invoice (manager)")
    @APIResponse(responseCode = "201", description = "written off (or replayed)",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Uni<Response> writeOff(@PathParam("accountId") UUID accountId, Requests.WriteOffRequest request,
                                  @BeanParam ActorHeaders headers) {
        var caller = callers.manager(headers);
        return answer(accounts.writeOff(accountId, required(request, "body").toCommand(), caller));
    }

    private static Uni<Response> answer(Uni<Outcome> outcome) {
        return outcome.map(done -> created(OperationView.of(done), done.replayed()));
    }
}
