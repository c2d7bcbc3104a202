package dev.ardoise.console.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.events.AccountEventsTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Reads a record of account-events as the catalogue defines it (docs/event-catalogue.md): the event's type, account
 * and version in the body (else the {@code ce_type} header and the key), its store in {@code data.storeId} (the
 * events that name one) or else {@code metadata.actor.storeId}, its amount in {@code data.amount} (or the new limit of
 * {@code CreditLimitSet}). A record that is not such an event is refused with a reason that quotes nothing of it.
 */
final class FeedEvents {
    private static final Pattern TYPE = Pattern.compile("[A-Za-z]{1,60}");
    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int LONGEST_AMOUNT = 40;

    private final ObjectMapper json;
    private final StoresSeen stores;

    FeedEvents(ObjectMapper json, StoresSeen stores) {
        this.json = json;
        this.stores = stores;
    }

    /** Not an account event; the reason names what is wrong, never the record's content. */
    static final class NotAnEvent extends Exception {
        NotAnEvent(String reason) {
            super(reason, null, false, false);
        }
    }

    FeedEvent read(ConsumerRecord<String, String> record) throws NotAnEvent {
        JsonNode body = body(record.value());
        String type = text(body.get("type"), header(record, AccountEventsTopic.HEADER_TYPE));
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new NotAnEvent("no event type");
        }
        String accountId = text(body.get("accountId"), record.key());
        if (accountId == null || !TEXT.matcher(accountId).matches()) {
            throw new NotAnEvent("no account id");
        }
        JsonNode data = body.path("data");
        String store = store(accountId, data, body.path("metadata").path("actor"));
        return new FeedEvent(eventId(record, body), type, accountId, store, amount(data),
                body.path("version").asLong(0), text(body.get("occurredAt"), null),
                Instant.ofEpochMilli(record.timestamp()).toString());
    }

    /** The event's id (the page shows each once), else the record's place, which is as unique. */
    private static String eventId(ConsumerRecord<String, String> record, JsonNode body) {
        String id = text(body.get("eventId"), header(record, AccountEventsTopic.HEADER_ID));
        return id != null && TEXT.matcher(id).matches() ? id : record.partition() + "-" + record.offset();
    }

    private JsonNode body(String value) throws NotAnEvent {
        if (value == null) {
            throw new NotAnEvent("no value");
        }
        try {
            JsonNode body = json.readTree(value);
            if (body == null || !body.isObject()) {
                throw new NotAnEvent("not a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new NotAnEvent("not JSON");
        }
    }

    private String store(String accountId, JsonNode data, JsonNode actor) {
        String named = text(data.get("storeId"), text(actor.get("storeId"), null));
        if (named != null && TEXT.matcher(named).matches()) {
            stores.remember(accountId, named);
            return named;
        }
        return stores.of(accountId);
    }

    private static String amount(JsonNode data) {
        String amount = text(data.get("amount"), text(data.get("creditLimit"), null));
        if (amount == null || amount.length() > LONGEST_AMOUNT) {
            return null;
        }
        try {
            return new BigDecimal(amount).toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String otherwise) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : otherwise;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
