package dev.ardoise.account.domain;

import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static dev.ardoise.account.domain.Given.MOMENT;
import static dev.ardoise.account.domain.Given.TODAY;
import static dev.ardoise.account.domain.Given.account;
import static dev.ardoise.account.domain.Given.cad;
import static dev.ardoise.account.domain.Given.invoice;
import static dev.ardoise.account.domain.Given.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bounds every edge shares (HTTP and pos-sales): given an account, when a charge at or past a bound. */
class InputRulesTest {
    private final CreditAccount account = account(limit("1000.00"));

    private SaleCharged charge(ChargeSale sale) {
        return account.selling().charge(sale, invoice("MAIN-000009"), MOMENT, OverdueRule.OFF)
                .first(SaleCharged.class).orElseThrow();
    }

    private InvalidCommandException refused(ChargeSale sale) {
        return assertThrows(InvalidCommandException.class,
                () -> account.selling().charge(sale, invoice("MAIN-000009"), MOMENT, OverdueRule.OFF));
    }

    private static ChargeSale custom(LocalDate dueDate) {
        return new ChargeSale("s1", cad("10.00"), List.of(), PaymentTerms.CUSTOM, dueDate, "R1");
    }

    private static ChargeSale withLines(String amount, List<ChargeSale.SaleLine> lines) {
        return new ChargeSale("s1", cad(amount), lines, PaymentTerms.NET_30, null, "R1");
    }

    private static ChargeSale.SaleLine line(String quantity, String unitPrice) {
        return new ChargeSale.SaleLine("Paint", cad(quantity), cad(unitPrice));
    }

    @Test
    void a_custom_due_date_is_at_most_three_years_after_the_invoice_date() {
        assertEquals(TODAY.plusYears(3), charge(custom(TODAY.plusYears(3))).dueDate());
        InvalidCommandException tooFar = refused(custom(TODAY.plusYears(3).plusDays(1)));
        assertEquals("dueDate", tooFar.field());
        assertEquals("is after 2029-11-29, more than 3 years after the invoice date", tooFar.reason());
        assertEquals("dueDate", refused(custom(LocalDate.parse("+5874898-01-01"))).field());
        assertEquals("dueDate", refused(custom(LocalDate.MAX)).field());
        assertEquals("dueDate", refused(custom(LocalDate.MIN)).field());
    }

    @Test
    void a_quantity_is_above_zero_at_most_a_million_to_the_thousandth() {
        assertEquals(cad("1000000"), charge(withLines("10.00", List.of(line("1000000", "0.00"), line("1", "10.00"))))
                .lines().get(0).quantity());
        assertEquals(cad("12.50"), charge(withLines("12.50", List.of(line("1.250", "10.00")))).amount());
        assertEquals("lines[0].quantity", refused(withLines("10.00", List.of(line("1000000.001", "0.00"),
                line("1", "10.00")))).field());
        assertEquals("has more than 3 decimals", refused(withLines("10.00", List.of(line("0.0001", "10.00"),
                line("1", "10.00")))).reason());
        // a number of a billion digits once multiplied: refused before, in microseconds
        assertEquals("lines[0].quantity", refused(withLines("10.00", List.of(line("1e999999999", "0.00"),
                line("1", "10.00")))).field());
        assertEquals("lines[1].quantity", refused(withLines("10.00", List.of(line("1", "10.00"),
                line("1e-999999999", "10.00")))).field());
        assertEquals("is required", refused(withLines("10.00", List.of(new ChargeSale.SaleLine("Paint", null,
                cad("10.00"))))).reason());
    }

    @Test
    void a_sale_has_at_most_500_lines_each_with_a_description_of_at_most_500_characters() {
        assertEquals(500, charge(withLines("5.00", Collections.nCopies(500, line("1", "0.01")))).lines().size());
        assertEquals("lines", refused(withLines("5.01", Collections.nCopies(501, line("1", "0.01")))).field());
        InvalidCommandException longText = refused(withLines("1.00", List.of(new ChargeSale.SaleLine("x".repeat(501),
                cad("1"), cad("1.00")))));
        assertEquals("lines[0].description", longText.field());
        assertEquals("is longer than 500 characters", longText.reason());
        assertEquals("lines[0].description", refused(withLines("1.00", List.of(new ChargeSale.SaleLine(" ",
                cad("1"), cad("1.00"))))).field());
    }

    @Test
    void keys_are_at_most_100_characters_of_well_formed_text_whichever_edge_they_come_from() {
        assertEquals("saleId", refused(new ChargeSale("s".repeat(101), cad("1.00"), List.of(), PaymentTerms.NET_30,
                null, "R1")).field());
        assertEquals("saleId", refused(new ChargeSale("s\u0000", cad("1.00"), List.of(), PaymentTerms.NET_30,
                null, "R1")).field());
        assertEquals("holdId", refused(new ChargeSale("s1", cad("1.00"), List.of(), PaymentTerms.NET_30, null,
                "MAIN", "R1", "h\uD800", null, null)).field());
        assertEquals("amount", refused(new ChargeSale("s1", null, List.of(), PaymentTerms.NET_30, null, "R1"))
                .field());
    }

    @Test
    void text_with_a_lone_surrogate_an_email_past_254_characters_or_a_language_past_35_is_refused() {
        assertEquals("is not well-formed Unicode (a lone surrogate)",
                assertThrows(InvalidCommandException.class, () -> InputRules.text("name", "Marie \uDC00")).reason());
        assertEquals("Marie \uD83D\uDE00", InputRules.text("name", " Marie \uD83D\uDE00 "));
        String email = "a".repeat(248) + "@b.com";
        assertEquals(email, InputRules.optionalEmail("email", email));
        assertEquals("email", assertThrows(InvalidCommandException.class,
                () -> InputRules.optionalEmail("email", "a" + email)).field());
        assertEquals("language", assertThrows(InvalidCommandException.class,
                () -> InputRules.language("language", "en-" + "abcdefgh-".repeat(4))).field());
    }

    @Test
    void an_account_is_opened_only_in_a_currency_with_decimals_to_keep_amounts_at() {
        assertEquals("currency", assertThrows(InvalidCommandException.class, () -> Keeping.open(
                new OpenAccount("C-1", "Marie", null, false, "fr", "XAU", null, "MAIN"))).field());
        assertEquals("currency", assertThrows(InvalidCommandException.class, () -> Keeping.open(
                new OpenAccount("C-1", "Marie", null, false, "fr", "XXX", null, "MAIN"))).field());
        assertEquals("JPY", ((dev.ardoise.events.AccountOpened) Keeping.open(
                new OpenAccount("C-1", "Marie", null, false, "ja", "jpy", null, "MAIN")).get(0)).currency());
    }
}
