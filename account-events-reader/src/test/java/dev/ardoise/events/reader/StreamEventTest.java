package dev.ardoise.events.reader;

import dev.ardoise.events.MalformedEventException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamEventTest {

    @Test
    void an_event_of_an_unknown_type_keeps_its_place_in_the_stream() {
        UUID accountId = UUID.randomUUID();
        String body = """
                {"eventId":"%s","type":"HoldPlaced","accountId":"%s","version":4,"occurredAt":"2026-11-29T10:00:00Z","data":{}}
                """.formatted(UUID.randomUUID(), accountId);

        StreamEvent event = StreamEvent.read(body);

        assertEquals(accountId, event.accountId());
        assertEquals(4, event.version());
        assertTrue(event.event().isEmpty());
        assertEquals(body, event.body());
    }

    @Test
    void a_record_that_is_not_an_account_event_is_malformed() {
        assertThrows(MalformedEventException.class, () -> StreamEvent.read("not json"));
    }

    @Test
    void a_version_of_0_or_that_is_not_a_whole_number_makes_the_record_malformed() {
        for (String version : new String[] {"0", "-3", "\"seven\"", "\"7\"", "2.5", "true", "null", "{}",
                "99999999999999999999"}) {
            String body = """
                    {"eventId":"%s","type":"DepositAdded","accountId":"%s","version":%s,"occurredAt":"2026-11-29T10:00:00Z",\
                    "data":{"depositId":"d-1","amount":"15.00","purpose":"LAYAWAY"}}
                    """.formatted(UUID.randomUUID(), UUID.randomUUID(), version);
            MalformedEventException malformed = assertThrows(MalformedEventException.class,
                    () -> StreamEvent.read(body), version);
            assertTrue(malformed.getMessage().contains("version"), malformed.getMessage());
        }
    }

    @Test
    void an_event_of_an_unknown_type_with_version_0_is_malformed_too() {
        String body = """
                {"eventId":"%s","type":"HoldPlaced","accountId":"%s","version":0,"occurredAt":"2026-11-29T10:00:00Z","data":{}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());
        assertThrows(MalformedEventException.class, () -> StreamEvent.read(body));
    }
}
