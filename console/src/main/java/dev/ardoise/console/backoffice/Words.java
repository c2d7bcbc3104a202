package dev.ardoise.console.backoffice;

import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.DepositPurpose;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The names the services use that the back office words in both languages ({@code bo} bundle keys). */
final class Words {
    static final Set<String> ACCOUNT_STATUSES = Set.of("OPEN", "SUSPENDED", "CLOSED");
    static final Set<String> BALANCE_STATUSES = Set.of("SETTLED", "OUTSTANDING", "OVERDUE");
    static final Set<String> INVOICE_STATUSES = Set.of("OUTSTANDING", "PARTIALLY_PAID", "PAID", "OVERDUE",
            "WRITTEN_OFF");
    static final Set<String> EMAIL_KINDS = Set.of("INVOICE", "REMINDER", "STATEMENT");
    static final Set<String> EMAIL_STATUSES = Set.of("PENDING", "SENDING", "SENT", "SKIPPED", "FAILED");
    static final Set<String> SKIP_REASONS = Set.of("NO_EMAIL", "NO_CONSENT", "INVOICE_PAID", "RESENT");
    static final Set<String> ROLES = Set.of("CASHIER", "MANAGER", "VIEWER", "OPERATOR", "SERVICE", "SYSTEM");
    static final Set<String> PAYMENT_METHODS = names(PaymentMethod.values());
    static final Set<String> DEPOSIT_PURPOSES = names(DepositPurpose.values());
    static final Set<String> DIRECTIONS = names(AdjustmentDirection.values());
    static final Set<String> CREDIT_NOTE_ORIGINS = names(CreditNoteOrigin.values());
    static final Set<String> LEDGER_TYPES = Set.of("CHARGE", "PAYMENT", "DEPOSIT", "DEPOSIT_RETURNED", "REFUND",
            "ADJUSTMENT", "WRITE_OFF", "DEPOSIT_APPLIED", "CREDIT_NOTE");

    private Words() {
    }

    static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
