package dev.ardoise.console.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The form fields a person types, read as the services' bounds allow, or refused naming the field. */
class FormInputTest {

    @Test
    void an_amount_is_read_as_typed_in_english_or_french_and_kept_exact() {
        assertEquals("1500", FormInput.limit("creditLimit", "1500"));
        assertEquals("1500.5", FormInput.positiveAmount("amount", "1500.5"));
        assertEquals("1500.50", FormInput.positiveAmount("amount", "1 500,50"));
        assertEquals("1500.50", FormInput.positiveAmount("amount", "1\u202F500,50"));
        assertEquals("9999999999999.99", FormInput.positiveAmount("amount", "9999999999999.99"));
        assertEquals("0.00", FormInput.limit("creditLimit", "0.00"));
    }

    @Test
    void an_amount_out_of_bounds_is_refused_naming_the_field_and_why() {
        assertRefused("amount", "invalid_amount", () -> FormInput.positiveAmount("amount", "12.345"));
        assertRefused("amount", "invalid_amount", () -> FormInput.positiveAmount("amount", "-5"));
        assertRefused("amount", "invalid_amount", () -> FormInput.positiveAmount("amount", "1e9"));
        assertRefused("amount", "invalid_amount", () -> FormInput.positiveAmount("amount", "10000000000000"));
        assertRefused("amount", "invalid_amount", () -> FormInput.positiveAmount("amount", "1,000.00"));
        assertRefused("amount", "invalid_amount_positive", () -> FormInput.positiveAmount("amount", "0.00"));
        assertRefused("creditLimit", "invalid_required", () -> FormInput.limit("creditLimit", " "));
    }

    @Test
    void texts_are_bounded_and_free_of_control_characters() {
        assertNull(FormInput.optionalText("note", "  "));
        assertEquals("late fee", FormInput.requiredText("reasonCode", " late fee "));
        assertEquals("x".repeat(500), FormInput.optionalText("note", "x".repeat(500)));
        assertRefused("note", "invalid_too_long", () -> FormInput.optionalText("note", "x".repeat(501)));
        assertRefused("note", "invalid_characters", () -> FormInput.optionalText("note", "a\u0000b"));
        assertRefused("invoiceId", "invalid_too_long", () -> FormInput.requiredId("invoiceId", "i".repeat(101)));
        assertRefused("reasonCode", "invalid_required", () -> FormInput.requiredText("reasonCode", null));
    }

    @Test
    void a_forms_key_is_the_uuid_it_was_rendered_with_and_a_period_runs_forward() {
        assertEquals("6f1c2a9e-6b0e-4f7c-9d55-2f0b8a1e7c01", FormInput.key("6f1c2a9e-6b0e-4f7c-9d55-2f0b8a1e7c01"));
        assertRefused("key", "invalid_key", () -> FormInput.key("6f1c2a9e"));
        assertRefused("key", "invalid_key", () -> FormInput.key(null));
        assertEquals(LocalDate.of(2026, 11, 30), FormInput.optionalDay("to", "2026-11-30"));
        assertRefused("to", "invalid_day", () -> FormInput.optionalDay("to", "30/11/2026"));
        assertRefused("from", "invalid_period", () -> FormInput.inOrder(LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 11, 30)));
    }

    private static void assertRefused(String field, String reason, Runnable read) {
        InvalidInput refused = assertThrows(InvalidInput.class, read::run);
        assertEquals(field, refused.field());
        assertEquals(reason, refused.reasonKey());
    }
}
