package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.services.EventTypes;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One event of the account's history, as the back office tells it: when, what (the event in words, its amount,
 * invoice and kind of payment or deposit), who (user, role, register, store) and why (the reason or the reason
 * code and note, when the event has one).
 */
public record HistoryEntry(long version, String occurredAt, Word what, String amount, String previousAmount,
                           String invoiceNumber, Word kind, String reference, String user, Word role,
                           String register, String store, String why) {

    static HistoryEntry of(JsonNode event) {
        JsonNode data = event.path("data");
        JsonNode actor = event.path("metadata").path("actor");
        String type = Json.text(event, "type");
        boolean limit = "CreditLimitSet".equals(type);
        return new HistoryEntry(event.path("version").asLong(), Json.text(event, "occurredAt"),
                Word.of(EventTypes.KEY_PREFIX, type, EventTypes.NAMES),
                limit ? Json.text(data, "creditLimit") : Json.text(data, "amount"),
                limit ? Json.text(data, "previousCreditLimit") : null,
                Json.text(data, "invoiceNumber"), kind(data), Json.text(data, "reference"),
                Json.text(actor, "userId"), Word.of("role_", Json.text(actor, "role"), Words.ROLES),
                Json.text(actor, "registerId"), Json.text(actor, "storeId"), why(data));
    }

    /** The kind of payment, deposit, adjustment or credit note, when the event says one. */
    private static Word kind(JsonNode data) {
        Word method = Word.of("method_", Json.text(data, "method"), Words.PAYMENT_METHODS);
        Word purpose = Word.of("purpose_", Json.text(data, "purpose"), Words.DEPOSIT_PURPOSES);
        Word direction = Word.of("direction_", Json.text(data, "direction"), Words.DIRECTIONS);
        Word origin = Word.of("origin_", Json.text(data, "origin"), Words.CREDIT_NOTE_ORIGINS);
        return Stream.of(method, purpose, direction, origin).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The reason, or the reason code and the note, as the user who caused the event gave them. */
    private static String why(JsonNode data) {
        String joined = Stream.of(Json.text(data, "reason"), Json.text(data, "reasonCode"), Json.text(data, "note"))
                .filter(Objects::nonNull).collect(Collectors.joining(" — "));
        return joined.isEmpty() ? null : joined;
    }
}
