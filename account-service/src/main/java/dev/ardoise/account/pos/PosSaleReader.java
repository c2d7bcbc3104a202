package dev.ardoise.account.pos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.InputRules;
import dev.ardoise.account.domain.InvalidCommandException;
import dev.ardoise.events.PaymentTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a pos-sales message: the JSON value, with the record key as the account and CloudEvents headers
 * ({@code ce_subject} = saleId, {@code ce_id} = correlation) as fallbacks when the body does not say.
 */
final class PosSaleReader {
    private static final int MAX_ID_LENGTH = InputRules.MAX_KEY_LENGTH;
    /** Longer than any amount or quantity in bounds (InputRules, Money): a million digits take seconds to parse. */
    private static final int MAX_NUMBER_LENGTH = 40;

    private final ObjectReader json;

    PosSaleReader(ObjectMapper mapper) {
        // an amount sent as a JSON number is read as written, never through a double
        this.json = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
    }

    /**
     * @throws UnreadablePosSaleException when it cannot be answered: not a JSON object, or no saleId or account
     * @throws InvalidPosSaleException    (after saleId and account are known) when a field is wrong
     */
    PosSale read(String key, String value, Map<String, String> headers) {
        JsonNode body = parse(value);
        String saleId = text(body, "saleId", headers.get("ce_subject"));
        String accountId = text(body, "accountId", key);
        if (saleId == null) {
            throw new UnreadablePosSaleException("no saleId");
        }
        if (accountId == null) {
            throw new UnreadablePosSaleException("no accountId (in the value or as the record key)");
        }
        if (!isPlainId(saleId) || !isPlainId(accountId)) {
            throw new UnreadablePosSaleException("saleId or accountId is longer than " + MAX_ID_LENGTH
                    + " characters or has control characters");
        }
        return new PosSale(saleId, accountId, amount(body.get("amount"), "amount"), lines(body.get("lines")),
                terms(body), date(body), id(body, "holdId", null), id(body, "correlationId", headers.get("ce_id")));
    }

    /** The saleId and accountId of a message that failed later, to answer it; null when unreadable. */
    PosSale identify(String key, String value, Map<String, String> headers) {
        try {
            JsonNode body = parse(value);
            String saleId = text(body, "saleId", headers.get("ce_subject"));
            String accountId = text(body, "accountId", key);
            return saleId == null || accountId == null ? null
                    : new PosSale(saleId, accountId, null, List.of(), null, null, null, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private JsonNode parse(String value) {
        if (value == null || value.isBlank()) {
            throw new UnreadablePosSaleException("empty value");
        }
        try {
            JsonNode node = json.readTree(value);
            if (node == null || !node.isObject()) {
                throw new UnreadablePosSaleException("the value is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnreadablePosSaleException("the value is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String id(JsonNode body, String field, String fallback) {
        String id = text(body, field, fallback);
        if (id != null && !isPlainId(id)) {
            throw new InvalidPosSaleException(field, "is longer than " + MAX_ID_LENGTH
                    + " characters or has control characters");
        }
        return id;
    }

    private static boolean isPlainId(String id) {
        return InputRules.isPlainKey(id);
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return fallback == null || fallback.isBlank() ? null : fallback.strip();
        }
        return node.asText().strip();
    }

    private static BigDecimal amount(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new InvalidPosSaleException(field, "is longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidPosSaleException(field, "is not an amount");
        }
    }

    /** The lines as sent; their fields are checked by the domain (InputRules), as an HTTP charge's. */
    private static List<ChargeSale.SaleLine> lines(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidPosSaleException("lines", "is not an array");
        }
        try {
            InputRules.lineCount(node.size());
        } catch (InvalidCommandException e) {
            throw new InvalidPosSaleException(e.field(), e.reason());
        }
        List<ChargeSale.SaleLine> lines = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode line = node.get(i);
            String prefix = "lines[" + i + "].";
            if (!line.isObject()) {
                throw new InvalidPosSaleException("lines[" + i + "]", "is not an object");
            }
            lines.add(new ChargeSale.SaleLine(text(line, "description", null),
                    amount(line.get("quantity"), prefix + "quantity"), amount(line.get("unitPrice"), prefix + "unitPrice"),
                    amount(line.get("tax"), prefix + "tax")));
        }
        return lines;
    }

    private static PaymentTerms terms(JsonNode body) {
        String terms = text(body, "terms", null);
        try {
            return terms == null ? null : PaymentTerms.valueOf(terms);
        } catch (IllegalArgumentException e) {
            throw new InvalidPosSaleException("terms", "must be DUE_ON_RECEIPT, NET_15, NET_30, NET_60 or CUSTOM");
        }
    }

    private static LocalDate date(JsonNode body) {
        String date = text(body, "dueDate", null);
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidPosSaleException("dueDate", "is not an ISO-8601 date");
        }
    }
}
