package dev.ardoise.notification.domain;

import java.time.LocalDate;

/** The days a statement covers, both inclusive, on the store's calendar. */
public record StatementPeriod(LocalDate from, LocalDate to) {
    public StatementPeriod {
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("a statement period runs from a day to the same or a later day");
        }
    }

    /**
     * Whether every day of the period is over on the store's {@code today}: only then is a statement final (a period
     * that ends today or later can still change).
     */
    public boolean isOver(LocalDate today) {
        return to.isBefore(today);
    }

    /** The statement's key: one statement per account and period. */
    public String key() {
        return from + ".." + to;
    }
}
