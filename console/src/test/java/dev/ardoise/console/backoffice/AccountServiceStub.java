package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * account-service for the back office's tests: Marie's account (and EAST's, of another store: 404 to MAIN, as a
 * missing one), found by email case ignored, her history a page at a time, and the manager's commands with
 * account-service's roles, keys and refusals.
 */
class AccountServiceStub extends StubServer {
    private final Marie marie;

    AccountServiceStub(Marie marie) {
        this.marie = marie;
    }

    @Override
    void reset() {
        marie.reset();
    }

    @Override
    Answer answer(Request request) {
        String[] path = request.segments();
        if (!path[0].equals("accounts")) {
            return Answer.notFound("resource");
        }
        if (path.length == 2 && path[1].equals("by-email") && request.method().equals("GET")) {
            return byEmail(request);
        }
        if (!request.worksFor("MAIN") || !path[1].equals(Marie.ID.toString())) {
            return Answer.notFound("credit account");
        }
        String what = path.length == 2 ? "" : path[2];
        return switch (request.method() + " " + what) {
            case "GET " -> Answer.json(200, marie.account());
            case "GET events" -> history(request);
            case "PUT credit-limit" -> managers(request, () -> setLimit(request.body()));
            case "POST payments" -> settled(request, "paymentId", "PaymentReceived", -1);
            case "POST deposits" -> deposited(request);
            case "POST suspension" -> managers(request, () -> status("SUSPENDED", "AccountSuspended"));
            case "DELETE suspension" -> managers(request, () -> status("OPEN", "AccountReactivated"));
            case "POST closure" -> managers(request, () -> Answer.problem(422, "account-not-closable",
                    "Refused: account not closable", "the account can be closed only with nothing owed, nothing "
                            + "held and no deposit left (return it first); owed " + marie.owed + ", held 0.00, "
                            + "deposit " + marie.deposits));
            default -> Answer.notFound("resource");
        };
    }

    private Answer byEmail(Request request) {
        String email = request.query().get("email");
        if (email == null || !email.contains("@")) {
            return Answer.invalid("email", "must be an email address");
        }
        ArrayNode found = JSON.createArrayNode();
        if (request.worksFor("MAIN") && email.equalsIgnoreCase(Marie.EMAIL)) {
            found.add(marie.account());
            found.add(marie.shopAccount());
        }
        return Answer.json(200, found);
    }

    private Answer history(Request request) {
        long after = Long.parseLong(request.query().getOrDefault("after", "0"));
        int limit = Integer.parseInt(request.query().getOrDefault("limit", "100"));
        ArrayNode page = JSON.createArrayNode();
        for (JsonNode event : marie.events) {
            long version = event.path("version").asLong();
            if (version > after && version <= after + limit) {
                page.add(event);
            }
        }
        return Answer.json(200, page);
    }

    private Answer setLimit(JsonNode body) {
        BigDecimal limit = new BigDecimal(body.path("creditLimit").asText()).setScale(2);
        if (limit.compareTo(marie.limit) != 0) {
            marie.event("CreditLimitSet", "anne", "MANAGER", null).put("creditLimit", limit.toPlainString())
                    .put("previousCreditLimit", marie.limit.toPlainString());
            marie.limit = limit;
        }
        return Answer.json(200, marie.account());
    }

    private Answer status(String to, String event) {
        if (!to.equals(marie.status)) {
            marie.event(event, "anne", "MANAGER", null).putNull("reason");
            marie.status = to;
        }
        return Answer.json(200, marie.account());
    }

    /** A payment: keyed by its id, never recorded twice; the same key with another amount is a conflict. */
    private Answer settled(Request request, String keyField, String event, int direction) {
        String key = request.body().path(keyField).asText();
        BigDecimal amount = new BigDecimal(request.body().path("amount").asText()).setScale(2);
        String first = key + "/" + amount.toPlainString();
        if (marie.keys.containsKey(first)) {
            return Answer.json(201, marie.operation(event)).with("Idempotent-Replayed", "true");
        }
        if (marie.keys.keySet().stream().anyMatch(used -> used.startsWith(key + "/"))) {
            return Answer.problem(409, "idempotency-key-reused", "Idempotency key reused",
                    keyField + " " + key + " was used for another request");
        }
        marie.event(event, request.claims().path("sub").asText(), "MANAGER", null).put(keyField, key)
                .put("amount", amount.toPlainString()).put("method", request.body().path("method").asText());
        marie.owed = marie.owed.add(amount.multiply(BigDecimal.valueOf(direction))).max(BigDecimal.ZERO.setScale(2));
        marie.keys.put(first, marie.version());
        return Answer.json(201, marie.operation(event)).with("Idempotent-Replayed", "false");
    }

    private Answer deposited(Request request) {
        String key = request.body().path("depositId").asText();
        BigDecimal amount = new BigDecimal(request.body().path("amount").asText()).setScale(2);
        if (!marie.keys.containsKey(key)) {
            marie.event("DepositAdded", request.claims().path("sub").asText(), "MANAGER", null)
                    .put("depositId", key).put("amount", amount.toPlainString())
                    .put("purpose", request.body().path("purpose").asText("OTHER"));
            marie.deposits = marie.deposits.add(amount);
            marie.keys.put(key, marie.version());
        }
        return Answer.json(201, JSON.createObjectNode().put("accountId", Marie.ID.toString()).put("depositId", key)
                .put("amount", amount.toPlainString()).put("depositBalance", marie.deposits.toPlainString())
                .put("version", marie.version()));
    }

    private static Answer managers(Request request, java.util.function.Supplier<Answer> command) {
        return request.has("MANAGER") ? command.get() : Answer.forbidden();
    }

    static boolean isAccount(String id) {
        try {
            return UUID.fromString(id).equals(Marie.ID);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
