package dev.ardoise.notification.domain;

import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.ardoise.notification.domain.CustomerLanguageTest.spaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InvoiceEmailWriterTest {
    private static final AccountFigures AFTER = new AccountFigures(new BigDecimal("-1700.00"), new BigDecimal("300.00"));
    private final InvoiceEmailWriter writer = new InvoiceEmailWriter(
            new Store("Quincaillerie Ardoise", List.of("123, rue Principale", "Montréal"), "514 555-0123"));

    @Test
    void a_french_invoice_is_written_for_fr_ca() {
        InvoiceEmail email = writer.write(sale(PaymentTerms.NET_30), "Claire", "CAD", CustomerLanguage.FRENCH, AFTER, null);

        assertEquals("fr", email.language());
        assertEquals("Facture MAIN-000001 de Quincaillerie Ardoise", email.subject());
        assertEquals("29 novembre 2026", email.issuedOn());
        assertEquals("1 000,00 $", spaces(email.total()));
        assertEquals("Net 30 jours", email.terms());
        assertEquals("29 décembre 2026", email.dueDate());
        assertEquals(new InvoiceEmail.Line("Peinture, 4 L", "2", "500,00 $", "870,00 $", "130,00 $", "1 000,00 $"),
                spaced(email.lines().get(0)));
        assertEquals("870,00 $", spaces(email.subtotal()));
        assertEquals("130,00 $", spaces(email.taxes()));
        assertEquals("-1 700,00 $", spaces(email.balanceAfter()));
        assertEquals("300,00 $", spaces(email.availableAfter()));
        assertFalse(email.hasPaymentLink());
        assertEquals("1 000,00 $", spaces(email.amountDue()), "nothing paid on it yet: the whole total is due");
        assertFalse(email.hasDepositsAfter(), "deposits not recorded with the figures: left out");
        assertFalse(email.hasAlreadyPaid());
    }

    @Test
    void the_amount_due_is_what_the_invoice_still_owes_and_the_deposits_are_shown_when_known() {
        AccountFigures after = new AccountFigures(new BigDecimal("-850.00"), new BigDecimal("150.00"),
                new BigDecimal("50.00"));

        InvoiceEmail email = writer.write(sale(PaymentTerms.NET_30), "Claire", "CAD", CustomerLanguage.FRENCH, after,
                new BigDecimal("850.00"), null);

        assertEquals("1 000,00 $", spaces(email.total()));
        assertEquals("850,00 $", spaces(email.amountDue()));
        assertEquals("-150,00 $", spaces(email.alreadyPaid()), "taken off the total to give the amount due");
        assertEquals("50,00 $", spaces(email.depositsAfter()));
        assertEquals("-850,00 $", spaces(email.balanceAfter()));
    }

    @Test
    void a_store_logo_must_be_a_web_address() {
        assertEquals("https://cdn.example.test/logo.png",
                new Store("S", List.of(), null, " https://cdn.example.test/logo.png ").logoUrl());
        assertFalse(new Store("S", List.of(), null, "  ").hasLogo());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Store("S", List.of(), null, "javascript:alert(1)"));
        assertEquals("the store's logo (STORE_LOGO_URL) must be an http or https address", refused.getMessage());
    }

    @Test
    void an_english_invoice_is_written_for_anything_else() {
        InvoiceEmail email = writer.write(sale(PaymentTerms.NET_30), "Claire", "CAD", CustomerLanguage.ENGLISH, AFTER, null);

        assertEquals("Invoice MAIN-000001 from Quincaillerie Ardoise", email.subject());
        assertEquals("November 29, 2026", email.issuedOn());
        assertEquals("$1,000.00", email.total());
        assertEquals("Net 30 days", email.terms());
        assertEquals("December 29, 2026", email.dueDate());
        assertEquals(new InvoiceEmail.Line("Peinture, 4 L", "2", "$500.00", "$870.00", "$130.00", "$1,000.00"),
                email.lines().get(0));
        assertEquals("-$1,700.00", email.balanceAfter());
        assertEquals("$300.00", email.availableAfter());
    }

    @Test
    void payment_terms_read_naturally_in_both_languages() {
        assertEquals("Payable à la réception",
                InvoiceEmailWriter.terms(sale(PaymentTerms.DUE_ON_RECEIPT), CustomerLanguage.FRENCH));
        assertEquals("Due on receipt",
                InvoiceEmailWriter.terms(sale(PaymentTerms.DUE_ON_RECEIPT), CustomerLanguage.ENGLISH));
        assertEquals("Payable au plus tard le 29 décembre 2026",
                InvoiceEmailWriter.terms(sale(PaymentTerms.CUSTOM), CustomerLanguage.FRENCH));
        assertEquals("Due by December 29, 2026",
                InvoiceEmailWriter.terms(sale(PaymentTerms.CUSTOM), CustomerLanguage.ENGLISH));
    }

    @Test
    void an_invoice_without_lines_has_no_lines_to_show() {
        SaleCharged noLines = new SaleCharged("s", "i", "MAIN-000002", new BigDecimal("12.50"), List.of(),
                PaymentTerms.NET_15, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20), "MAIN", "R1");

        InvoiceEmail email = writer.write(noLines, "Sam", "CAD", CustomerLanguage.ENGLISH, AFTER, "https://pay/x");

        assertFalse(email.hasLines());
        assertEquals("$12.50", email.total());
        assertEquals("Net 15 days", email.terms());
        assertEquals("https://pay/x", email.paymentLink());
    }

    private static SaleCharged sale(PaymentTerms terms) {
        return new SaleCharged("sale-1", "inv-1", "MAIN-000001", new BigDecimal("1000.00"),
                List.of(new InvoiceLine("Peinture, 4 L", new BigDecimal("2"), new BigDecimal("500.00"),
                        new BigDecimal("870.00"), new BigDecimal("130.00"))),
                terms, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 29), "MAIN", "R1");
    }

    private static InvoiceEmail.Line spaced(InvoiceEmail.Line line) {
        return new InvoiceEmail.Line(line.description(), line.quantity(), spaces(line.unitPrice()),
                spaces(line.amount()), spaces(line.tax()), spaces(line.total()));
    }
}
