package dev.ardoise.notification.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CustomerLanguageTest {

    @Test
    void any_french_tag_reads_as_french_and_anything_else_as_english() {
        assertEquals(CustomerLanguage.FRENCH, CustomerLanguage.of("fr-CA"));
        assertEquals(CustomerLanguage.FRENCH, CustomerLanguage.of("fr"));
        assertEquals(CustomerLanguage.FRENCH, CustomerLanguage.of("fr-FR"));
        assertEquals(CustomerLanguage.ENGLISH, CustomerLanguage.of("en"));
        assertEquals(CustomerLanguage.ENGLISH, CustomerLanguage.of("en-US"));
        assertEquals(CustomerLanguage.ENGLISH, CustomerLanguage.of("es-MX"));
        assertEquals(CustomerLanguage.ENGLISH, CustomerLanguage.of(null));
    }

    @Test
    void money_in_french_has_the_dollar_sign_after_the_amount() {
        assertEquals("1 000,00 $", spaces(CustomerLanguage.FRENCH.money(new BigDecimal("1000.00"), "CAD")));
        assertEquals("400,00 $", spaces(CustomerLanguage.FRENCH.money(new BigDecimal("400.00"), "CAD")));
        assertEquals("0,05 $", spaces(CustomerLanguage.FRENCH.money(new BigDecimal("0.05"), "CAD")));
    }

    @Test
    void money_in_english_has_the_dollar_sign_before_the_amount() {
        assertEquals("$1,000.00", CustomerLanguage.ENGLISH.money(new BigDecimal("1000.00"), "CAD"));
        assertEquals("$300.00", CustomerLanguage.ENGLISH.money(new BigDecimal("300"), "CAD"));
        assertEquals("$1,234,567.89", CustomerLanguage.ENGLISH.money(new BigDecimal("1234567.89"), "CAD"));
    }

    @Test
    void a_foreign_currency_stays_told_apart_from_the_dollar() {
        assertEquals("US$300.00", CustomerLanguage.ENGLISH.money(new BigDecimal("300.00"), "USD"));
        assertEquals("300,00 $ US", spaces(CustomerLanguage.FRENCH.money(new BigDecimal("300.00"), "USD")));
    }

    @Test
    void dates_are_written_out_in_the_customers_language() {
        LocalDate date = LocalDate.of(2026, 11, 29);

        assertEquals("29 novembre 2026", CustomerLanguage.FRENCH.date(date));
        assertEquals("November 29, 2026", CustomerLanguage.ENGLISH.date(date));
    }

    @Test
    void quantities_use_the_languages_decimal_mark() {
        assertEquals("1,5", CustomerLanguage.FRENCH.quantity(new BigDecimal("1.5")));
        assertEquals("1.5", CustomerLanguage.ENGLISH.quantity(new BigDecimal("1.500")));
        assertEquals("2", CustomerLanguage.ENGLISH.quantity(new BigDecimal("2")));
    }

    /** The JDK writes the group separator and the space before "$" as a (narrow) no-break space. */
    static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
