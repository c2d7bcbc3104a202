package dev.ardoise.invoice.projection;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.reader.Arrival;
import dev.ardoise.events.reader.SkippedVersions;
import dev.ardoise.events.reader.StreamEvent;
import dev.ardoise.invoice.domain.AccountProjection;
import dev.ardoise.invoice.domain.Change;
import dev.ardoise.invoice.domain.Invoice;
import dev.ardoise.invoice.domain.InvoiceApplication;
import dev.ardoise.invoice.domain.LedgerEntry;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One account as the rebuild folds it in memory: the same ordering rules as the live reader (duplicates skipped,
 * events after a gap kept waiting until it is filled, unknown types counted, an account parked at an event applied
 * up to it and its later events kept waiting behind it) and the same {@link AccountProjection}. An event the
 * projection refuses stops the account there, as the live reader parks it, instead of failing the whole rebuild.
 * Keeps what was added since the last flush to the shadow tables.
 */
final class RebuiltAccount {
    private static final int LONGEST_REASON = 500;
    /** PostgreSQL's {@code date} ends there: a later one would fail the whole flush (SQL state 22008). */
    private static final LocalDate LAST_STORABLE_DATE = LocalDate.of(5_874_897, 12, 31);

    final UUID accountId;
    AccountProjection projection;
    long lastVersion;
    /** The events waiting: after a gap, or behind the event the account is parked at ({@code parked_event}). */
    final TreeMap<Long, StreamEvent> parked = new TreeMap<>();
    /** Per invoice: its lines (JSON) and terms, which only the SaleCharged carries. */
    final Map<String, IssuedWith> issued = new HashMap<>();
    final List<LedgerEntry> newEntries = new ArrayList<>();
    final List<InvoiceApplication> newApplications = new ArrayList<>();
    /** The invoices issued or changed since the last flush: only their rows are written again. */
    final Set<String> changedInvoices = new HashSet<>();
    boolean dirty;
    /** The version the account is parked at ({@link Arrival#NONE} when it is not): it and later events wait. */
    private long parkedAt;
    /** The event it is parked at, once read from the topic: applied or left out when operators mend it. */
    private StreamEvent parkedEvent;
    /** The rebuild's own parking, when the projection refused an event the live reader had not parked at. */
    private Stopped stopped;

    /** What only the invoice's SaleCharged says: its lines, as stored (JSON), and its terms. */
    record IssuedWith(String lines, String terms) {
    }

    /** The event the rebuild could not apply, and why; the account waits there as the live reader would park it. */
    record Stopped(StreamEvent event, String reason) {
    }

    RebuiltAccount(UUID accountId, long parkedAt) {
        this.accountId = accountId;
        this.parkedAt = parkedAt;
    }

    Stopped stopped() {
        return stopped;
    }

    long parkedAt() {
        return parkedAt;
    }

    void read(StreamEvent event, ZoneId storeZone, String defaultStore, InvoiceLinesJson linesJson) {
        dirty = true;
        switch (Arrival.of(lastVersion, event.version(), parkedAt)) {
            case DUPLICATE -> { }
            case PARKED -> parkedEvent = event; // kept in parked_account, not among the waiting
            case GAP, BEHIND -> parked.putIfAbsent(event.version(), event);
            case NEXT -> {
                applyOrStop(event, storeZone, defaultStore, linesJson);
                applyWaiting(storeZone, defaultStore, linesJson);
            }
        }
    }

    /**
     * The live reader parked the account at this version while the rebuild ran: parks it here too, as long as the
     * rebuild has not applied that version yet. Answers whether it could.
     */
    boolean parkAt(long version) {
        if (version <= lastVersion) {
            return false;
        }
        dirty = true;
        parkedAt = version;
        parkedEvent = parked.remove(version);
        return true;
    }

    /**
     * Operators mended the account the live reader had parked (the rebuild's own parkings are not theirs): its event
     * is applied again, or left out when they skipped it, then the events waiting behind it.
     */
    void mended(SkippedVersions skipped, ZoneId storeZone, String defaultStore, InvoiceLinesJson linesJson) {
        dirty = true;
        StreamEvent event = parkedEvent;
        parkedAt = Arrival.NONE;
        parkedEvent = null;
        if (event != null) {
            read(skipped.leftOutIfSkipped(event), storeZone, defaultStore, linesJson);
        }
        applyWaiting(storeZone, defaultStore, linesJson);
    }

    private void applyWaiting(ZoneId storeZone, String defaultStore, InvoiceLinesJson linesJson) {
        StreamEvent next;
        while (lastVersion + 1 != parkedAt && (next = parked.remove(lastVersion + 1)) != null) {
            applyOrStop(next, storeZone, defaultStore, linesJson);
        }
    }

    private void applyOrStop(StreamEvent event, ZoneId storeZone, String defaultStore, InvoiceLinesJson linesJson) {
        try {
            apply(event, storeZone, defaultStore, linesJson);
        } catch (RuntimeException refused) {
            String reason = refused.getClass().getSimpleName() + ": " + refused.getMessage();
            stopped = new Stopped(event, reason.length() <= LONGEST_REASON ? reason
                    : reason.substring(0, LONGEST_REASON - 1) + "…");
            parkedAt = event.version();
            parkedEvent = event;
        }
    }

    private void apply(StreamEvent event, ZoneId storeZone, String defaultStore, InvoiceLinesJson linesJson) {
        if (event.event().isPresent()) {
            RecordedEvent recorded = event.event().get();
            if (recorded.data() instanceof AccountOpened) {
                projection = AccountProjection.opened(storeZone, defaultStore, recorded);
            } else if (projection == null) {
                throw new IllegalStateException("cannot apply " + event + ": the account was never opened");
            } else {
                // decided on a copy: an event refused halfway (its second allocation) leaves the account as it was
                AccountProjection next = new AccountProjection(storeZone, projection.balance(), projection.holds(),
                        projection.invoices());
                Change change = next.apply(recorded);
                change.invoices().forEach(RebuiltAccount::storable);
                projection = next;
                change.invoices().forEach(invoice -> changedInvoices.add(invoice.invoiceId()));
                newEntries.addAll(change.entries());
                newApplications.addAll(change.applications());
                if (recorded.data() instanceof SaleCharged charge) {
                    issued.put(charge.invoiceId(), new IssuedWith(linesJson.write(charge.lines()),
                            charge.terms().name()));
                }
            }
        }
        lastVersion = event.version();
    }

    private static void storable(Invoice invoice) {
        if (invoice.dueDate().isAfter(LAST_STORABLE_DATE) || invoice.issuedOn().isAfter(LAST_STORABLE_DATE)) {
            throw new IllegalArgumentException("SQL state 22008: invoice " + invoice.invoiceId() + " is due on "
                    + invoice.dueDate() + ", past the last date PostgreSQL keeps");
        }
    }
}
