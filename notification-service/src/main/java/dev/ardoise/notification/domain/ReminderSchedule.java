package dev.ardoise.notification.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When invoices are reminded: at offsets in days from the due date (-3 = three days before, 7 = a week late).
 * On a given day an invoice is due the latest offset whose day has come; an earlier one missed (the service was
 * down) is not sent late, the later one says it all. No reminder falls on or before the invoice's own date.
 */
public final class ReminderSchedule {
    private final List<Integer> offsets;

    public ReminderSchedule(List<Integer> offsets) {
        this.offsets = offsets.stream().distinct().sorted().toList();
    }

    public boolean isOff() {
        return offsets.isEmpty();
    }

    /** The offset to remind today, if any. */
    public Optional<Integer> dueOffset(LocalDate issuedOn, LocalDate dueDate, LocalDate today) {
        Integer due = null;
        for (int offset : offsets) {
            LocalDate day = dueDate.plusDays(offset);
            if (!day.isAfter(today) && day.isAfter(issuedOn)) {
                due = offset;
            }
        }
        return Optional.ofNullable(due);
    }

    /** Invoices due after this day cannot have a reminder due today. */
    public LocalDate latestDueDateToRemind(LocalDate today) {
        return offsets.isEmpty() ? today : today.minusDays(offsets.get(0));
    }
}
