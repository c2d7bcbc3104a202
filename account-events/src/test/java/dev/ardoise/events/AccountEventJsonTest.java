package dev.ardoise.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountEventJsonTest {

    private static final UUID ACCOUNT = UUID.fromString("6d1f0c4e-2b9a-4c57-9f43-1a2b3c4d5e6f");

    @Test
    void a_sale_charged_survives_the_round_trip_with_exact_amounts() {
        SaleCharged sale = new SaleCharged("sale-1", "inv-1", "MAIN-000001", new BigDecimal("400.00"),
                List.of(new InvoiceLine("Paint, 4 L", new BigDecimal("2"), new BigDecimal("200.00"),
                        new BigDecimal("400.00"))),
                PaymentTerms.NET_30, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 29), "MAIN", "R1");
        RecordedEvent event = new RecordedEvent(UUID.randomUUID(), ACCOUNT, 3, Instant.parse("2026-11-29T10:15:30Z"),
                AccountEventSamples.METADATA, sale);

        String json = AccountEventJson.write(event);

        assertTrue(json.contains("\"amount\":\"400.00\""), json);
        assertTrue(json.contains("\"type\":\"SaleCharged\""), json);
        assertTrue(json.contains("\"dueDate\":\"2026-12-29\""), json);
        assertEquals(event, AccountEventJson.read(json));
    }

    @Test
    void every_event_type_survives_the_round_trip_with_its_metadata() {
        for (AccountEvent sample : AccountEventSamples.oneOfEach()) {
            RecordedEvent event = new RecordedEvent(UUID.randomUUID(), ACCOUNT, 4,
                    Instant.parse("2026-11-29T10:15:30Z"), AccountEventSamples.METADATA, sample);

            String json = AccountEventJson.write(event);

            assertEquals(event, AccountEventJson.read(json), json);
            assertTrue(json.contains("\"correlationId\":\"corr-42\""), json);
            assertTrue(json.contains("\"role\":\"MANAGER\""), json);
        }
    }

    @Test
    void an_envelope_written_before_metadata_existed_reads_as_unrecorded() {
        String json = """
                {"eventId":"%s","type":"AccountSuspended","accountId":"%s","version":2,"occurredAt":"2026-11-29T10:00:00Z",
                 "data":{"reason":"moved away"}}
                """.formatted(UUID.randomUUID(), ACCOUNT);

        assertEquals(EventMetadata.UNRECORDED, AccountEventJson.read(json).metadata());
    }

    @Test
    void fields_added_by_a_newer_producer_are_ignored() {
        String json = """
                {"eventId":"%s","type":"DepositAdded","accountId":"%s","version":2,"occurredAt":"2026-11-29T10:00:00Z",
                 "data":{"depositId":"d-1","amount":"200.00","purpose":"LAYAWAY","reference":null,"channel":"web"}}
                """.formatted(UUID.randomUUID(), ACCOUNT);

        DepositAdded deposit = (DepositAdded) AccountEventJson.read(json).data();

        assertEquals(new BigDecimal("200.00"), deposit.amount());
        assertEquals(DepositPurpose.LAYAWAY, deposit.purpose());
    }

    @Test
    void an_unknown_type_is_told_apart_from_a_malformed_body_and_keeps_its_version() {
        String json = """
                {"eventId":"%s","type":"LoyaltyPointsEarned","accountId":"%s","version":7,"occurredAt":"2026-11-29T10:00:00Z","data":{}}
                """.formatted(UUID.randomUUID(), ACCOUNT);

        UnknownEventTypeException unknown = assertThrows(UnknownEventTypeException.class, () -> AccountEventJson.read(json));

        assertEquals("LoyaltyPointsEarned", unknown.type());
        assertEquals(7, unknown.version());
        assertEquals(ACCOUNT, unknown.accountId());
    }

    @Test
    void bodies_that_are_not_account_events_are_malformed() {
        assertThrows(MalformedEventException.class, () -> AccountEventJson.read("not json"));
        assertThrows(MalformedEventException.class, () -> AccountEventJson.read("[]"));
        assertThrows(MalformedEventException.class, () -> AccountEventJson.read("{\"type\":\"SaleCharged\"}"));
        String missingAmount = """
                {"eventId":"%s","type":"DepositAdded","accountId":"%s","version":2,"occurredAt":"2026-11-29T10:00:00Z",
                 "data":{"depositId":"d-1","purpose":"OTHER"}}
                """.formatted(UUID.randomUUID(), ACCOUNT);
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> AccountEventJson.read(missingAmount));
        assertTrue(e.getMessage().contains("amount"), e.getMessage());
    }

    @Test
    void the_events_of_one_command_carry_its_versions_through_the_round_trip() {
        EventMetadata metadata = AccountEventSamples.METADATA.withCommand(new CommandVersions(3, 4));
        RecordedEvent deposit = new RecordedEvent(UUID.randomUUID(), ACCOUNT, 4, Instant.parse("2026-11-29T10:15:30Z"),
                metadata, new AccountSuspended("moved away"));

        String json = AccountEventJson.write(deposit);

        assertTrue(json.contains("\"command\":{\"firstVersion\":3,\"lastVersion\":4}"), json);
        RecordedEvent read = AccountEventJson.read(json);
        assertEquals(deposit, read);
        assertEquals(new CommandVersions(3, 4), read.command());
        assertEquals(metadata, AccountEventJson.readMetadata(AccountEventJson.writeMetadata(metadata)));
    }

    @Test
    void an_event_recorded_before_commands_reads_as_a_command_of_its_own() {
        String json = """
                {"eventId":"%s","type":"AccountSuspended","accountId":"%s","version":7,"occurredAt":"2026-11-29T10:00:00Z",
                 "metadata":{"actor":{"role":"MANAGER","userId":"mgr-anne"},"correlationId":"corr-1"},
                 "data":{"reason":"moved away"}}
                """.formatted(UUID.randomUUID(), ACCOUNT);

        RecordedEvent read = AccountEventJson.read(json);

        assertEquals(new CommandVersions(7, 7), read.command());
        assertEquals(new CommandVersions(2, 2), AccountEventJson.read(json.replace("\"version\":7", "\"version\":2"))
                .command());
        assertEquals(new CommandVersions(5, 5), new RecordedEvent(UUID.randomUUID(), ACCOUNT, 5, Instant.EPOCH,
                EventMetadata.UNRECORDED, new AccountSuspended("moved away")).command());
        assertTrue(!AccountEventJson.writeMetadata(AccountEventSamples.METADATA).contains("command"));
    }

    @Test
    void a_command_that_does_not_hold_the_event_or_runs_backwards_is_malformed() {
        String outside = """
                {"eventId":"%s","type":"AccountSuspended","accountId":"%s","version":7,"occurredAt":"2026-11-29T10:00:00Z",
                 "metadata":{"actor":{"role":"MANAGER"},"correlationId":"c",
                             "command":{"firstVersion":3,"lastVersion":4}},
                 "data":{"reason":"moved away"}}
                """.formatted(UUID.randomUUID(), ACCOUNT);
        String backwards = outside.replace("\"firstVersion\":3,\"lastVersion\":4",
                "\"firstVersion\":8,\"lastVersion\":6");

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> AccountEventJson.read(outside));
        assertTrue(e.getMessage().contains("command"), e.getMessage());
        assertThrows(MalformedEventException.class, () -> AccountEventJson.read(backwards));
    }
}
