package dev.ardoise.invoice.api;

import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.invoice.domain.InvoiceStatus;
import dev.ardoise.invoice.persistence.AccountView;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;
import dev.ardoise.invoice.persistence.InvoiceRow;
import dev.ardoise.invoice.persistence.ReadModels;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {
    private final ReadModels readModels;
    private final InvoiceLinesJson linesJson;
    private final Clock clock;

    InvoiceResource(ReadModels readModels, InvoiceLinesJson linesJson, Clock clock) {
        this.readModels = readModels;
        this.linesJson = linesJson;
        this.clock = clock;
    }

    @GET
    @Path("accounts/{accountId}/invoices")
    @Operation(summary = "The account's invoices, newest first")
    public Uni<List<InvoiceResponse>> invoices(
            @PathParam("accountId") String accountId,
            @Parameter(description = "OUTSTANDING (every invoice not fully paid, overdue ones included), "
                    + "OVERDUE or PAID; all when absent")
            @QueryParam("status") String status) {
        UUID id = RequestParameters.accountId(accountId);
        Optional<InvoiceStatus> wanted = RequestParameters.invoiceStatus(status);
        return readModels.account(id).map(view -> listed(id, view, wanted));
    }

    @GET
    @Path("invoices/{invoiceId}")
    @Operation(summary = "One invoice, with what is still owed on it and its status as of today")
    public Uni<InvoiceResponse> invoice(@PathParam("invoiceId") String invoiceId) {
        return readModels.invoice(invoiceId).map(row -> {
            if (row == null) {
                throw new NotFoundProblem("invoice", invoiceId);
            }
            return response(row, today());
        });
    }

    private List<InvoiceResponse> listed(UUID accountId, AccountView view, Optional<InvoiceStatus> wanted) {
        if (view == null) {
            throw new NotFoundProblem("account", accountId);
        }
        LocalDate today = today();
        return view.invoices().stream()
                .map(row -> response(row, today))
                .filter(invoice -> wanted.map(status -> status.includes(invoice.status())).orElse(true))
                .toList();
    }

    private InvoiceResponse response(InvoiceRow row, LocalDate today) {
        return InvoiceResponse.of(row, linesJson.read(row.lines), today);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
