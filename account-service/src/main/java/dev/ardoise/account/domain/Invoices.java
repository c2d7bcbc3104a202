package dev.ardoise.account.domain;

import dev.ardoise.events.Allocation;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The account's invoices; money received is allocated to the named invoice, else the oldest outstanding first.
 * Every figure a charge needs is kept as events are applied (the owed total, the outstanding invoices by due date),
 * and all of it is held in maps that are never changed in place, so a copy costs the same for ten invoices or ten
 * thousand, and neither the copy nor the original sees what the other applies afterwards.
 */
public final class Invoices {
    /** Where an invoice stands in an order: by a date, then its number, then the order it was charged in. */
    private record Place(LocalDate date, String number, int filed) implements Comparable<Place> {
        private static final Comparator<Place> ORDER = Comparator.comparing(Place::date)
                .thenComparing(Place::number).thenComparingInt(Place::filed);

        @Override
        public int compareTo(Place other) {
            return ORDER.compare(this, other);
        }
    }

    /** An invoice as kept, with the order it was charged in (what the outstanding list falls back on). */
    private record Filed(Invoice invoice, int filed) {
        Place oldestFirst() {
            return new Place(invoice.issuedOn(), invoice.invoiceNumber(), filed);
        }

        Place mostOverdueFirst() {
            return new Place(invoice.dueDate(), "", filed);
        }
    }

    private PersistentSortedMap<String, Filed> byId = PersistentSortedMap.empty();
    private PersistentSortedMap<Place, Invoice> outstandingOldestFirst = PersistentSortedMap.empty();
    private PersistentSortedMap<Place, Invoice> outstandingMostOverdueFirst = PersistentSortedMap.empty();
    /** The sum of what is owed on every invoice, kept as each one changes. */
    private BigDecimal owed = BigDecimal.ZERO;

    /** A copy sharing every invoice: an invoice that changes is replaced in the changing side only. */
    Invoices copy() {
        Invoices copy = new Invoices();
        copy.byId = byId;
        copy.outstandingOldestFirst = outstandingOldestFirst;
        copy.outstandingMostOverdueFirst = outstandingMostOverdueFirst;
        copy.owed = owed;
        return copy;
    }

    void add(SaleCharged sale) {
        Filed before = byId.get(sale.invoiceId());
        file(before, new Filed(new Invoice(sale), before == null ? byId.size() : before.filed()));
    }

    void pay(List<Allocation> allocations) {
        allocations.forEach(a -> change(invoice(a), invoice -> invoice.paid(a.amount())));
    }

    void credit(List<Allocation> allocations) {
        allocations.forEach(a -> change(invoice(a), invoice -> invoice.credited(a.amount())));
    }

    void debit(List<Allocation> allocations) {
        allocations.forEach(a -> change(invoice(a), invoice -> invoice.debited(a.amount())));
    }

    void refund(String invoiceId, BigDecimal amount, BigDecimal reducedOwed) {
        change(filed(invoiceId), invoice -> invoice.refunded(amount, reducedOwed));
    }

    void writeOff(String invoiceId, BigDecimal amount) {
        change(filed(invoiceId), invoice -> invoice.writtenOff(amount));
    }

    /** Files the invoice {@code change} answers in place of the one before, which another copy may still show. */
    private void change(Filed before, UnaryOperator<Invoice> change) {
        file(before, new Filed(change.apply(before.invoice()), before.filed()));
    }

    private void file(Filed before, Filed after) {
        if (before != null) {
            owed = owed.subtract(before.invoice().owed());
            if (before.invoice().isOutstanding()) {
                outstandingOldestFirst = outstandingOldestFirst.remove(before.oldestFirst());
                outstandingMostOverdueFirst = outstandingMostOverdueFirst.remove(before.mostOverdueFirst());
            }
        }
        owed = owed.add(after.invoice().owed());
        if (after.invoice().isOutstanding()) {
            outstandingOldestFirst = outstandingOldestFirst.put(after.oldestFirst(), after.invoice());
            outstandingMostOverdueFirst = outstandingMostOverdueFirst.put(after.mostOverdueFirst(), after.invoice());
        }
        byId = byId.put(after.invoice().invoiceId(), after);
    }

    public Optional<Invoice> find(String invoiceId) {
        return Optional.ofNullable(byId.get(invoiceId)).map(Filed::invoice);
    }

    /** The invoice a command names. */
    Invoice named(String invoiceId) {
        return filed(invoiceId).invoice();
    }

    private Filed filed(String invoiceId) {
        Filed filed = byId.get(invoiceId);
        if (filed == null) {
            throw new InvalidCommandException("invoiceId", "names no invoice of this account");
        }
        return filed;
    }

    /** The invoices still owing, oldest first (issued on, then number): a walk of these only, not of all. */
    public List<Invoice> outstanding() {
        return outstandingOldestFirst.values();
    }

    public BigDecimal owed(BigDecimal zero) {
        return zero.add(owed);
    }

    /**
     * How many days the most overdue invoice is past its due date: the largest {@link Invoice#daysOverdue} of all
     * invoices (a settled one counts 0, so the answer is negative only when every invoice is outstanding and none
     * is due yet; 0 without invoices).
     */
    long mostDaysOverdue(LocalDate today) {
        Invoice mostOverdue = outstandingMostOverdueFirst.first();
        if (mostOverdue == null) {
            return 0;
        }
        long days = mostOverdue.daysOverdue(today);
        boolean someSettled = outstandingMostOverdueFirst.size() < byId.size();
        return someSettled ? Math.max(days, 0) : days;
    }

    /**
     * Spreads up to {@code amount} over the named invoice, or over the outstanding ones oldest first, never more
     * than is owed on each. The allocations may add up to less than {@code amount}.
     */
    List<Allocation> allocate(BigDecimal amount, String invoiceId) {
        List<Invoice> targets = invoiceId == null ? outstanding()
                : List.of(named(invoiceId)).stream().filter(Invoice::isOutstanding).toList();
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (Invoice invoice : targets) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal part = left.min(invoice.owed());
            allocations.add(new Allocation(invoice.invoiceId(), invoice.invoiceNumber(), part));
            left = left.subtract(part);
        }
        return allocations;
    }

    private Filed invoice(Allocation allocation) {
        Filed filed = byId.get(allocation.invoiceId());
        if (filed == null) {
            throw new IllegalStateException("allocation to unknown invoice " + allocation.invoiceId());
        }
        return filed;
    }

    static BigDecimal sum(List<Allocation> allocations, BigDecimal zero) {
        return allocations.stream().map(Allocation::amount).reduce(zero, BigDecimal::add);
    }
}
