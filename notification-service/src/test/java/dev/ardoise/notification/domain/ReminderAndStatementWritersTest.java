package dev.ardoise.notification.domain;

import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.ardoise.notification.domain.CustomerLanguageTest.spaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderAndStatementWritersTest {
    private static final Store STORE = new Store("Quincaillerie Ardoise", List.of("123, rue Principale", ""), null);
    private static final SaleCharged SALE = new SaleCharged("s", "inv-1", "MAIN-000001", new BigDecimal("1000.00"),
            List.of(), PaymentTerms.NET_30, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 29), "MAIN", "R1");
    private static final Statement STATEMENT = new Statement("acc", "C-1", "Marie", "CAD",
            LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), new BigDecimal("-700.00"),
            List.of(new Statement.Line(LocalDate.of(2026, 10, 3), "PAYMENT", "P-0009", "Payment (CHEQUE) cheque 0042",
                    new BigDecimal("300.00"), new BigDecimal("-400.00"))),
            new BigDecimal("-400.00"), new BigDecimal("0.00"), new BigDecimal("300.00"), new BigDecimal("400.00"),
            new BigDecimal("0.00"), new BigDecimal("0.00"), 9);

    private final ReminderEmailWriter reminders = new ReminderEmailWriter(STORE);
    private final StatementEmailWriter statements = new StatementEmailWriter(STORE);

    @Test
    void a_reminder_before_the_due_date_says_when_it_falls_due() {
        ReminderEmail french = reminders.write(SALE, new BigDecimal("600.00"), -3, "Claire", "CAD",
                CustomerLanguage.FRENCH, null);
        ReminderEmail english = reminders.write(SALE, new BigDecimal("600.00"), -1, "Claire", "CAD",
                CustomerLanguage.ENGLISH, "https://pay/x");

        assertEquals("Rappel : la facture MAIN-000001 est payable le 29 décembre 2026", french.subject());
        assertEquals("dans 3 jours", french.when());
        assertEquals("600,00 $", spaces(french.owed()));
        assertEquals("1 000,00 $", spaces(french.total()));
        assertFalse(french.overdue());
        assertFalse(french.hasPaymentLink());
        assertEquals("Reminder: invoice MAIN-000001 is due on December 29, 2026", english.subject());
        assertEquals("in 1 day", english.when());
        assertTrue(english.hasPaymentLink());
    }

    @Test
    void a_reminder_after_the_due_date_says_how_late_it_is() {
        ReminderEmail french = reminders.write(SALE, new BigDecimal("600.00"), 7, "Claire", "CAD",
                CustomerLanguage.FRENCH, null);
        ReminderEmail english = reminders.write(SALE, new BigDecimal("600.00"), 1, "Claire", "CAD",
                CustomerLanguage.ENGLISH, null);

        assertTrue(french.overdue());
        assertEquals("Rappel : la facture MAIN-000001 était payable le 29 décembre 2026", french.subject());
        assertEquals("depuis 7 jours", french.when());
        assertEquals("Reminder: invoice MAIN-000001 was due on December 29, 2026", english.subject());
        assertEquals("1 day ago", english.when());
    }

    @Test
    void a_statement_writes_balances_signed_lines_and_dates_per_language() {
        StatementEmail french = statements.write(STATEMENT, "Marie", CustomerLanguage.FRENCH);
        StatementEmail english = statements.write(STATEMENT, "Marie", CustomerLanguage.ENGLISH);

        assertEquals("Relevé de compte du 1 octobre 2026 au 31 octobre 2026 de Quincaillerie Ardoise",
                french.subject());
        assertEquals("-700,00 $", spaces(french.openingBalance()));
        assertEquals(new StatementEmail.Line("3 octobre 2026", "Paiement P-0009", "300,00 $", "-400,00 $"),
                spacedLine(french.lines().get(0)));
        assertEquals("400,00 $", spaces(french.owed()));
        assertFalse(french.hasOverdue());
        assertEquals("Account statement from October 1, 2026 to October 31, 2026 from Quincaillerie Ardoise",
                english.subject());
        assertEquals(new StatementEmail.Line("October 3, 2026", "Payment P-0009", "$300.00", "-$400.00"),
                english.lines().get(0));
        assertEquals("-$400.00", english.closingBalance());
        assertEquals(List.of("123, rue Principale"), english.store().addressLines());
    }

    private static StatementEmail.Line spacedLine(StatementEmail.Line line) {
        return new StatementEmail.Line(line.date(), line.description(), spaces(line.amount()),
                spaces(line.runningBalance()));
    }
}
