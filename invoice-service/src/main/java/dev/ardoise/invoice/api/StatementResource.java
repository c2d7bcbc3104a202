package dev.ardoise.invoice.api;

import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.Aging;
import dev.ardoise.invoice.domain.LedgerEntry;
import dev.ardoise.invoice.domain.LedgerType;
import dev.ardoise.invoice.domain.Statement;
import dev.ardoise.invoice.persistence.AccountView;
import dev.ardoise.invoice.persistence.OwedInvoice;
import dev.ardoise.invoice.persistence.Queries;
import dev.ardoise.invoice.persistence.ReadModels;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Balance-forward statements (docs: the statement contract with notification-service). */
@Path("/accounts/{accountId}/statement")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {
    private final ReadModels readModels;
    private final Queries queries;
    private final VerifiedCaller caller;
    private final Clock clock;

    StatementResource(ReadModels readModels, Queries queries, VerifiedCaller caller, Clock clock) {
        this.readModels = readModels;
        this.queries = queries;
        this.caller = caller;
        this.clock = clock;
    }

    public record StatementLine(LocalDate date, LedgerType type, String reference, String description,
                                BigDecimal amount, BigDecimal runningBalance) {
    }

    public record StatementResponse(UUID accountId, String customerId, String customerName, String currency,
                                    LocalDate from, LocalDate to, BigDecimal openingBalance,
                                    List<StatementLine> lines, BigDecimal closingBalance, BigDecimal totalCharges,
                                    BigDecimal totalCredits, BigDecimal owed, BigDecimal overdue,
                                    BigDecimal depositBalance, long version,
                                    @Schema(description = "true while the period is not over (to is today or later "
                                            + "in the store's calendar): the statement so far, which may still "
                                            + "change; notification-service emails only periods that are over")
                                    boolean interim) {
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.VIEWER, Roles.SERVICE})
    @Operation(operationId = "getStatement",
            summary = "The account's statement for a period: opening balance, every charge, payment, deposit, "
                    + "refund and adjustment with the running balance, closing balance (negative when the customer "
                    + "owes)",
            description = "The balance-forward statement notification-service emails (it calls as SERVICE, for any "
                    + "store). A period that is not over (to today or later, the default) is answered so far, with "
                    + "interim: true. An account of a store the token does not name is 404, like an unknown one.")
    public Uni<StatementResponse> statement(
            @PathParam("accountId") String accountId,
            @Parameter(description = "first day, inclusive; defaults to the first day of to's month") @QueryParam("from") String from,
            @Parameter(description = "last day, inclusive; defaults to today") @QueryParam("to") String to) {
        UUID id = RequestParameters.accountId(accountId);
        LocalDate toDate = RequestParameters.date("to", to);
        LocalDate fromDate = RequestParameters.date("from", from);
        LocalDate last = toDate == null ? LocalDate.now(clock) : toDate;
        LocalDate first = fromDate == null ? last.withDayOfMonth(1) : fromDate;
        RequestParameters.inOrder(first, last);
        Caller who = caller.get();
        return readModels.account(id).flatMap(view -> statement(StoreWalls.account(who, id, view), first, last));
    }

    private Uni<StatementResponse> statement(AccountView view, LocalDate from, LocalDate to) {
        AccountBalance account = view.balance();
        String currency = account.currency();
        return queries.positionBefore(account.accountId(), from, currency)
                .flatMap(before -> queries.entries(account.accountId(), from, to, currency)
                        .flatMap(entries -> queries.owedOn(to, account.accountId()).map(invoices -> {
                            Statement statement = Statement.of(from, to, before[0], entries);
                            BigDecimal deposit = entries.stream().map(LedgerEntry::depositChange)
                                    .reduce(before[1], BigDecimal::add);
                            Aging aging = Aging.none(currency);
                            for (OwedInvoice invoice : invoices) {
                                aging = aging.with(to, invoice.dueDate(), invoice.owed());
                            }
                            return response(view, statement, deposit, aging.pastDue(), !to.isBefore(today()));
                        })));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static StatementResponse response(AccountView view, Statement statement, BigDecimal deposit,
                                              BigDecimal overdue, boolean interim) {
        AccountBalance account = view.balance();
        List<StatementLine> lines = statement.lines().stream().map(line -> new StatementLine(line.date(),
                line.type(), line.reference(), line.description(), line.amount(), line.runningBalance())).toList();
        return new StatementResponse(account.accountId(), account.customerId(), account.customerName(),
                account.currency(), statement.from(), statement.to(), statement.openingBalance(), lines,
                statement.closingBalance(), statement.totalCharges(), statement.totalCredits(),
                deposit.subtract(statement.closingBalance()), overdue, deposit, view.version(), interim);
    }
}
