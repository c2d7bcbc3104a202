package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.AccountStatus;
import dev.ardoise.invoice.domain.Amounts;
import dev.ardoise.invoice.domain.ApplicationKind;
import dev.ardoise.invoice.domain.Invoice;
import dev.ardoise.invoice.domain.InvoiceApplication;
import dev.ardoise.invoice.domain.InvoiceStatus;
import dev.ardoise.invoice.domain.LedgerEntry;
import dev.ardoise.invoice.domain.LedgerType;
import dev.ardoise.invoice.domain.StoreAging;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lists, statements and aging, in SQL on the reactive pool: filters, sorting and paging happen in the
 * database; what depends on the day (overdue, status) is computed from the day given, never stored.
 */
@ApplicationScoped
public class Queries {
    /** Invoices the store's aging holds in memory at a time. */
    static final int AGING_FETCH = 200;
    private static final String INVOICE_COLUMNS = "i.invoice_id, i.invoice_number, i.sale_id, i.store_id, "
            + "i.account_version, i.amount, i.paid, i.credited, i.debited, i.refunded, i.written_off_amount, "
            + "i.written_off, i.issued_on, i.due_date, i.account_id, a.currency, i.lines, i.terms, "
            + "a.store_id AS account_store";

    private final Pool pool;

    Queries(Pool pool) {
        this.pool = pool;
    }

    /** A page of invoices and how many there are in all, from one snapshot. */
    public Uni<Page<InvoiceView>> invoices(InvoiceFilter filter, LocalDate today) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(inStores(filter.stores(), params));
        if (filter.accountId() != null) {
            where.append(" AND i.account_id = ").append(param(params, filter.accountId()));
        }
        if (filter.from() != null) {
            where.append(" AND i.issued_on >= ").append(param(params, filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND i.issued_on <= ").append(param(params, filter.to()));
        }
        if (filter.status() != null) {
            where.append(" AND ").append(statusCondition(filter.status(), params, today));
        }
        String order = filter.sort().column + (filter.ascending() ? " ASC" : " DESC")
                + ", i.account_version" + (filter.ascending() ? " ASC" : " DESC") + ", i.invoice_id";
        String from = " FROM invoice i JOIN account a ON a.account_id = i.account_id" + where;
        Listing listing = new Listing("SELECT " + INVOICE_COLUMNS, from, order, params, filter.page(), filter.size());
        return Snapshot.read(pool, connection -> listing.read(connection).chain(found -> {
            List<String> ids = found.rows().stream().map(row -> row.getString("invoice_id")).toList();
            return applications(connection, ids).map(applied -> new Page<>(found.rows().stream()
                    .map(row -> invoiceView(row, applied)).toList(), filter.page(), filter.size(), found.total()));
        }));
    }

    /** The invoice, with the store of its account (whose staff alone may see it); null when unknown. */
    public Uni<InvoiceView> invoice(String invoiceId) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + INVOICE_COLUMNS + " FROM invoice i JOIN account a ON a.account_id = i.account_id "
                + "WHERE i.invoice_id = " + param(params, invoiceId);
        return query(sql, params).flatMap(rows -> {
            List<Row> found = list(rows);
            if (found.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            return applications(pool, List.of(invoiceId)).map(applied -> invoiceView(found.get(0), applied));
        });
    }

    private static String statusCondition(InvoiceStatus status, List<Object> params, LocalDate today) {
        return switch (status) {
            case WRITTEN_OFF -> "i.written_off";
            case PAID -> "NOT i.written_off AND i.owed <= 0";
            case OUTSTANDING -> "NOT i.written_off AND i.owed > 0";
            case OVERDUE -> "NOT i.written_off AND i.owed > 0 AND i.due_date < " + param(params, today);
            case PARTIALLY_PAID -> "NOT i.written_off AND i.owed > 0 AND i.due_date >= " + param(params, today)
                    + " AND (i.paid > 0 OR i.credited > 0)";
        };
    }

    private static Uni<Map<String, List<InvoiceApplication>>> applications(SqlClient client,
                                                                           List<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String sql = "SELECT p.*, a.currency FROM invoice_application p JOIN account a ON a.account_id = p.account_id"
                + " WHERE p.invoice_id = ANY($1) ORDER BY p.version, p.application_id";
        return client.preparedQuery(sql).execute(Tuple.of(invoiceIds.toArray(new String[0]))).map(rows -> {
            Map<String, List<InvoiceApplication>> byInvoice = new HashMap<>();
            for (Row row : rows) {
                String currency = row.getString("currency");
                InvoiceApplication application = new InvoiceApplication(row.getString("invoice_id"),
                        row.getUUID("account_id"), row.getLong("version"), 0, row.getLocalDate("applied_on"),
                        ApplicationKind.valueOf(row.getString("kind")), row.getString("reference"),
                        money(row, "amount", currency), money(row, "owed_change", currency));
                byInvoice.computeIfAbsent(application.invoiceId(), id -> new ArrayList<>()).add(application);
            }
            return byInvoice;
        });
    }

    private static InvoiceView invoiceView(Row row, Map<String, List<InvoiceApplication>> applied) {
        String currency = row.getString("currency");
        Invoice invoice = new Invoice(row.getString("invoice_id"), row.getString("invoice_number"),
                row.getString("sale_id"), row.getString("store_id"), row.getLong("account_version"),
                money(row, "amount", currency), money(row, "paid", currency), money(row, "credited", currency),
                money(row, "debited", currency), money(row, "refunded", currency),
                money(row, "written_off_amount", currency), row.getBoolean("written_off"),
                row.getLocalDate("issued_on"), row.getLocalDate("due_date"));
        return new InvoiceView(invoice, row.getUUID("account_id"), row.getString("account_store"), currency,
                row.getString("lines"), row.getString("terms"), applied.getOrDefault(invoice.invoiceId(), List.of()));
    }

    /** The store's list of credit accounts, with what each has overdue {@code today}. */
    public Uni<Page<AccountListing>> accounts(AccountFilter filter, LocalDate today) {
        List<Object> params = new ArrayList<>();
        String overdue = "SELECT account_id, sum(owed) AS overdue FROM invoice WHERE NOT written_off AND owed > 0 "
                + "AND due_date < " + param(params, today) + " GROUP BY account_id";
        StringBuilder where = new StringBuilder(" WHERE ").append(inStores(filter.stores(), params));
        if (filter.search() != null) {
            String like = param(params, "%" + filter.search().toLowerCase().replace("%", "\\%").replace("_", "\\_")
                    + "%");
            where.append(" AND (lower(a.name) LIKE ").append(like).append(" OR lower(a.customer_id) LIKE ")
                    .append(like).append(")");
        }
        if (filter.status() != null) {
            where.append(" AND ").append(accountStatusCondition(filter.status(), params));
        }
        if (filter.usage() != null) {
            where.append(" AND ").append(filter.usage().condition);
        }
        if (filter.depositsHeld()) {
            where.append(" AND a.deposit_balance > 0");
        }
        String direction = filter.ascending() ? " ASC" : " DESC";
        String from = " FROM (SELECT a.*, coalesce(o.overdue, 0) AS overdue, CASE WHEN a.credit_limit IS NULL "
                + "THEN 0 ELSE greatest(0, a.credit_limit - a.owed - a.held) END AS available FROM account a "
                + "LEFT JOIN (" + overdue + ") o ON o.account_id = a.account_id) a" + where;
        String order = filter.sort().column + direction + ", lower(a.name)" + direction + ", a.account_id";
        Listing listing = new Listing("SELECT a.*", from, order, params, filter.page(), filter.size());
        return Snapshot.read(pool, listing::read).map(found -> {
            List<AccountListing> items = new ArrayList<>();
            for (Row row : found.rows()) {
                AccountBalance balance = balance(row);
                items.add(new AccountListing(balance, money(row, "overdue", balance.currency())));
            }
            return new Page<>(items, filter.page(), filter.size(), found.total());
        });
    }

    private static String accountStatusCondition(String status, List<Object> params) {
        return switch (status) {
            case "OVERDUE" -> "a.overdue > 0";
            case "OUTSTANDING" -> "a.owed > 0 AND a.overdue = 0";
            case "SETTLED" -> "a.owed <= 0";
            default -> "a.account_status = " + param(params, AccountStatus.valueOf(status).name());
        };
    }

    private static AccountBalance balance(Row row) {
        String currency = row.getString("currency");
        return new AccountBalance(row.getUUID("account_id"), row.getString("store_id"), row.getString("customer_id"),
                row.getString("name"), currency, money(row, "credit_limit", currency), money(row, "owed", currency),
                money(row, "deposit_balance", currency), money(row, "held", currency),
                AccountStatus.valueOf(row.getString("account_status")));
    }

    /** What was owed on each of the account's invoices at the end of {@code asOf}. */
    public Uni<List<OwedInvoice>> owedOn(LocalDate asOf, UUID accountId) {
        List<Object> params = new ArrayList<>();
        String sql = owedOn(asOf, StoreScope.every(), params) + " AND i.account_id = " + param(params, accountId)
                + " ORDER BY i.due_date";
        return query(sql, params).map(rows -> {
            List<OwedInvoice> owed = new ArrayList<>();
            rows.forEach(row -> owed.add(owedInvoice(row)));
            return owed;
        });
    }

    /**
     * The aging of the accounts of these stores at the end of {@code asOf}, folded through a cursor
     * ({@value #AGING_FETCH} invoices at a time), account after account in the order of their names.
     */
    public Uni<StoreAging> storeAging(LocalDate asOf, StoreScope stores) {
        List<Object> params = new ArrayList<>();
        String sql = owedOn(asOf, stores, params) + " ORDER BY lower(a.name), i.account_id, i.due_date";
        return pool.withTransaction(connection -> connection.prepare(sql)
                .onItem().transformToMulti(statement -> statement.createStream(AGING_FETCH, Tuple.from(params))
                        .toMulti())
                .map(Queries::owedInvoice)
                .collect().in(() -> new StoreAging(asOf), (aging, owed) -> aging.add(owed.accountId(),
                        owed.customerId(), owed.customerName(), owed.currency(), owed.dueDate(), owed.owed())));
    }

    private static String owedOn(LocalDate asOf, StoreScope stores, List<Object> params) {
        String day = param(params, asOf);
        return "SELECT i.account_id, a.customer_id, a.name, a.currency, i.due_date, i.amount + coalesce("
                + "(SELECT sum(p.owed_change) FROM invoice_application p WHERE p.invoice_id = i.invoice_id "
                + "AND p.applied_on <= " + day + "), 0) AS owed FROM invoice i JOIN account a "
                + "ON a.account_id = i.account_id WHERE i.issued_on <= " + day + " AND " + inStores(stores, params);
    }

    private static OwedInvoice owedInvoice(Row row) {
        String currency = row.getString("currency");
        return new OwedInvoice(row.getUUID("account_id"), row.getString("customer_id"), row.getString("name"),
                currency, row.getLocalDate("due_date"), money(row, "owed", currency));
    }

    /** The sums of the account's entries dated before a day: [net position, deposit balance]. */
    public Uni<BigDecimal[]> positionBefore(UUID accountId, LocalDate day, String currency) {
        String sql = "SELECT coalesce(sum(amount), 0) AS position, coalesce(sum(deposit_change), 0) AS deposit "
                + "FROM ledger_entry WHERE account_id = $1 AND entry_date < $2";
        return pool.preparedQuery(sql).execute(Tuple.of(accountId, day)).map(rows -> {
            Row row = rows.iterator().next();
            return new BigDecimal[] {money(row, "position", currency), money(row, "deposit", currency)};
        });
    }

    /** The account's entries dated from {@code from} to {@code to}, in stream order. */
    public Uni<List<LedgerEntry>> entries(UUID accountId, LocalDate from, LocalDate to, String currency) {
        String sql = "SELECT * FROM ledger_entry WHERE account_id = $1 AND entry_date BETWEEN $2 AND $3 "
                + "ORDER BY version";
        return pool.preparedQuery(sql).execute(Tuple.of(accountId, from, to)).map(rows -> {
            List<LedgerEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new LedgerEntry(accountId, row.getLong("version"), row.getLocalDate("entry_date"),
                        LedgerType.valueOf(row.getString("type")), row.getString("reference"),
                        row.getString("description"), money(row, "amount", currency),
                        money(row, "deposit_change", currency)));
            }
            return entries;
        });
    }

    /** The condition that keeps the accounts ({@code a}) of the stores in scope. */
    private static String inStores(StoreScope stores, List<Object> params) {
        if (stores.everyStore()) {
            return "true";
        }
        return "a.store_id = ANY(" + param(params, stores.stores().toArray(new String[0])) + ")";
    }

    private Uni<RowSet<Row>> query(String sql, List<Object> params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params));
    }

    private static List<Row> list(RowSet<Row> rows) {
        List<Row> list = new ArrayList<>();
        rows.forEach(list::add);
        return list;
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    private static BigDecimal money(Row row, String column, String currency) {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : Amounts.of(value, currency);
    }
}
