package dev.ardoise.invoice.api;

import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.invoice.domain.Aging;
import dev.ardoise.invoice.persistence.AccountView;
import dev.ardoise.invoice.persistence.OwedInvoice;
import dev.ardoise.invoice.persistence.Queries;
import dev.ardoise.invoice.persistence.ReadModels;
import dev.ardoise.invoice.persistence.StoreScope;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What is owed by how long it is past due, as of any day: per account and for the caller's stores. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.VIEWER})
public class AgingResource {
    private final Queries queries;
    private final ReadModels readModels;
    private final VerifiedCaller caller;
    private final Clock clock;

    AgingResource(Queries queries, ReadModels readModels, VerifiedCaller caller, Clock clock) {
        this.queries = queries;
        this.readModels = readModels;
        this.caller = caller;
        this.clock = clock;
    }

    public record Buckets(BigDecimal current, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90,
                          BigDecimal over90, BigDecimal total) {
        static Buckets of(Aging aging) {
            return new Buckets(aging.current(), aging.days1To30(), aging.days31To60(), aging.days61To90(),
                    aging.over90(), aging.total());
        }
    }

    public record AccountAging(UUID accountId, String customerId, String customerName, String currency,
                               LocalDate asOf, BigDecimal current, BigDecimal days1To30, BigDecimal days31To60,
                               BigDecimal days61To90, BigDecimal over90, BigDecimal total) {
        static AccountAging of(UUID accountId, String customerId, String customerName, String currency,
                               LocalDate asOf, Aging aging) {
            return new AccountAging(accountId, customerId, customerName, currency, asOf, aging.current(),
                    aging.days1To30(), aging.days31To60(), aging.days61To90(), aging.over90(), aging.total());
        }
    }

    /** The store's aging: a row per account that owes something, and totals per currency. */
    public record StoreAging(LocalDate asOf, List<AccountAging> accounts, Map<String, Buckets> totals) {
    }

    @GET
    @Path("accounts/{accountId}/aging")
    @Operation(operationId = "getAccountAging",
            summary = "What the account owed at the end of asOf (default today) by days past due: current, "
                    + "1-30, 31-60, 61-90, over 90",
            description = "Each invoice's owed amount as of the end of asOf, in its bucket. An account of a store "
                    + "the token does not name is 404, like an unknown one.")
    public Uni<AccountAging> accountAging(@PathParam("accountId") String accountId,
                                          @Parameter(description = "a date; today when absent") @QueryParam("asOf") String asOf) {
        UUID id = RequestParameters.accountId(accountId);
        LocalDate day = day(asOf);
        Caller who = caller.get();
        return readModels.account(id).flatMap(found -> {
            AccountView view = StoreWalls.account(who, id, found);
            return queries.owedOn(day, id).map(invoices -> {
                Aging aging = Aging.none(view.balance().currency());
                for (OwedInvoice invoice : invoices) {
                    aging = aging.with(day, invoice.dueDate(), invoice.owed());
                }
                return AccountAging.of(id, view.balance().customerId(), view.balance().customerName(),
                        view.balance().currency(), day, aging);
            });
        });
    }

    @GET
    @Path("aging")
    @Operation(operationId = "getStoreAging",
            summary = "The store's aging as of asOf (default today): a row per account that owes, and totals",
            description = "Only the accounts of the stores the token names; storeId narrows to one of them "
                    + "(another store gives no rows). Totals are per currency. Folded in the database's order, "
                    + "a few hundred invoices at a time: the store's invoices are never all held in memory.")
    public Uni<StoreAging> storeAging(
            @Parameter(description = "a date; today when absent") @QueryParam("asOf") String asOf,
            @Parameter(description = "only this store's accounts, one of the token's stores")
            @QueryParam("storeId") String storeId) {
        LocalDate day = day(asOf);
        StoreScope stores = StoreWalls.scope(caller.get(), storeId);
        return queries.storeAging(day, stores).map(aging -> {
            List<AccountAging> rows = aging.accounts().stream().map(account -> AccountAging.of(account.accountId(),
                    account.customerId(), account.customerName(), account.currency(), day, account.aging())).toList();
            Map<String, Buckets> sums = new TreeMap<>();
            aging.totals().forEach((currency, total) -> sums.put(currency, Buckets.of(total)));
            return new StoreAging(day, rows, sums);
        });
    }

    private LocalDate day(String asOf) {
        LocalDate day = RequestParameters.date("asOf", asOf);
        return day == null ? LocalDate.now(clock) : day;
    }
}
