package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What is owed, by how long it is past due as of a day: not yet due (current), 1-30, 31-60, 61-90 and over 90
 * days past the due date. Due on the 10th, an invoice is current on the 10th and 1 day past due on the 11th.
 */
public record Aging(BigDecimal current, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90,
                    BigDecimal over90) {

    public static Aging none(String currency) {
        BigDecimal zero = Amounts.zero(currency);
        return new Aging(zero, zero, zero, zero, zero);
    }

    /** With {@code owed} on an invoice due on {@code dueDate} added to its bucket as of {@code asOf}. */
    public Aging with(LocalDate asOf, LocalDate dueDate, BigDecimal owed) {
        if (owed.signum() == 0) {
            return this;
        }
        long late = ChronoUnit.DAYS.between(dueDate, asOf);
        if (late <= 0) {
            return new Aging(current.add(owed), days1To30, days31To60, days61To90, over90);
        }
        if (late <= 30) {
            return new Aging(current, days1To30.add(owed), days31To60, days61To90, over90);
        }
        if (late <= 60) {
            return new Aging(current, days1To30, days31To60.add(owed), days61To90, over90);
        }
        if (late <= 90) {
            return new Aging(current, days1To30, days31To60, days61To90.add(owed), over90);
        }
        return new Aging(current, days1To30, days31To60, days61To90, over90.add(owed));
    }

    public Aging plus(Aging other) {
        return new Aging(current.add(other.current), days1To30.add(other.days1To30),
                days31To60.add(other.days31To60), days61To90.add(other.days61To90), over90.add(other.over90));
    }

    public BigDecimal total() {
        return current.add(days1To30).add(days31To60).add(days61To90).add(over90);
    }

    /** Everything past due. */
    public BigDecimal pastDue() {
        return total().subtract(current);
    }
}
