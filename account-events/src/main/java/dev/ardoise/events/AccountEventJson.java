package dev.ardoise.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON form of a recorded event, the body of every record on {@code account-events}:
 * <pre>{"eventId":"…","type":"SaleCharged","accountId":"…","version":3,"occurredAt":"…",
 *  "metadata":{"actor":{"role":"CASHIER","userId":"…","registerId":"…","storeId":"…"},"correlationId":"…",
 *              "command":{"firstVersion":3,"lastVersion":4}},
 *  "data":{…}}</pre>
 * Amounts are strings with the currency's decimals ({@code "700.00"}), dates ISO-8601. Unknown fields are
 * ignored so that events may grow.
 */
public final class AccountEventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new AmountAsString()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Map<String, Class<?>> TYPES = Arrays.stream(AccountEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private AccountEventJson() {
    }

    public static String write(RecordedEvent event) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("eventId", event.eventId().toString())
                .put("type", event.type())
                .put("accountId", event.accountId().toString())
                .put("version", event.version())
                .put("occurredAt", event.occurredAt().toString());
        body.set("metadata", MAPPER.valueToTree(event.metadata()));
        body.set("data", MAPPER.valueToTree(event.data()));
        return body.toString();
    }

    /** The event's own JSON, without the envelope (what the event store keeps per version). */
    public static String writeData(AccountEvent event) {
        return MAPPER.valueToTree(event).toString();
    }

    /**
     * Reads a record's body.
     *
     * @throws MalformedEventException   when it is not an account event (dead-letter it)
     * @throws UnknownEventTypeException when it is well formed but of a type this version does not know
     */
    public static RecordedEvent read(String json) {
        JsonNode body = parse(json);
        UUID eventId = uuid(body, "eventId");
        UUID accountId = uuid(body, "accountId");
        long version = version(body);
        String type = required(body, "type").asText();
        Instant occurredAt = instant(body);
        EventMetadata metadata = metadata(body);
        if (metadata.command() != null && !metadata.command().contains(version)) {
            throw new MalformedEventException("metadata.command does not hold the event's version " + version, null);
        }
        return new RecordedEvent(eventId, accountId, version, occurredAt, metadata,
                readData(type, required(body, "data"), accountId, version));
    }

    /** The metadata's JSON, as the event store keeps it next to the event. */
    public static String writeMetadata(EventMetadata metadata) {
        return MAPPER.valueToTree(metadata).toString();
    }

    /** Reads metadata as the event store keeps it; null or blank reads as {@link EventMetadata#UNRECORDED}. */
    public static EventMetadata readMetadata(String json) {
        return json == null || json.isBlank() ? EventMetadata.UNRECORDED : metadataOf(parse(json));
    }

    /** Reads an event's own JSON, as stored by the event store. */
    public static AccountEvent readData(String type, String json) {
        return readData(type, parse(json), null, 0);
    }

    private static AccountEvent readData(String type, JsonNode data, UUID accountId, long version) {
        Class<?> eventClass = TYPES.get(type);
        if (eventClass == null) {
            throw new UnknownEventTypeException(type, accountId, version);
        }
        try {
            return (AccountEvent) MAPPER.treeToValue(data, eventClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data is not a valid " + type + ": " + rootMessage(e), e);
        }
    }

    private static EventMetadata metadata(JsonNode body) {
        JsonNode node = body.get("metadata");
        return node == null || node.isNull() ? EventMetadata.UNRECORDED : metadataOf(node);
    }

    private static EventMetadata metadataOf(JsonNode node) {
        try {
            return MAPPER.treeToValue(node, EventMetadata.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("metadata is not valid: " + rootMessage(e), e);
        }
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty body", null);
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (!node.isObject()) {
                throw new MalformedEventException("body is not a JSON object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode required(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedEventException("missing field " + field, null);
        }
        return node;
    }

    /** A whole number from 1: versions count an account's events. Not "3", 2.5 or true, which asLong would take. */
    private static long version(JsonNode body) {
        JsonNode version = required(body, "version");
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1) {
            throw new MalformedEventException("version is not a whole number of 1 or more", null);
        }
        return version.asLong();
    }

    private static UUID uuid(JsonNode body, String field) {
        try {
            return UUID.fromString(required(body, field).asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a UUID", e);
        }
    }

    private static Instant instant(JsonNode body) {
        try {
            return Instant.parse(required(body, "occurredAt").asText());
        } catch (RuntimeException e) {
            throw new MalformedEventException("occurredAt is not an ISO-8601 instant", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static final class AmountAsString extends StdSerializer<BigDecimal> {
        AmountAsString() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}
