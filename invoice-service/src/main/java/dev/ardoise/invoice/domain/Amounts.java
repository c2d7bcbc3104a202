package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money in the read models: exact, at the account currency's scale (CAD 2 decimals, JPY 0), never floating point. */
public final class Amounts {
    /** The scale of amounts whose currency is not known (yet): cents. */
    public static final int DEFAULT_SCALE = 2;

    private Amounts() {
    }

    public static int scaleOf(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? DEFAULT_SCALE : digits;
    }

    /**
     * The amount at the currency's scale.
     *
     * @throws ArithmeticException when it carries more decimals than the currency has, rather than rounding money away
     */
    public static BigDecimal of(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(scaleOf(currency), RoundingMode.UNNECESSARY);
    }

    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(scaleOf(currency));
    }
}
