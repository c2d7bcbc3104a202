package dev.ardoise.invoice.domain;

/**
 * What moved the customer's net position (deposit balance - owed), as a statement shows it. DEPOSIT_APPLIED and
 * CREDIT_NOTE only move money between the deposit balance and invoices (or were counted in PAYMENT / REFUND):
 * they are kept for the deposit balance's history but are not statement lines.
 */
public enum LedgerType {
    CHARGE, PAYMENT, DEPOSIT, DEPOSIT_RETURNED, REFUND, ADJUSTMENT, WRITE_OFF, DEPOSIT_APPLIED, CREDIT_NOTE;

    public boolean onStatement() {
        return this != DEPOSIT_APPLIED && this != CREDIT_NOTE;
    }
}
