package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One email of the account: what it was (an invoice, a reminder, a statement), what became of it (sent, skipped
 * and why, waiting, failed and the last error) and when, and who asked for it when a manager did.
 */
public record EmailLine(Word kind, String invoiceNumber, String periodFrom, String periodTo, Word status,
                        Word skipReason, String lastError, int attempts, String createdAt, String sentAt,
                        String requestedBy) {

    static EmailLine of(JsonNode email) {
        return new EmailLine(Word.of("email_kind_", Json.text(email, "kind"), Words.EMAIL_KINDS),
                Json.text(email, "invoiceNumber"), Json.text(email, "periodFrom"), Json.text(email, "periodTo"),
                Word.of("email_status_", Json.text(email, "status"), Words.EMAIL_STATUSES),
                Word.of("skip_", Json.text(email, "reason"), Words.SKIP_REASONS), Json.text(email, "lastError"),
                email.path("attempts").asInt(), Json.text(email, "createdAt"), Json.text(email, "sentAt"),
                Json.text(email, "requestedBy"));
    }

    public boolean failed() {
        return "FAILED".equals(status == null ? null : status.raw());
    }
}
