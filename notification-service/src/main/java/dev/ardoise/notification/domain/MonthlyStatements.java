package dev.ardoise.notification.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The monthly statement: from its day of the month on (the last day in a shorter month), the previous month is
 * due for every account that owes something. Deciding it later in the month (after a restart) still decides it,
 * once: the period is the statement's key.
 */
public final class MonthlyStatements {
    private final Integer dayOfMonth;

    /** @param dayOfMonth null when monthly statements are off */
    public MonthlyStatements(Integer dayOfMonth) {
        if (dayOfMonth != null && (dayOfMonth < 1 || dayOfMonth > 31)) {
            throw new IllegalArgumentException("the monthly statement day must be between 1 and 31");
        }
        this.dayOfMonth = dayOfMonth;
    }

    public Optional<StatementPeriod> due(LocalDate today) {
        if (dayOfMonth == null) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(today);
        if (today.getDayOfMonth() < Math.min(dayOfMonth, month.lengthOfMonth())) {
            return Optional.empty();
        }
        YearMonth previous = month.minusMonths(1);
        return Optional.of(new StatementPeriod(previous.atDay(1), previous.atEndOfMonth()));
    }
}
