package dev.ardoise.console.backoffice;

import dev.ardoise.console.web.FormInput;
import dev.ardoise.console.web.InvalidInput;
import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.services.AccountService;
import dev.ardoise.console.services.InvoiceService;
import dev.ardoise.console.services.NotificationService;
import dev.ardoise.console.services.Requests;
import dev.ardoise.console.services.ServiceCalls;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.services.ServiceAnswer;
import dev.ardoise.console.signin.ConsoleUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A manager's actions on an account, each one call to a service with the manager's own token. The form's fields
 * are checked first (a refusal names the field, nothing is called); money commands carry the key the form was
 * rendered with as their idempotency key, so a form sent twice acts once. Done: 303 back to the account page,
 * which says what was done; refused: the page again with the refusal and the form as it was sent.
 */
@Path("/accounts/{accountId}")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(ConsoleUser.MANAGER)
public class AccountActionsResource {
    private final AccountService accounts;
    private final NotificationService notifications;
    private final InvoiceService invoices;
    private final AccountPages pages;

    AccountActionsResource(@RestClient AccountService accounts, @RestClient NotificationService notifications,
                           @RestClient InvoiceService invoices, AccountPages pages) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.invoices = invoices;
        this.pages = pages;
    }

    @POST
    @Path("credit-limit")
    public Response setLimit(@PathParam("accountId") String accountId, @FormParam("key") String key,
                             @FormParam("creditLimit") String limit) {
        ActionForm form = ActionForm.sent("set-limit", key).with("creditLimit", limit);
        return act(accountId, form, Done.LIMIT_SET, id -> accounts.setCreditLimit(id,
                new Requests.CreditLimit(FormInput.limit("creditLimit", limit))));
    }

    @POST
    @Path("payments")
    public Response recordPayment(@PathParam("accountId") String accountId, @FormParam("key") String key,
                                  @FormParam("amount") String amount, @FormParam("method") String method,
                                  @FormParam("reference") String reference, @FormParam("invoiceId") String invoiceId) {
        ActionForm form = ActionForm.sent("record-payment", key).with("amount", amount).with("method", method)
                .with("reference", reference).with("invoiceId", invoiceId);
        return act(accountId, form, Done.PAYMENT, id -> accounts.receivePayment(id, new Requests.Payment(
                FormInput.key(key), FormInput.positiveAmount("amount", amount),
                FormInput.oneOf("method", method, Words.PAYMENT_METHODS),
                FormInput.optionalText("reference", reference), FormInput.optionalId("invoiceId", invoiceId))));
    }

    @POST
    @Path("deposits")
    public Response recordDeposit(@PathParam("accountId") String accountId, @FormParam("key") String key,
                                  @FormParam("amount") String amount, @FormParam("purpose") String purpose,
                                  @FormParam("reference") String reference) {
        ActionForm form = ActionForm.sent("record-deposit", key).with("amount", amount).with("purpose", purpose)
                .with("reference", reference);
        return act(accountId, form, Done.DEPOSIT, id -> accounts.addDeposit(id, new Requests.Deposit(
                FormInput.key(key), FormInput.positiveAmount("amount", amount),
                FormInput.oneOf("purpose", purpose, Words.DEPOSIT_PURPOSES),
                FormInput.optionalText("reference", reference))));
    }

    @POST
    @Path("refunds")
    public Response refund(@PathParam("accountId") String accountId, @FormParam("key") String key,
                           @FormParam("invoiceId") String invoiceId, @FormParam("amount") String amount,
                           @FormParam("reasonCode") String reasonCode) {
        ActionForm form = ActionForm.sent("refund", key).with("invoiceId", invoiceId).with("amount", amount)
                .with("reasonCode", reasonCode);
        return act(accountId, form, Done.REFUND, id -> accounts.refund(id, new Requests.Refund(FormInput.key(key),
                FormInput.requiredId("invoiceId", invoiceId), FormInput.positiveAmount("amount", amount),
                FormInput.optionalText("reasonCode", reasonCode))));
    }

    @POST
    @Path("adjustments")
    public Response adjust(@PathParam("accountId") String accountId, @FormParam("key") String key,
                           @FormParam("direction") String direction, @FormParam("amount") String amount,
                           @FormParam("reasonCode") String reasonCode, @FormParam("note") String note,
                           @FormParam("invoiceId") String invoiceId) {
        ActionForm form = ActionForm.sent("adjust", key).with("direction", direction).with("amount", amount)
                .with("reasonCode", reasonCode).with("note", note).with("invoiceId", invoiceId);
        return act(accountId, form, Done.ADJUSTMENT, id -> accounts.adjust(id, new Requests.Adjustment(
                FormInput.key(key), FormInput.oneOf("direction", direction, Words.DIRECTIONS),
                FormInput.positiveAmount("amount", amount), FormInput.requiredText("reasonCode", reasonCode),
                FormInput.optionalText("note", note), FormInput.optionalId("invoiceId", invoiceId))));
    }

    @POST
    @Path("write-offs")
    public Response writeOff(@PathParam("accountId") String accountId, @FormParam("key") String key,
                             @FormParam("invoiceId") String invoiceId, @FormParam("reasonCode") String reasonCode,
                             @FormParam("note") String note) {
        ActionForm form = ActionForm.sent("write-off", key).with("invoiceId", invoiceId)
                .with("reasonCode", reasonCode).with("note", note);
        return act(accountId, form, Done.WRITE_OFF, id -> accounts.writeOff(id, new Requests.WriteOff(
                FormInput.key(key), FormInput.requiredId("invoiceId", invoiceId),
                FormInput.requiredText("reasonCode", reasonCode), FormInput.optionalText("note", note))));
    }

    @POST
    @Path("suspension")
    public Response suspend(@PathParam("accountId") String accountId, @FormParam("key") String key,
                            @FormParam("reason") String reason) {
        ActionForm form = ActionForm.sent("suspend", key).with("reason", reason);
        return act(accountId, form, Done.SUSPENDED, id -> accounts.suspend(id,
                new Requests.Reason(FormInput.optionalText("reason", reason))));
    }

    @POST
    @Path("reactivation")
    public Response reactivate(@PathParam("accountId") String accountId, @FormParam("key") String key) {
        return act(accountId, ActionForm.sent("reactivate", key), Done.REACTIVATED, accounts::reactivate);
    }

    @POST
    @Path("closure")
    public Response close(@PathParam("accountId") String accountId, @FormParam("key") String key,
                          @FormParam("reason") String reason) {
        ActionForm form = ActionForm.sent("close", key).with("reason", reason);
        return act(accountId, form, Done.CLOSED, id -> accounts.close(id,
                new Requests.Reason(FormInput.optionalText("reason", reason))));
    }

    @POST
    @Path("statements")
    public Response sendStatement(@PathParam("accountId") String accountId, @FormParam("key") String key,
                                  @FormParam("from") String from, @FormParam("to") String to) {
        ActionForm form = ActionForm.sent("send-statement", key).with("from", from).with("to", to);
        return act(accountId, form, Done.STATEMENT_SENT, id -> {
            LocalDate first = FormInput.optionalDay("from", from);
            LocalDate last = FormInput.optionalDay("to", to);
            if (first == null || last == null) {
                throw new InvalidInput(first == null ? "from" : "to", "invalid_required");
            }
            FormInput.inOrder(first, last);
            return notifications.sendStatement(id, new Requests.Period(first.toString(), last.toString()));
        });
    }

    @POST
    @Path("invoices/{invoiceId}/resend")
    public Response resendInvoice(@PathParam("accountId") String accountId,
                                  @PathParam("invoiceId") String invoiceId, @FormParam("key") String key) {
        ActionForm form = ActionForm.sent("resend-" + invoiceId, key);
        Optional<UUID> account = FormInput.uuid(accountId);
        if (account.isPresent() && invoiceId != null && invoiceId.length() <= FormInput.LONGEST_ID) {
            ServiceAnswer invoice = ServiceCalls.answer(() -> invoices.invoice(invoiceId));
            if (invoice.status() == 404 || invoice.ok() && !isOf(invoice, account.get())) {
                return AccountPages.notFound();
            }
            if (!invoice.ok()) {
                return pages.refused(account.get(), Refusal.of(invoice), form);
            }
        }
        return act(accountId, form, Done.INVOICE_RESENT, id -> notifications.resendInvoice(
                FormInput.requiredId("invoiceId", invoiceId), FormInput.key(key)));
    }

    /** Whether invoice-service says the invoice is of that account: the address names both, both must agree. */
    static boolean isOf(ServiceAnswer invoice, UUID account) {
        return account.toString().equals(invoice.body().path("accountId").asText());
    }

    private Response act(String accountId, ActionForm form, Done done,
                         Function<UUID, RestResponse<JsonNode>> call) {
        Optional<UUID> id = FormInput.uuid(accountId);
        if (id.isEmpty()) {
            return AccountPages.notFound();
        }
        ServiceCalls.Acted acted;
        try {
            acted = ServiceCalls.action(() -> call.apply(id.get()));
        } catch (InvalidInput invalid) {
            return pages.refused(id.get(), Refusal.of(invalid), form);
        }
        ServiceAnswer answer = acted.answer();
        // refused: the page again (which is the not-found page when the account is not one of the user's stores)
        return answer.ok() ? Response.seeOther(done(id.get(), done, acted)).build()
                : pages.refused(id.get(), Refusal.of(answer), form);
    }

    /** The account page, saying what was done, waiting for invoice-service to reach the version it recorded. */
    private static URI done(UUID accountId, Done done, ServiceCalls.Acted acted) {
        StringBuilder page = new StringBuilder("/accounts/").append(accountId).append("?done=").append(done.slug());
        if (acted.replayed() || acted.answer().status() == 200 && done.answersAgainWith200()) {
            page.append("&replayed=true");
        }
        JsonNode body = acted.answer().body();
        long version = body == null ? 0 : body.path("version").asLong();
        if (version > 0) {
            page.append("&v=").append(version);
        }
        return URI.create(page.toString());
    }
}
