package dev.ardoise.account.domain;

/**
 * The store's rule: block new charges when an invoice is more than {@code blockAfterDays} days overdue.
 * Off (null days) by default.
 */
public record OverdueRule(Integer blockAfterDays) {
    public static final OverdueRule OFF = new OverdueRule(null);

    boolean blocks(long mostDaysOverdue) {
        return blockAfterDays != null && mostDaysOverdue > blockAfterDays;
    }
}
