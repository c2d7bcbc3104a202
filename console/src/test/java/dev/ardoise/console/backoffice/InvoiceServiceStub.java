package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * invoice-service for the back office's tests: the accounts list (Marie and Jean Roy of MAIN), searched and
 * filtered as invoice-service does (an unknown filter is a 400 naming it), Marie's balance, invoices and statement.
 */
class InvoiceServiceStub extends StubServer {
    static final String JEAN = "2b1d9a40-7f3e-4a52-8c11-5d2e6f7a8b90";
    static final String JEANS_INVOICE = JEAN + "-MAIN-000009";

    private static final Set<String> STATUSES = Set.of("OUTSTANDING", "OVERDUE", "SETTLED", "OPEN", "SUSPENDED",
            "CLOSED");
    private final Marie marie;

    InvoiceServiceStub(Marie marie) {
        this.marie = marie;
    }

    @Override
    void reset() {
        // Marie is account-service's to reset
    }

    @Override
    Answer answer(Request request) {
        String[] path = request.segments();
        if (path.length == 2 && path[0].equals("invoices") && request.method().equals("GET")) {
            return invoice(request, path[1]);
        }
        if (!path[0].equals("accounts") || !request.method().equals("GET")) {
            return Answer.notFound("resource");
        }
        if (path.length == 1) {
            return list(request);
        }
        if (!request.worksFor("MAIN") || !AccountServiceStub.isAccount(path[1])) {
            return Answer.notFound("account");
        }
        return switch (path.length == 3 ? path[2] : "") {
            case "balance" -> Answer.json(200, JSON.createObjectNode().put("accountId", Marie.ID.toString())
                    .put("balance", marie.owed.negate().toPlainString()).put("version", marie.version()));
            case "invoices" -> Answer.json(200, invoices());
            case "statement" -> statement(request);
            default -> Answer.notFound("resource");
        };
    }

    private Answer list(Request request) {
        String status = request.query().get("status");
        if (status != null && !STATUSES.contains(status)) {
            return Answer.invalid("status", "must be one of OUTSTANDING, OVERDUE, SETTLED, OPEN, SUSPENDED, CLOSED");
        }
        String usage = request.query().get("usage");
        if (usage != null && !List.of("NEAR_LIMIT", "OVER_LIMIT").contains(usage)) {
            return Answer.invalid("usage", "must be one of NEAR_LIMIT, OVER_LIMIT");
        }
        String q = request.query().getOrDefault("q", "").toLowerCase(Locale.ROOT);
        ArrayNode items = JSON.createArrayNode();
        ObjectNode jean = JSON.createObjectNode().put("accountId", "2b1d9a40-7f3e-4a52-8c11-5d2e6f7a8b90")
                .put("customerId", "C-1002").put("customerName", "Jean Roy").put("currency", "CAD")
                .put("status", "SETTLED").put("accountStatus", "OPEN").putNull("creditLimit").put("outstanding", "0.00")
                .put("overdue", "0.00").put("depositBalance", "0.00").put("held", "0.00").put("available", "0.00");
        for (ObjectNode account : List.of(jean, marie.listed())) {
            boolean found = account.path("customerName").asText().toLowerCase(Locale.ROOT).contains(q)
                    || account.path("customerId").asText().toLowerCase(Locale.ROOT).contains(q);
            boolean held = !"HELD".equals(request.query().get("deposits"))
                    || !account.path("depositBalance").asText().equals("0.00");
            if (request.worksFor("MAIN") && found && held) {
                items.add(account);
            }
        }
        ObjectNode page = JSON.createObjectNode().put("page", Integer.parseInt(request.query().getOrDefault("page",
                "0"))).put("size", Integer.parseInt(request.query().getOrDefault("size", "50")))
                .put("total", items.size());
        page.set("items", items);
        return Answer.json(200, page);
    }

    /** Marie's two invoices, and one of Jean's (another account of MAIN); 404 for any other or another store. */
    private Answer invoice(Request request, String invoiceId) {
        if (request.worksFor("MAIN")) {
            for (JsonNode invoice : invoices().get("items")) {
                if (invoice.path("invoiceId").asText().equals(invoiceId)) {
                    return Answer.json(200, invoice);
                }
            }
            if (invoiceId.equals(JEANS_INVOICE)) {
                return Answer.json(200, invoice(JEANS_INVOICE, "MAIN-000009", "80.00", "2026-11-02", "2026-12-02",
                        "OUTSTANDING").put("accountId", JEAN));
            }
        }
        return Answer.notFound("invoice");
    }

    private ObjectNode invoices() {
        ObjectNode page = JSON.createObjectNode().put("page", 0).put("size", 20).put("total", 2);
        ArrayNode items = page.putArray("items");
        items.add(invoice(Marie.SECOND_INVOICE, "MAIN-000002", "200.00", "2026-11-20", "2099-12-20", "OUTSTANDING"));
        items.add(invoice(Marie.FIRST_INVOICE, "MAIN-000001", "500.00", "2025-12-16", Marie.OVERDUE_SINCE,
                "OVERDUE"));
        return page;
    }

    private static ObjectNode invoice(String id, String number, String amount, String issued, String due,
                                      String status) {
        ObjectNode invoice = JSON.createObjectNode().put("invoiceId", id).put("invoiceNumber", number)
                .put("accountId", Marie.ID.toString()).put("saleId", "sale-" + number).put("storeId", "MAIN")
                .put("currency", "CAD").put("amount", amount).put("paid", "0.00").put("refunded", "0.00")
                .put("owed", amount).put("terms", "NET_30").put("issuedOn", issued).put("dueDate", due)
                .put("status", status);
        invoice.putArray("lines");
        invoice.putArray("applications");
        return invoice;
    }

    /** Opening -500.00, a charge of 200.00, closing -700.00: the shape of invoice-service's StatementResponse. */
    private static Answer statement(Request request) {
        String from = request.query().getOrDefault("from", "2026-11-01");
        String to = request.query().getOrDefault("to", "2026-11-30");
        ObjectNode statement = JSON.createObjectNode().put("accountId", Marie.ID.toString()).put("customerId", "C-1001")
                .put("customerName", "Marie Tremblay").put("currency", "CAD").put("from", from).put("to", to)
                .put("openingBalance", "-500.00").put("closingBalance", "-700.00").put("totalCharges", "200.00")
                .put("totalCredits", "0.00").put("owed", "700.00").put("overdue", "500.00")
                .put("depositBalance", "200.00").put("version", 30)
                .put("interim", !LocalDate.parse(to).isBefore(LocalDate.now()));
        statement.putArray("lines").addObject().put("date", "2026-11-20").put("type", "CHARGE")
                .put("reference", "MAIN-000002").put("description", "Invoice MAIN-000002").put("amount", "-200.00")
                .put("runningBalance", "-700.00");
        return Answer.json(200, statement);
    }
}
