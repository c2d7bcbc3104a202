package dev.ardoise.invoice.api;

import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.invoice.domain.InvoiceStatus;
import dev.ardoise.invoice.persistence.InvoiceFilter;
import dev.ardoise.invoice.persistence.InvoiceFilter.InvoiceSort;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;
import dev.ardoise.invoice.persistence.Page;
import dev.ardoise.invoice.persistence.Queries;
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
import java.util.UUID;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {
    private final Queries queries;
    private final ReadModels readModels;
    private final InvoiceLinesJson linesJson;
    private final Clock clock;

    InvoiceResource(Queries queries, ReadModels readModels, InvoiceLinesJson linesJson, Clock clock) {
        this.queries = queries;
        this.readModels = readModels;
        this.linesJson = linesJson;
        this.clock = clock;
    }

    @GET
    @Path("accounts/{accountId}/invoices")
    @Operation(summary = "The account's invoices, newest first unless sorted otherwise; paginated")
    public Uni<Page<InvoiceResponse>> accountInvoices(
            @PathParam("accountId") String accountId,
            @Parameter(description = "OUTSTANDING (every invoice with something owed: partially paid and overdue "
                    + "included), PARTIALLY_PAID, OVERDUE, PAID or WRITTEN_OFF; all when absent")
            @QueryParam("status") String status,
            @Parameter(description = "issued on or after (a date)") @QueryParam("from") String from,
            @Parameter(description = "issued on or before (a date)") @QueryParam("to") String to,
            @QueryParam("storeId") String storeId,
            @Parameter(description = "issuedOn (default), dueDate, number, amount or owed") @QueryParam("sort") String sort,
            @Parameter(description = "asc or desc (default)") @QueryParam("order") String order,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        UUID id = RequestParameters.accountId(accountId);
        InvoiceFilter filter = filter(id, status, from, to, storeId, sort, order, page, size);
        return readModels.account(id).flatMap(view -> {
            if (view == null) {
                throw new NotFoundProblem("account", id);
            }
            return list(filter);
        });
    }

    @GET
    @Path("invoices")
    @Operation(summary = "The store's invoices, filtered by account, status, issue date and store; paginated")
    public Uni<Page<InvoiceResponse>> invoices(
            @QueryParam("accountId") String accountId, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("storeId") String storeId,
            @QueryParam("sort") String sort, @QueryParam("order") String order,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return list(filter(RequestParameters.accountFilter(accountId), status, from, to, storeId, sort, order, page,
                size));
    }

    @GET
    @Path("invoices/{invoiceId}")
    @Operation(summary = "One invoice, with what is still owed on it, its status as of today and every payment, "
            + "deposit applied, credit, refund, adjustment and write-off on it")
    public Uni<InvoiceResponse> invoice(@PathParam("invoiceId") String invoiceId) {
        LocalDate today = today();
        return queries.invoice(invoiceId).map(view -> {
            if (view == null) {
                throw new NotFoundProblem("invoice", invoiceId);
            }
            return InvoiceResponse.of(view, linesJson.read(view.linesJson()), today);
        });
    }

    private Uni<Page<InvoiceResponse>> list(InvoiceFilter filter) {
        LocalDate today = today();
        return queries.invoices(filter, today).map(page -> new Page<>(page.items().stream()
                .map(view -> InvoiceResponse.of(view, linesJson.read(view.linesJson()), today)).toList(),
                page.page(), page.size(), page.total()));
    }

    private static InvoiceFilter filter(UUID accountId, String status, String from, String to, String storeId,
                                        String sort, String order, String page, String size) {
        InvoiceStatus wanted = RequestParameters.oneOf("status", status, InvoiceStatus.class);
        LocalDate fromDate = RequestParameters.date("from", from);
        LocalDate toDate = RequestParameters.date("to", to);
        RequestParameters.inOrder(fromDate, toDate);
        InvoiceSort sortBy = sortOf(sort);
        return new InvoiceFilter(accountId, wanted, fromDate, toDate, RequestParameters.text(storeId), sortBy,
                RequestParameters.ascending(order, false), RequestParameters.page(page), RequestParameters.size(size));
    }

    private static InvoiceSort sortOf(String sort) {
        if (sort == null || sort.isBlank()) {
            return InvoiceSort.ISSUED_ON;
        }
        return switch (sort.strip()) {
            case "issuedOn" -> InvoiceSort.ISSUED_ON;
            case "dueDate" -> InvoiceSort.DUE_DATE;
            case "number" -> InvoiceSort.NUMBER;
            case "amount" -> InvoiceSort.AMOUNT;
            case "owed" -> InvoiceSort.OWED;
            default -> throw new dev.ardoise.http.InvalidRequestException("sort",
                    "must be one of issuedOn, dueDate, number, amount, owed");
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
