package dev.ardoise.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The topic's name and the CloudEvents 1.0 binary-mode headers every record carries. */
public final class AccountEventsTopic {
    public static final String NAME = "account-events";
    public static final String SOURCE = "/ardoise/account-service";
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private AccountEventsTopic() {
    }

    /** The headers of the record that carries this event, in the order they are written. */
    public static Map<String, String> headers(RecordedEvent event) {
        return headers(event.eventId(), event.type(), event.accountId(), event.occurredAt());
    }

    public static Map<String, String> headers(UUID eventId, String type, UUID accountId, Instant occurredAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_ID, eventId.toString());
        headers.put(HEADER_TYPE, type);
        headers.put(HEADER_SOURCE, SOURCE);
        headers.put(HEADER_SUBJECT, accountId.toString());
        headers.put(HEADER_TIME, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
        headers.put(HEADER_SPEC_VERSION, SPEC_VERSION);
        headers.put(HEADER_CONTENT_TYPE, CONTENT_TYPE);
        return headers;
    }
}
