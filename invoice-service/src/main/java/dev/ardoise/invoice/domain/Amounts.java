package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in the read models: exact, two decimals, never floating point. */
public final class Amounts {
    public static final int SCALE = 2;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Amounts() {
    }

    /**
     * The amount at two decimals.
     *
     * @throws ArithmeticException when it carries more decimals than a cent, rather than rounding money away
     */
    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }
}
