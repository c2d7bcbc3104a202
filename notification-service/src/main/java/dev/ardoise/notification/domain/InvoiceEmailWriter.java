package dev.ardoise.notification.domain;

import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.util.Objects;

/** Writes the invoice of an on-account charge as an email, in the customer's language. */
public final class InvoiceEmailWriter {
    private final Store store;

    public InvoiceEmailWriter(Store store) {
        this.store = store;
    }

    /** The invoice with nothing paid on it yet: the whole total is due. */
    public InvoiceEmail write(SaleCharged invoice, String customerName, String currency, CustomerLanguage language,
                              AccountFigures after, String paymentLink) {
        return write(invoice, customerName, currency, language, after, invoice.amount(), paymentLink);
    }

    /**
     * @param after       the account just after this sale
     * @param owed        what the invoice owes now (its total less a deposit used at the till or a payment; zero
     *                    once written off), never null: a missing amount must not read as the whole total
     * @param paymentLink null when there is none to offer
     */
    public InvoiceEmail write(SaleCharged invoice, String customerName, String currency, CustomerLanguage language,
                              AccountFigures after, BigDecimal owed, String paymentLink) {
        BigDecimal due = Objects.requireNonNull(owed, "what the invoice owes now");
        BigDecimal paid = invoice.amount().subtract(due);
        BigDecimal taxes = invoice.lines().stream().map(InvoiceLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new InvoiceEmail(language.code(), subject(invoice, language), store, customerName,
                invoice.invoiceNumber(), language.date(invoice.issuedOn()),
                invoice.lines().stream().map(line -> line(line, currency, language)).toList(),
                language.money(invoice.amount().subtract(taxes), currency), language.money(taxes, currency),
                language.money(invoice.amount(), currency), terms(invoice, language),
                language.date(invoice.dueDate()), language.money(after.balance(), currency),
                language.money(after.available(), currency), paymentLink, language.money(due, currency),
                after.deposits() == null ? null : language.money(after.deposits(), currency),
                paid.signum() > 0 ? language.money(paid.negate(), currency) : null);
    }

    private String subject(SaleCharged invoice, CustomerLanguage language) {
        return language == CustomerLanguage.FRENCH
                ? "Facture " + invoice.invoiceNumber() + " de " + store.name()
                : "Invoice " + invoice.invoiceNumber() + " from " + store.name();
    }

    private static InvoiceEmail.Line line(InvoiceLine line, String currency, CustomerLanguage language) {
        return new InvoiceEmail.Line(line.description(), language.quantity(line.quantity()),
                language.money(line.unitPrice(), currency), language.money(line.amount(), currency),
                language.money(line.tax(), currency), language.money(line.amount().add(line.tax()), currency));
    }

    static String terms(SaleCharged invoice, CustomerLanguage language) {
        PaymentTerms terms = invoice.terms();
        boolean french = language == CustomerLanguage.FRENCH;
        if (terms == PaymentTerms.DUE_ON_RECEIPT) {
            return french ? "Payable à la réception" : "Due on receipt";
        }
        if (terms == PaymentTerms.CUSTOM) {
            String due = language.date(invoice.dueDate());
            return french ? "Payable au plus tard le " + due : "Due by " + due;
        }
        return french ? "Net " + terms.days() + " jours" : "Net " + terms.days() + " days";
    }
}
