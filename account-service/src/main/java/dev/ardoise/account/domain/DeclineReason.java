package dev.ardoise.account.domain;

/** Why a charge was declined. */
public enum DeclineReason {
    /** The account has no credit limit: it cannot pay on account at all. */
    NO_CREDIT_LIMIT,
    /** The sale is larger than the credit still available. */
    OVER_AVAILABLE
}
