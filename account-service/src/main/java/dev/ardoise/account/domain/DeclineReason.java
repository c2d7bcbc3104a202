package dev.ardoise.account.domain;

/** Why a charge (or a hold) was declined. */
public enum DeclineReason {
    /** The account has no credit limit: it cannot pay on account at all. */
    NO_CREDIT_LIMIT,
    /** The sale is larger than the credit still available. */
    OVER_AVAILABLE,
    /** The account is suspended: no charge and no hold until it is reactivated. */
    ACCOUNT_SUSPENDED,
    /** The account is closed. */
    ACCOUNT_CLOSED,
    /** An invoice is more days overdue than the store's rule allows. */
    OVERDUE_INVOICES,
    /** The named override is used, lapsed, or smaller than the sale. */
    OVERRIDE_NOT_USABLE,
    /** The named hold was already captured, voided or expired. */
    HOLD_ENDED,
    /** The deposit to apply is more than the deposit balance. */
    INSUFFICIENT_DEPOSIT
}
