package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * notification-service for the back office's tests: Marie's emails (an invoice sent, a reminder skipped for want
 * of consent), a resend keyed by its Idempotency-Key (202, then 200 for the same key) and a statement per period
 * (202, then 200 for the same period), each a manager's; Marie's invoice and statement PDFs.
 */
class NotificationServiceStub extends StubServer {
    private final Set<String> asked = new HashSet<>();

    @Override
    void reset() {
        asked.clear();
    }

    @Override
    Answer answer(Request request) {
        String[] path = request.segments();
        if (request.method().equals("GET") && path[0].equals("notifications")) {
            return emails(request);
        }
        if (request.method().equals("GET") && path[path.length - 1].matches("pdf|statement\\.pdf")) {
            return pdf(request, path);
        }
        if (!request.has("MANAGER")) {
            return Answer.forbidden();
        }
        if (path.length == 3 && path[0].equals("invoices") && path[2].equals("resend")) {
            return path[1].startsWith(Marie.ID.toString()) && request.worksFor("MAIN")
                    ? once("resend:" + request.idempotencyKey(), "INVOICE") : Answer.notFound("invoice");
        }
        if (path.length == 3 && path[0].equals("accounts") && path[2].equals("statements")) {
            if (!request.body().path("to").asText().isEmpty()
                    && !LocalDate.parse(request.body().path("to").asText()).isBefore(LocalDate.now())) {
                return Answer.problem(422, "period-not-ended", "Period not ended", "to: the period has not ended");
            }
            return AccountServiceStub.isAccount(path[1]) && request.worksFor("MAIN")
                    ? once("statement:" + request.body().path("from").asText() + "/" + request.body().path("to")
                    .asText(), "STATEMENT") : Answer.notFound("account");
        }
        return Answer.notFound("resource");
    }

    /** Marie's invoice and statement PDFs (their bytes name what was asked), for a manager or a viewer of MAIN. */
    private static Answer pdf(Request request, String[] path) {
        if (!request.has("MANAGER") && !request.has("VIEWER")) {
            return Answer.forbidden();
        }
        if (path.length == 3 && path[0].equals("invoices") && path[1].startsWith(Marie.ID.toString())
                && request.worksFor("MAIN")) {
            String number = path[1].substring(Marie.ID.toString().length() + 1);
            return Answer.file(pdfOf(path[1]), "application/pdf", "attachment; filename=\"" + number + ".pdf\"");
        }
        if (path.length == 3 && path[0].equals("accounts") && AccountServiceStub.isAccount(path[1])
                && request.worksFor("MAIN")) {
            String period = request.query().get("from") + "-" + request.query().get("to");
            return Answer.file(pdfOf(period), "application/pdf",
                    "attachment; filename=\"statement-" + period + ".pdf\"");
        }
        return Answer.notFound(path[0].equals("invoices") ? "invoice" : "account");
    }

    static byte[] pdfOf(String what) {
        return ("%PDF-1.7\n% " + what + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private Answer once(String key, String kind) {
        ObjectNode email = email(kind, "PENDING", null).put("requestedBy", "anne").put("requestedByRole", "MANAGER");
        return Answer.json(asked.add(key) ? 202 : 200, email);
    }

    private Answer emails(Request request) {
        ObjectNode page = JSON.createObjectNode().put("page", 0).put("size", 20);
        ArrayNode items = page.putArray("items");
        if (Marie.ID.toString().equals(request.query().get("accountId")) && request.worksFor("MAIN")) {
            items.add(email("REMINDER", "SKIPPED", "NO_CONSENT").put("invoiceNumber", "MAIN-000001"));
            items.add(email("INVOICE", "SENT", null).put("invoiceNumber", "MAIN-000002")
                    .put("recipient", Marie.EMAIL).put("sentAt", "2026-11-20T15:01:00Z"));
        }
        page.put("total", items.size());
        return Answer.json(200, page);
    }

    private static ObjectNode email(String kind, String status, String reason) {
        return JSON.createObjectNode().put("notificationId", UUID.randomUUID().toString())
                .put("accountId", Marie.ID.toString()).put("kind", kind).put("status", status).put("reason", reason)
                .put("attempts", 0).put("language", "fr-CA").put("createdAt", "2026-11-20T15:00:00Z");
    }
}
