package dev.ardoise.account.domain;

import java.math.BigDecimal;

/** The account cannot pay for this sale; the register may charge {@code available} and take the rest another way. */
public class ChargeDeclinedException extends RuntimeException {
    private final DeclineReason reason;
    private final BigDecimal available;

    public ChargeDeclinedException(DeclineReason reason, BigDecimal available, String detail) {
        super(detail);
        this.reason = reason;
        this.available = available;
    }

    public DeclineReason reason() {
        return reason;
    }

    public BigDecimal available() {
        return available;
    }
}
