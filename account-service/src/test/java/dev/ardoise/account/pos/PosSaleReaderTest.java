package dev.ardoise.account.pos;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.events.PaymentTerms;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a pos-sales message must hold to be answered, and what sends it to the dead-letter topic. */
class PosSaleReaderTest {
    private final PosSaleReader reader = new PosSaleReader(new ObjectMapper());

    @Test
    void reads_every_field_of_a_sale() {
        PosSale sale = reader.read("acc-key", """
                {"saleId":"R1-1","accountId":"acc-1","amount":"57.48","terms":"CUSTOM","dueDate":"2026-12-31",
                 "lines":[{"description":"Paint","quantity":2,"unitPrice":"24.99","tax":"7.50"}],
                 "holdId":"H-1","storeId":"MAIN","registerId":"R1","userId":"cashier-1","correlationId":"c-1"}""",
                Map.of());

        assertEquals("acc-1", sale.accountId());
        assertEquals(new BigDecimal("57.48"), sale.amount());
        assertEquals(PaymentTerms.CUSTOM, sale.terms());
        assertEquals(LocalDate.of(2026, 12, 31), sale.dueDate());
        assertEquals(new BigDecimal("7.50"), sale.lines().get(0).tax());
        assertEquals("H-1", sale.holdId());
        assertEquals("c-1", sale.correlationId());
    }

    @Test
    void an_amount_sent_as_a_json_number_is_read_exactly_as_written() {
        PosSale sale = reader.read("k", """
                {"saleId":"R1-3","amount":1234567890123.45,
                 "lines":[{"description":"Paint","quantity":1,"unitPrice":0.10,"tax":12345678901.234567}]}""",
                Map.of());

        assertEquals(new BigDecimal("1234567890123.45"), sale.amount());
        assertEquals(new BigDecimal("0.10"), sale.lines().get(0).unitPrice());
        assertEquals(new BigDecimal("12345678901.234567"), sale.lines().get(0).tax());
    }

    @Test
    void the_record_key_and_cloud_events_headers_fill_what_the_body_leaves_out() {
        PosSale sale = reader.read("acc-key", "{\"amount\":\"1.00\"}", Map.of("ce_subject", "R1-2", "ce_id", "ce-9"));

        assertEquals("R1-2", sale.saleId());
        assertEquals("acc-key", sale.accountId());
        assertEquals("ce-9", sale.correlationId());
        assertNull(sale.terms());
    }

    @Test
    void what_cannot_be_answered_is_unreadable() {
        assertTrue(assertThrows(UnreadablePosSaleException.class, () -> reader.read("k", "not json", Map.of()))
                .getMessage().contains("not JSON"));
        assertThrows(UnreadablePosSaleException.class, () -> reader.read("k", "[1,2]", Map.of()));
        assertThrows(UnreadablePosSaleException.class, () -> reader.read("k", "", Map.of()));
        assertTrue(assertThrows(UnreadablePosSaleException.class,
                () -> reader.read("k", "{\"amount\":\"1.00\"}", Map.of())).getMessage().contains("saleId"));
        assertThrows(UnreadablePosSaleException.class, () -> reader.read(null, "{\"saleId\":\"s\"}", Map.of()));
    }

    @Test
    void a_wrong_field_of_a_known_sale_is_invalid_naming_the_field() {
        assertTrue(assertThrows(InvalidPosSaleException.class, () -> reader.read("k",
                "{\"saleId\":\"s\",\"amount\":\"ten\"}", Map.of())).getMessage().startsWith("amount"));
        assertTrue(assertThrows(InvalidPosSaleException.class, () -> reader.read("k",
                "{\"saleId\":\"s\",\"amount\":\"1\",\"terms\":\"NET_7\"}", Map.of())).getMessage().startsWith("terms"));
        assertTrue(assertThrows(InvalidPosSaleException.class, () -> reader.read("k",
                "{\"saleId\":\"s\",\"amount\":\"1\",\"dueDate\":\"soon\"}", Map.of())).getMessage()
                .startsWith("dueDate"));
        assertTrue(assertThrows(InvalidPosSaleException.class, () -> reader.read("k",
                "{\"saleId\":\"s\",\"amount\":\"1\",\"lines\":[\"x\"]}", Map.of())).getMessage()
                .startsWith("lines[0]"));
        assertTrue(assertThrows(InvalidPosSaleException.class, () -> reader.read("k",
                "{\"saleId\":\"s\",\"amount\":\"" + "9".repeat(100_000) + "\"}", Map.of())).getMessage()
                .startsWith("amount"));
    }

    @Test
    void a_line_is_read_as_sent_and_its_fields_are_left_to_the_rules_every_edge_shares() {
        PosSale sale = reader.read("k", "{\"saleId\":\"s\",\"amount\":\"1\",\"lines\":[{\"description\":\"x\"}]}",
                Map.of());
        assertEquals("x", sale.lines().get(0).description());
        assertNull(sale.lines().get(0).quantity());
    }

    @Test
    void the_bodys_store_register_and_user_are_not_read_and_a_control_character_in_an_id_is_refused() {
        PosSale sale = reader.read("k", "{\"saleId\":\"s\",\"amount\":\"1\",\"storeId\":\"MAIN \\u0000\","
                + "\"registerId\":\"R\\u0000\",\"userId\":\"boss\"}", Map.of());
        assertEquals("s", sale.saleId());
        assertThrows(UnreadablePosSaleException.class, () -> reader.read("k",
                "{\"saleId\":\"s\\u0000\",\"amount\":\"1\"}", Map.of()));
    }
}
