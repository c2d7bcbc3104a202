package dev.ardoise.account.domain;

import dev.ardoise.events.Allocation;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The account's invoices; money received is allocated to the named invoice, else the oldest outstanding first. */
public final class Invoices {
    private static final Comparator<Invoice> OLDEST_FIRST =
            Comparator.comparing(Invoice::issuedOn).thenComparing(Invoice::invoiceNumber);

    private final Map<String, Invoice> byId = new LinkedHashMap<>();
    /** The invoices this object may change in place: the others are shared with a copy, and copied to change. */
    private Set<String> own = new HashSet<>();

    /**
     * A copy sharing every invoice until one of the two changes it (most of a long history is paid and never changes
     * again): neither changes what the other sees.
     */
    Invoices copy() {
        Invoices copy = new Invoices();
        copy.byId.putAll(byId);
        own = new HashSet<>();
        return copy;
    }

    void add(SaleCharged sale) {
        byId.put(sale.invoiceId(), new Invoice(sale));
        own.add(sale.invoiceId());
    }

    void pay(List<Allocation> allocations) {
        allocations.forEach(a -> changing(invoice(a).invoiceId()).pay(a.amount()));
    }

    void credit(List<Allocation> allocations) {
        allocations.forEach(a -> changing(invoice(a).invoiceId()).credit(a.amount()));
    }

    void debit(List<Allocation> allocations) {
        allocations.forEach(a -> changing(invoice(a).invoiceId()).debit(a.amount()));
    }

    /** The named invoice, about to change: an invoice still shared with another copy is copied first. */
    Invoice changing(String invoiceId) {
        Invoice invoice = named(invoiceId);
        if (own.add(invoiceId)) {
            invoice = invoice.copy();
            byId.put(invoiceId, invoice);
        }
        return invoice;
    }

    public Optional<Invoice> find(String invoiceId) {
        return Optional.ofNullable(byId.get(invoiceId));
    }

    /** The invoice a command names. */
    Invoice named(String invoiceId) {
        return find(invoiceId).orElseThrow(
                () -> new InvalidCommandException("invoiceId", "names no invoice of this account"));
    }

    public List<Invoice> outstanding() {
        return byId.values().stream().filter(Invoice::isOutstanding).sorted(OLDEST_FIRST).toList();
    }

    public BigDecimal owed(BigDecimal zero) {
        return byId.values().stream().map(Invoice::owed).reduce(zero, BigDecimal::add);
    }

    /** How many days the most overdue invoice is past its due date (0 when none is overdue). */
    long mostDaysOverdue(LocalDate today) {
        return byId.values().stream().mapToLong(invoice -> invoice.daysOverdue(today)).max().orElse(0);
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

    private Invoice invoice(Allocation allocation) {
        Invoice invoice = byId.get(allocation.invoiceId());
        if (invoice == null) {
            throw new IllegalStateException("allocation to unknown invoice " + allocation.invoiceId());
        }
        return invoice;
    }

    static BigDecimal sum(List<Allocation> allocations, BigDecimal zero) {
        return allocations.stream().map(Allocation::amount).reduce(zero, BigDecimal::add);
    }
}
