package dev.ardoise.events.reader;

import dev.ardoise.events.RecordedEvent;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * A service that can apply many events at once, set-wise: load the rows the events need in a few queries, fold the
 * events in memory with the same rules as {@link #apply}, write the changes with multi-row statements.
 * <p>
 * The reader hands it, inside its transaction, the events of a batch that come next in their accounts' streams
 * (each account's in version order, none parked, no gap, every type known); it writes the accounts' positions
 * itself. The result must equal, row for row, what {@link #apply} one event at a time would have written. When the
 * Uni fails, the reader rolls the transaction back and applies the batch again one event at a time, so that the
 * event at fault parks only its own account.
 */
public interface BatchHandler extends EventHandler {
    Uni<Void> applyInOrder(List<RecordedEvent> events);
}
