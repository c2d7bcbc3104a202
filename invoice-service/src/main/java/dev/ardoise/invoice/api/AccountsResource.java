package dev.ardoise.invoice.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NextPage;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.AccountStanding;
import dev.ardoise.invoice.domain.AccountStatus;
import dev.ardoise.invoice.domain.BalanceStatus;
import dev.ardoise.invoice.persistence.AccountFilter;
import dev.ardoise.invoice.persistence.AccountFilter.AccountSort;
import dev.ardoise.invoice.persistence.AccountFilter.Deposits;
import dev.ardoise.invoice.persistence.AccountFilter.Usage;
import dev.ardoise.invoice.persistence.AccountListing;
import dev.ardoise.invoice.persistence.Page;
import dev.ardoise.invoice.persistence.Queries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The store's "Credit Accounts" page: the accounts of the caller's stores only. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {
    private static final Set<String> STATUSES = Set.of("OUTSTANDING", "OVERDUE", "SETTLED", "OPEN", "SUSPENDED",
            "CLOSED");

    private final Queries queries;
    private final VerifiedCaller caller;
    private final Clock clock;

    AccountsResource(Queries queries, VerifiedCaller caller, Clock clock) {
        this.queries = queries;
        this.caller = caller;
        this.clock = clock;
    }

    /** One line of the list. */
    public record AccountLine(UUID accountId, String customerId, String customerName, String currency,
                              BalanceStatus status, AccountStatus accountStatus, BigDecimal creditLimit,
                              BigDecimal outstanding, BigDecimal overdue, BigDecimal depositBalance,
                              BigDecimal held, BigDecimal available) {
        static AccountLine of(AccountListing listing) {
            AccountStanding standing = AccountStanding.of(listing.balance(), listing.overdue());
            AccountBalance account = listing.balance();
            return new AccountLine(account.accountId(), account.customerId(), account.customerName(),
                    account.currency(), standing.status(), account.accountStatus(), account.creditLimit(),
                    account.owed(), standing.overdue(), account.depositBalance(), account.held(), account.available());
        }
    }

    @GET
    @Path("accounts")
    @RolesAllowed({Roles.CASHIER, Roles.MANAGER, Roles.VIEWER})
    @Operation(operationId = "listAccounts",
            summary = "The store's credit accounts: customer, status, outstanding, overdue, deposit balance, "
                    + "available; searchable, sortable, paginated",
            description = "Only the accounts of the stores the token names; storeId narrows to one of them (another "
                    + "store gives an empty page). usage keeps the accounts near (80 % or more) or over their limit, "
                    + "deposits=HELD those holding a deposit. The page and its total are read from one snapshot: a "
                    + "page that holds the whole list has total items. The Link header names the next page.")
    @APIResponse(responseCode = "200", description = "a page of the accounts",
            headers = @Header(name = NextPage.HEADER, description = PagedAnswers.LINK,
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<Page<AccountLine>>> accounts(
            @Parameter(description = "part of the customer's name or id, case ignored") @QueryParam("q") String q,
            @Parameter(description = "OUTSTANDING, OVERDUE, SETTLED (what is owed) or OPEN, SUSPENDED, CLOSED")
            @QueryParam("status") String status,
            @Parameter(description = "NEAR_LIMIT (owes 80 % of its limit or more, not over it) or OVER_LIMIT (owes "
                    + "more than its limit); accounts without a limit are neither") @QueryParam("usage") String usage,
            @Parameter(description = "HELD: only the accounts with a deposit balance above zero")
            @QueryParam("deposits") String deposits,
            @Parameter(description = "name (default), outstanding, overdue or available") @QueryParam("sort") String sort,
            @Parameter(description = "asc (default for name) or desc (default otherwise)") @QueryParam("order") String order,
            @Parameter(description = "only this store's accounts, one of the token's stores")
            @QueryParam("storeId") String storeId,
            @Parameter(description = "from 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 500, 50 by default") @QueryParam("size") String size,
            @Context UriInfo request) {
        AccountSort sortBy = RequestParameters.oneOf("sort", sort, AccountSort.class);
        sortBy = sortBy == null ? AccountSort.NAME : sortBy;
        AccountFilter filter = new AccountFilter(StoreWalls.scope(caller.get(), storeId), RequestParameters.text("q", q),
                status(status), RequestParameters.oneOf("usage", usage, Usage.class),
                RequestParameters.oneOf("deposits", deposits, Deposits.class) == Deposits.HELD, sortBy,
                RequestParameters.ascending(order, sortBy == AccountSort.NAME),
                RequestParameters.page(page), RequestParameters.size(size));
        return queries.accounts(filter, LocalDate.now(clock)).map(found -> PagedAnswers.of(new Page<>(
                found.items().stream().map(AccountLine::of).toList(), found.page(), found.size(), found.total()),
                request));
    }

    private static String status(String value) {
        String status = RequestParameters.text("status", value);
        if (status == null) {
            return null;
        }
        status = status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new InvalidRequestException("status",
                    "must be one of OUTSTANDING, OVERDUE, SETTLED, OPEN, SUSPENDED, CLOSED");
        }
        return status;
    }
}
