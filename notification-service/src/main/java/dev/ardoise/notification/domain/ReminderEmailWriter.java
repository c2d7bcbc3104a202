package dev.ardoise.notification.domain;

import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;

/** Writes a reminder about an invoice still owed, in the customer's language. */
public final class ReminderEmailWriter {
    private final Store store;

    public ReminderEmailWriter(Store store) {
        this.store = store;
    }

    /** @param offsetDays days from the due date: negative before it, positive after it */
    public ReminderEmail write(SaleCharged invoice, BigDecimal owed, int offsetDays, String customerName,
                               String currency, CustomerLanguage language, String paymentLink) {
        boolean french = language == CustomerLanguage.FRENCH;
        String number = invoice.invoiceNumber();
        String due = language.date(invoice.dueDate());
        boolean overdue = offsetDays > 0;
        String subject = overdue
                ? (french ? "Rappel : la facture " + number + " était payable le " + due
                        : "Reminder: invoice " + number + " was due on " + due)
                : (french ? "Rappel : la facture " + number + " est payable le " + due
                        : "Reminder: invoice " + number + " is due on " + due);
        return new ReminderEmail(language.code(), subject, store, customerName, number,
                language.date(invoice.issuedOn()), language.money(invoice.amount(), currency),
                language.money(owed, currency), due, overdue, when(offsetDays, french), paymentLink);
    }

    private static String when(int offsetDays, boolean french) {
        int days = Math.abs(offsetDays);
        if (offsetDays == 0) {
            return french ? "aujourd'hui" : "today";
        }
        String count = days + (french ? (days == 1 ? " jour" : " jours") : (days == 1 ? " day" : " days"));
        if (offsetDays < 0) {
            return french ? "dans " + count : "in " + count;
        }
        return french ? "depuis " + count : count + " ago";
    }
}
