package dev.ardoise.console.backoffice;

import java.util.Set;

/** The names the services use that the back office words in both languages ({@code bo} bundle keys). */
final class Words {
    static final Set<String> ACCOUNT_STATUSES = Set.of("OPEN", "SUSPENDED", "CLOSED");
    static final Set<String> BALANCE_STATUSES = Set.of("SETTLED", "OUTSTANDING", "OVERDUE");
    static final Set<String> INVOICE_STATUSES = Set.of("OUTSTANDING", "PARTIALLY_PAID", "PAID", "OVERDUE",
            "WRITTEN_OFF");
    static final Set<String> EMAIL_KINDS = Set.of("INVOICE", "REMINDER", "STATEMENT");
    static final Set<String> EMAIL_STATUSES = Set.of("PENDING", "SENDING", "SENT", "SKIPPED", "FAILED");
    static final Set<String> SKIP_REASONS = Set.of("NO_EMAIL", "NO_CONSENT", "INVOICE_PAID");
    static final Set<String> ROLES = Set.of("CASHIER", "MANAGER", "VIEWER", "OPERATOR", "SERVICE", "SYSTEM");
    static final Set<String> PAYMENT_METHODS = Set.of("CASH", "CARD", "CHEQUE", "TRANSFER", "ONLINE", "OTHER");
    static final Set<String> DEPOSIT_PURPOSES = Set.of("SPECIAL_ORDER", "LAYAWAY", "WORK_ORDER", "OTHER");
    static final Set<String> DIRECTIONS = Set.of("CREDIT", "DEBIT");
    static final Set<String> CREDIT_NOTE_ORIGINS = Set.of("OVERPAYMENT", "REFUND");
    static final Set<String> LEDGER_TYPES = Set.of("CHARGE", "PAYMENT", "DEPOSIT", "DEPOSIT_RETURNED", "REFUND",
            "ADJUSTMENT", "WRITE_OFF", "DEPOSIT_APPLIED", "CREDIT_NOTE");

    private Words() {
    }
}
