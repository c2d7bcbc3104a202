package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One of the account's invoices: number, status, dates, amount, what is still owed and how many days past due. */
public record InvoiceLine(String invoiceId, String invoiceNumber, Word status, String issuedOn, String dueDate,
                          String amount, String owed, long daysPastDue) {

    static InvoiceLine of(JsonNode invoice, LocalDate today) {
        String dueDate = Json.text(invoice, "dueDate");
        String owed = Json.text(invoice, "owed");
        String status = Json.text(invoice, "status");
        boolean stillOwed = owed != null && new BigDecimal(owed).signum() > 0 && !"WRITTEN_OFF".equals(status);
        long late = stillOwed && dueDate != null ? ChronoUnit.DAYS.between(LocalDate.parse(dueDate), today) : 0;
        return new InvoiceLine(Json.text(invoice, "invoiceId"), Json.text(invoice, "invoiceNumber"),
                Word.of("invoice_", status, Words.INVOICE_STATUSES), Json.text(invoice, "issuedOn"), dueDate,
                Json.text(invoice, "amount"), owed, Math.max(0, late));
    }

    /** The name of its resend form (whose key comes back with a refusal). */
    public String resendForm() {
        return "resend-" + invoiceId;
    }

    /** The id as a path segment of the resend form's address. */
    public String pathId() {
        return URLEncoder.encode(invoiceId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether something is still owed on it. */
    public boolean owing() {
        return owed != null && new BigDecimal(owed).signum() > 0;
    }
}
