package dev.ardoise.account.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Exact amounts at the account currency's scale (2 decimals for CAD, 0 for JPY); never floating point. */
public final class Money {
    /** Up to 9,999,999,999,999 in any currency: more is a typing error, and 1e999999999 would freeze the service. */
    private static final int MAX_WHOLE_DIGITS = 13;

    private Money() {
    }

    /**
     * The amount at the currency's scale.
     *
     * @throws InvalidCommandException when it has more decimals than the currency allows, or is absurdly large
     */
    public static BigDecimal inCurrency(String field, BigDecimal amount, String currency) {
        if (amount == null) {
            throw new InvalidCommandException(field, "is required");
        }
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.precision() - stripped.scale() > MAX_WHOLE_DIGITS) {
            throw new InvalidCommandException(field,
                    "has more than " + MAX_WHOLE_DIGITS + " digits before the decimal point");
        }
        if (stripped.scale() > scale) {
            throw new InvalidCommandException(field, "has more than " + scale + " decimals for " + currency);
        }
        return amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** A positive amount at the currency's scale. */
    public static BigDecimal positive(String field, BigDecimal amount, String currency) {
        if (amount != null && amount.signum() <= 0) {
            throw new InvalidCommandException(field, "must be greater than zero");
        }
        return inCurrency(field, amount, currency);
    }

    /** Zero or more, at the currency's scale. */
    public static BigDecimal notNegative(String field, BigDecimal amount, String currency) {
        if (amount != null && amount.signum() < 0) {
            throw new InvalidCommandException(field, "must not be negative");
        }
        return inCurrency(field, amount, currency);
    }

    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
