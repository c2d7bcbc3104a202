package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The store MAIN's customer Marie Tremblay as the three services know her, in the shapes their OpenAPI documents:
 * a limit of 1000.00, 700.00 owed on two invoices (one overdue), 200.00 of deposits, so 300.00 available; thirty
 * events of history. EAST's account belongs to another store. Commands change her figures as account-service
 * would, each key acting once.
 */
final class Marie {
    static final UUID ID = UUID.fromString("6f1c2a9e-6b0e-4f7c-9d55-2f0b8a1e7c01");
    static final UUID EAST = UUID.fromString("0e57e57e-0000-4000-8000-000000000e57");
    static final String EMAIL = "marie.tremblay@example.com";
    static final UUID SHOP_ID = UUID.fromString("6c0e2f5a-93d1-4b7e-a8f4-1d2c3b4a5e6f");
    static final String FIRST_INVOICE = ID + "-MAIN-000001";
    static final String SECOND_INVOICE = ID + "-MAIN-000002";
    static final String OVERDUE_SINCE = "2026-01-15";

    BigDecimal limit;
    BigDecimal owed;
    BigDecimal deposits;
    String status;
    final ArrayNode events = StubServer.JSON.createArrayNode();
    /** The key of each payment, deposit... already recorded, and the version it reached. */
    final Map<String, Long> keys = new LinkedHashMap<>();

    Marie() {
        reset();
    }

    void reset() {
        limit = new BigDecimal("1000.00");
        owed = new BigDecimal("700.00");
        deposits = new BigDecimal("200.00");
        status = "OPEN";
        keys.clear();
        events.removeAll();
        event("AccountOpened", "anne", "MANAGER", null).put("customerId", "C-1001").put("name", "Marie Tremblay")
                .put("email", EMAIL).put("storeId", "MAIN");
        event("CreditLimitSet", "anne", "MANAGER", null).put("creditLimit", "1000.00").putNull("previousCreditLimit");
        event("DepositAdded", "luc", "CASHIER", "R1").put("depositId", "D-1").put("amount", "200.00")
                .put("purpose", "LAYAWAY").put("reference", "order 4471");
        event("SaleCharged", "luc", "CASHIER", "R1").put("invoiceId", FIRST_INVOICE)
                .put("invoiceNumber", "MAIN-000001").put("amount", "500.00");
        event("SaleCharged", "luc", "CASHIER", "R2").put("invoiceId", SECOND_INVOICE)
                .put("invoiceNumber", "MAIN-000002").put("amount", "200.00");
        for (int hold = 1; hold <= 12; hold++) {
            event("CreditHoldPlaced", "luc", "CASHIER", "R1").put("holdId", "H-" + hold).put("amount", "10.00");
            event("CreditHoldVoided", "luc", "CASHIER", "R1").put("holdId", "H-" + hold).put("amount", "10.00")
                    .put("reason", "customer left without buying");
        }
        event("EmailConsentGiven", "anne", "MANAGER", null).put("email", EMAIL);
    }

    /** Records the next event, by this user, and answers its data to fill. */
    ObjectNode event(String type, String user, String role, String register) {
        ObjectNode event = events.addObject().put("eventId", UUID.randomUUID().toString()).put("type", type)
                .put("accountId", ID.toString()).put("version", events.size())
                .put("occurredAt", "2026-11-" + String.format("%02d", Math.min(28, events.size())) + "T15:00:00Z");
        ObjectNode actor = event.putObject("metadata").put("correlationId", UUID.randomUUID().toString())
                .putObject("actor");
        actor.put("role", role).put("userId", user).put("registerId", register).put("storeId", "MAIN");
        return event.putObject("data");
    }

    long version() {
        return events.size();
    }

    BigDecimal available() {
        return limit.subtract(owed).max(BigDecimal.ZERO).setScale(2);
    }

    /** account-service's {@code AccountView}. */
    ObjectNode account() {
        ObjectNode account = StubServer.JSON.createObjectNode().put("accountId", ID.toString()).put("storeId", "MAIN")
                .put("customerId", "C-1001").put("name", "Marie Tremblay").put("email", EMAIL)
                .put("emailConsent", true).put("language", "fr-CA").put("currency", "CAD")
                .put("creditLimit", limit.toPlainString()).put("balance", owed.negate().toPlainString())
                .put("owed", owed.toPlainString()).put("depositBalance", deposits.toPlainString())
                .put("held", "0.00").put("available", available().toPlainString()).put("status", status)
                .put("version", version());
        account.putArray("holds");
        ArrayNode outstanding = account.putArray("outstandingInvoices");
        outstanding.addObject().put("invoiceId", FIRST_INVOICE).put("invoiceNumber", "MAIN-000001")
                .put("issuedOn", "2025-12-16").put("dueDate", OVERDUE_SINCE).put("total", "500.00")
                .put("owed", "500.00");
        outstanding.addObject().put("invoiceId", SECOND_INVOICE).put("invoiceNumber", "MAIN-000002")
                .put("issuedOn", "2026-11-20").put("dueDate", "2099-12-20").put("total", "200.00")
                .put("owed", "200.00");
        return account;
    }

    /** Her shop's account at MAIN, opened with the same email address: the second match of an email search. */
    ObjectNode shopAccount() {
        ObjectNode shop = account().put("accountId", SHOP_ID.toString()).put("customerId", "C-1002")
                .put("name", "Boutique Tremblay").put("creditLimit", "5000.00").put("balance", "-1250.50")
                .put("owed", "1250.50").put("depositBalance", "0.00").put("available", "3749.50")
                .put("status", "OPEN").put("version", 3);
        shop.putArray("outstandingInvoices");
        return shop;
    }

    /** A row of invoice-service's accounts list. */
    ObjectNode listed() {
        return StubServer.JSON.createObjectNode().put("accountId", ID.toString()).put("customerId", "C-1001")
                .put("customerName", "Marie Tremblay").put("currency", "CAD").put("status", "OVERDUE")
                .put("accountStatus", status).put("creditLimit", limit.toPlainString())
                .put("outstanding", owed.toPlainString()).put("overdue", "500.00")
                .put("depositBalance", deposits.toPlainString()).put("held", "0.00")
                .put("available", available().toPlainString());
    }

    /** account-service's {@code OperationView}: what the command recorded and the figures after it. */
    ObjectNode operation(String type) {
        ObjectNode answer = StubServer.JSON.createObjectNode().put("accountId", ID.toString())
                .put("balance", owed.negate().toPlainString()).put("depositBalance", deposits.toPlainString())
                .put("available", available().toPlainString()).put("status", status).put("version", version());
        answer.putArray("events").addObject().put("type", type);
        return answer;
    }
}
