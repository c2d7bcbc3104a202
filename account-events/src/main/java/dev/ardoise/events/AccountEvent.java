package dev.ardoise.events;

/**
 * A fact about one credit account, as published on the {@code account-events} topic.
 * Named in the past tense; once published, an event never changes meaning. New fields may be added,
 * so readers ignore what they do not know.
 */
public sealed interface AccountEvent
        permits AccountOpened, CustomerDetailsChanged, EmailConsentGiven, EmailConsentWithdrawn,
        CreditLimitSet, ChargeOverrideGranted, SaleCharged,
        CreditHoldPlaced, CreditHoldVoided, CreditHoldExpired,
        DepositAdded, DepositApplied, DepositReturned, PaymentReceived, CreditNoteIssued, SaleRefunded,
        BalanceAdjusted, DebtWrittenOff, AccountSuspended, AccountReactivated, AccountClosed {

    /** The name used in the {@code type} field and the {@code ce_type} header, e.g. {@code SaleCharged}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
