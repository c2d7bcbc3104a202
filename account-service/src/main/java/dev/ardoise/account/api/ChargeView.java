package dev.ardoise.account.api;

import dev.ardoise.account.application.Outcome;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The invoice a charge became, the part paid from the deposit, and what the account has left to charge. */
public record ChargeView(UUID accountId, String saleId, String invoiceId, String invoiceNumber, BigDecimal amount,
                         BigDecimal depositApplied, PaymentTerms terms, LocalDate issuedOn, LocalDate dueDate,
                         String storeId, String holdId, String overrideId, BigDecimal balance,
                         BigDecimal depositBalance, BigDecimal available, long version) {

    static ChargeView of(Outcome charge) {
        SaleCharged sale = charge.required(SaleCharged.class);
        var account = charge.account();
        BigDecimal fromDeposit = charge.event(DepositApplied.class).map(DepositApplied::amount)
                .orElse(sale.amount().subtract(sale.amount()));
        return new ChargeView(account.id(), sale.saleId(), sale.invoiceId(), sale.invoiceNumber(), sale.amount(),
                fromDeposit, sale.terms(), sale.issuedOn(), sale.dueDate(), sale.storeId(), sale.holdId(),
                sale.overrideId(), account.balance(), account.depositBalance(), account.available(),
                account.version());
    }
}
