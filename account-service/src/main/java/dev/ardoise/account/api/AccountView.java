package dev.ardoise.account.api;

import dev.ardoise.account.domain.AccountStatus;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.Hold;
import dev.ardoise.account.domain.Invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The authoritative state of an account, rebuilt from its stream by the catalogue's rules: its store, limit, what is
 * owed ({@code balance} = -owed), deposit balance, holds, available = max(0, limit - owed - held), status, version.
 */
public record AccountView(UUID accountId, String storeId, String customerId, String name, String email,
                          boolean emailConsent,
                          String language, String currency, BigDecimal creditLimit, BigDecimal balance,
                          BigDecimal owed, BigDecimal depositBalance, BigDecimal held, BigDecimal available,
                          AccountStatus status, List<HeldCredit> holds, List<InvoiceView> outstandingInvoices,
                          long version) {

    static AccountView of(CreditAccount account, String storeId) {
        return new AccountView(account.id(), storeId, account.customerId(), account.name(), account.email(),
                account.emailConsent(), account.language(), account.currency(), account.creditLimit().orElse(null),
                account.balance(), account.owed(), account.depositBalance(), account.held(), account.available(),
                account.status(), account.holds().open().stream().map(HeldCredit::of).toList(),
                account.invoices().outstanding().stream().map(InvoiceView::of).toList(), account.version());
    }

    /** A hold still reserving credit. */
    public record HeldCredit(String holdId, BigDecimal amount, Instant expiresAt) {
        static HeldCredit of(Hold hold) {
            return new HeldCredit(hold.holdId(), hold.amount(), hold.expiresAt());
        }
    }

    /** An invoice with something still owed on it, oldest first. */
    public record InvoiceView(String invoiceId, String invoiceNumber, LocalDate issuedOn, LocalDate dueDate,
                              BigDecimal total, BigDecimal owed) {
        static InvoiceView of(Invoice invoice) {
            return new InvoiceView(invoice.invoiceId(), invoice.invoiceNumber(), invoice.issuedOn(),
                    invoice.dueDate(), invoice.total(), invoice.owed());
        }
    }
}
