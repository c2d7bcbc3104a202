package dev.ardoise.invoice.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NextPage;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.StoreWall;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.invoice.domain.InvoiceStatus;
import dev.ardoise.invoice.persistence.InvoiceFilter;
import dev.ardoise.invoice.persistence.InvoiceFilter.InvoiceSort;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;
import dev.ardoise.invoice.persistence.Page;
import dev.ardoise.invoice.persistence.Queries;
import dev.ardoise.invoice.persistence.ReadModels;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Invoices of the caller's stores' accounts: one, an account's, or the stores' list. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASHIER, Roles.MANAGER, Roles.VIEWER})
public class InvoiceResource {
    private final Queries queries;
    private final ReadModels readModels;
    private final InvoiceLinesJson linesJson;
    private final VerifiedCaller caller;
    private final Clock clock;

    InvoiceResource(Queries queries, ReadModels readModels, InvoiceLinesJson linesJson, VerifiedCaller caller,
                    Clock clock) {
        this.queries = queries;
        this.readModels = readModels;
        this.linesJson = linesJson;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("accounts/{accountId}/invoices")
    @Operation(operationId = "listAccountInvoices",
            summary = "The account's invoices, newest first unless sorted otherwise; paginated",
            description = "Each invoice with what is owed on it, its status as of today and what was applied to it. "
                    + "An account of a store the token does not name is 404, like an unknown one. The page, its "
                    + "total and what was applied are read from one snapshot; the Link header names the next page.")
    @APIResponse(responseCode = "200", description = "a page of the account's invoices",
            headers = @Header(name = NextPage.HEADER, description = PagedAnswers.LINK,
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<Page<InvoiceResponse>>> accountInvoices(
            @PathParam("accountId") String accountId,
            @Parameter(description = "OUTSTANDING (every invoice with something owed: partially paid and overdue "
                    + "included), PARTIALLY_PAID, OVERDUE, PAID or WRITTEN_OFF; all when absent")
            @QueryParam("status") String status,
            @Parameter(description = "issued on or after (a date)") @QueryParam("from") String from,
            @Parameter(description = "issued on or before (a date)") @QueryParam("to") String to,
            @Parameter(description = "only when the account is of this store, one of the token's stores")
            @QueryParam("storeId") String storeId,
            @Parameter(description = "issuedOn (default), dueDate, number, amount or owed") @QueryParam("sort") String sort,
            @Parameter(description = "asc or desc (default)") @QueryParam("order") String order,
            @Parameter(description = "from 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 500, 50 by default") @QueryParam("size") String size,
            @Context UriInfo request) {
        UUID id = RequestParameters.accountId(accountId);
        Caller who = caller.get();
        InvoiceFilter filter = filter(who, id, status, from, to, storeId, sort, order, page, size);
        return readModels.account(id).flatMap(view -> {
            StoreWalls.account(who, id, view);
            return list(filter, request);
        });
    }

    @GET
    @Path("invoices")
    @Operation(operationId = "listInvoices",
            summary = "The store's invoices, filtered by account, status, issue date and store; paginated",
            description = "Only the invoices of accounts of the stores the token names; storeId narrows to one of "
                    + "them (another store gives an empty page). The page, its total and what was applied are read "
                    + "from one snapshot; the Link header names the next page.")
    @APIResponse(responseCode = "200", description = "a page of the invoices",
            headers = @Header(name = NextPage.HEADER, description = PagedAnswers.LINK,
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<Page<InvoiceResponse>>> invoices(
            @Parameter(description = "only this account's invoices") @QueryParam("accountId") String accountId,
            @Parameter(description = "as for an account's invoices") @QueryParam("status") String status,
            @Parameter(description = "issued on or after (a date)") @QueryParam("from") String from,
            @Parameter(description = "issued on or before (a date)") @QueryParam("to") String to,
            @Parameter(description = "only the invoices of this store's accounts, one of the token's stores")
            @QueryParam("storeId") String storeId,
            @Parameter(description = "issuedOn (default), dueDate, number, amount or owed") @QueryParam("sort") String sort,
            @Parameter(description = "asc or desc (default)") @QueryParam("order") String order,
            @Parameter(description = "from 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 500, 50 by default") @QueryParam("size") String size,
            @Context UriInfo request) {
        return list(filter(caller.get(), RequestParameters.accountFilter(accountId), status, from, to, storeId, sort,
                order, page, size), request);
    }

    @GET
    @Path("invoices/{invoiceId}")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER, Roles.VIEWER, Roles.SERVICE})
    @Operation(operationId = "getInvoice",
            summary = "One invoice, with what is still owed on it, its status as of today and every payment, "
                    + "deposit applied, credit, refund, adjustment and write-off on it",
            description = "An invoice of an account of a store the token does not name is 404, like an unknown one. "
                    + "notification-service's pay page reads what is still due here as SERVICE, for any store.")
    public Uni<InvoiceResponse> invoice(@PathParam("invoiceId") String invoiceId) {
        LocalDate today = today();
        Caller who = caller.get();
        return queries.invoice(RequestParameters.invoiceId(invoiceId)).map(view -> {
            if (view == null) {
                throw new NotFoundProblem("invoice", invoiceId);
            }
            StoreWall.check(who, view.accountStore(), "invoice", invoiceId);
            return InvoiceResponse.of(view, linesJson.read(view.linesJson()), today);
        });
    }

    private Uni<RestResponse<Page<InvoiceResponse>>> list(InvoiceFilter filter, UriInfo request) {
        LocalDate today = today();
        return queries.invoices(filter, today).map(page -> PagedAnswers.of(new Page<>(page.items().stream()
                .map(view -> InvoiceResponse.of(view, linesJson.read(view.linesJson()), today)).toList(),
                page.page(), page.size(), page.total()), request));
    }

    private static InvoiceFilter filter(Caller caller, UUID accountId, String status, String from, String to,
                                        String storeId, String sort, String order, String page, String size) {
        InvoiceStatus wanted = RequestParameters.oneOf("status", status, InvoiceStatus.class);
        LocalDate fromDate = RequestParameters.date("from", from);
        LocalDate toDate = RequestParameters.date("to", to);
        RequestParameters.inOrder(fromDate, toDate);
        InvoiceSort sortBy = sortOf(sort);
        return new InvoiceFilter(StoreWalls.scope(caller, storeId), accountId, wanted, fromDate, toDate, sortBy,
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
            default -> throw new InvalidRequestException("sort",
                    "must be one of issuedOn, dueDate, number, amount, owed");
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
