package dev.ardoise.notification.domain;

import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the emails keep of one invoice: what it still owes (and whether collecting it was given up), the sale it came
 * from, and the account's balance, deposit balance and available credit just after that sale's whole command ("after
 * this sale" in its email; a deposit used at the till is part of it).
 *
 * @param saleVersion the account's version of its SaleCharged, to tell which command the sale was of; null for an
 *                    invoice kept before it was (its command is long whole)
 */
public record ChargedInvoice(String invoiceId, String saleId, String invoiceNumber, BigDecimal total,
                             BigDecimal owed, LocalDate issuedOn, LocalDate dueDate, boolean writtenOff,
                             AccountFigures after, Long saleVersion) {

    /** A new invoice, as its sale (read at {@code saleVersion}) leaves the account. */
    static ChargedInvoice of(SaleCharged sale, long saleVersion, AccountLedger ledgerAfter) {
        return new ChargedInvoice(sale.invoiceId(), sale.saleId(), sale.invoiceNumber(), sale.amount(),
                ledgerAfter.invoice(sale.invoiceId()).owed(), sale.issuedOn(), sale.dueDate(), false,
                AccountFigures.of(ledgerAfter), saleVersion);
    }

    /** Its sale was appended by this command. */
    boolean soldIn(CommandVersions command) {
        return saleVersion != null && command.contains(saleVersion);
    }

    ChargedInvoice owing(AccountLedger.OwedInvoice owedNow) {
        return new ChargedInvoice(invoiceId, saleId, invoiceNumber, total, owedNow.owed(), issuedOn, dueDate,
                owedNow.writtenOff(), after, saleVersion);
    }

    ChargedInvoice withFiguresAfter(AccountFigures figures) {
        return new ChargedInvoice(invoiceId, saleId, invoiceNumber, total, owed, issuedOn, dueDate, writtenOff,
                figures, saleVersion);
    }

    public AccountLedger.OwedInvoice toOwed() {
        return new AccountLedger.OwedInvoice(invoiceId, invoiceNumber, total, owed, issuedOn, dueDate, writtenOff);
    }

    /**
     * What the customer is asked to pay now: what the invoice still owes, or nothing once it was written off (its
     * collection given up); never the total for want of knowing.
     */
    public BigDecimal owedNow() {
        return writtenOff ? BigDecimal.ZERO : owed;
    }

    /** Still to be collected: neither paid off nor written off (reminders stop once it is not). */
    public boolean stillOwed() {
        return toOwed().stillOwed();
    }
}
