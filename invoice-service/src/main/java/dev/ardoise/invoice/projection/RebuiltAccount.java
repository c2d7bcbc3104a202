package dev.ardoise.invoice.projection;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.reader.Arrival;
import dev.ardoise.events.reader.StreamEvent;
import dev.ardoise.invoice.domain.AccountProjection;
import dev.ardoise.invoice.domain.Change;
import dev.ardoise.invoice.domain.InvoiceApplication;
import dev.ardoise.invoice.domain.LedgerEntry;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One account as the rebuild folds it in memory: the same ordering rules as the live reader (duplicates skipped,
 * events after a gap parked until it is filled, unknown types counted) and the same {@link AccountProjection}.
 * Keeps what was added since the last flush to the shadow tables.
 */
final class RebuiltAccount {
    final UUID accountId;
    AccountProjection projection;
    long lastVersion;
    final TreeMap<Long, StreamEvent> parked = new TreeMap<>();
    /** Per invoice: its lines (JSON) and terms, which only the SaleCharged carries. */
    final Map<String, String[]> issued = new HashMap<>();
    final List<LedgerEntry> newEntries = new ArrayList<>();
    final List<InvoiceApplication> newApplications = new ArrayList<>();
    boolean dirty;

    RebuiltAccount(UUID accountId) {
        this.accountId = accountId;
    }

    void read(StreamEvent event, ZoneId storeZone, String defaultStore, InvoiceLinesJson linesJson) {
        dirty = true;
        Arrival arrival = Arrival.of(lastVersion, event.version());
        if (arrival == Arrival.GAP) {
            parked.putIfAbsent(event.version(), event);
        } else if (arrival == Arrival.NEXT) {
            apply(event, storeZone, defaultStore, linesJson);
            StreamEvent next;
            while ((next = parked.remove(lastVersion + 1)) != null) {
                apply(next, storeZone, defaultStore, linesJson);
            }
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
                Change change = projection.apply(recorded);
                newEntries.addAll(change.entries());
                newApplications.addAll(change.applications());
                if (recorded.data() instanceof SaleCharged charge) {
                    issued.put(charge.invoiceId(), new String[] {linesJson.write(charge.lines()), charge.terms().name()});
                }
            }
        }
        lastVersion = event.version();
    }
}
