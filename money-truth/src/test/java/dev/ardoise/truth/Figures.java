package dev.ardoise.truth;

import java.math.BigDecimal;

/** What every reader of an account derives about its money, per the event catalogue (a limit may be null). */
record Figures(BigDecimal owed, BigDecimal depositBalance, BigDecimal held, BigDecimal available) {

    /** The same amounts, whatever the scale each fold keeps them at (700 and 700.00 are the same money). */
    boolean sameMoneyAs(Figures other) {
        return same(owed, other.owed) && same(depositBalance, other.depositBalance) && same(held, other.held)
                && same(available, other.available);
    }

    private static boolean same(BigDecimal one, BigDecimal other) {
        return one.compareTo(other) == 0;
    }

    @Override
    public String toString() {
        return "owed " + owed.toPlainString() + ", deposit balance " + depositBalance.toPlainString() + ", held "
                + held.toPlainString() + ", available " + available.toPlainString();
    }
}
