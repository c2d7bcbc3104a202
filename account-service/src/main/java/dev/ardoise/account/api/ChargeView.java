package dev.ardoise.account.api;

import dev.ardoise.account.application.CreditAccounts.Charge;
import dev.ardoise.events.PaymentTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The invoice a charge became, and what the account has left to charge after it. */
public record ChargeView(UUID accountId, String saleId, String invoiceId, String invoiceNumber, BigDecimal amount,
                         PaymentTerms terms, LocalDate issuedOn, LocalDate dueDate, BigDecimal balance,
                         BigDecimal available, long version) {

    static ChargeView of(Charge charge) {
        var sale = charge.sale();
        var account = charge.account();
        return new ChargeView(account.id(), sale.saleId(), sale.invoiceId(), sale.invoiceNumber(), sale.amount(),
                sale.terms(), sale.issuedOn(), sale.dueDate(), account.balance(), account.available(),
                account.version());
    }
}
