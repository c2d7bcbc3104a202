package dev.ardoise.invoice.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.reader.Arrival;
import dev.ardoise.events.reader.StreamEvent;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;
import dev.ardoise.testing.AccountStream;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rebuild's fold of one account around a parked event: held where the live reader holds it, never thrown. */
class RebuiltAccountTest {
    private static final ZoneId ZONE = ZoneId.of("America/Toronto");
    private static final InvoiceLinesJson LINES = new InvoiceLinesJson(new ObjectMapper().findAndRegisterModules());

    private final AccountStream stream = new AccountStream();

    @Test
    void an_account_parked_live_is_folded_up_to_its_parked_event_and_its_later_events_wait() {
        RebuiltAccount account = new RebuiltAccount(stream.accountId, 2);

        read(account, stream.opened(), stream.charged("50.00", LocalDate.now(), LocalDate.parse("+5874898-01-01")),
                stream.depositAdded("15.00"));

        assertEquals(1, account.lastVersion);
        assertEquals(2, account.parkedAt());
        assertEquals(List.of(3L), List.copyOf(account.parked.keySet()), "version 3 waits, the parked one is not among them");
        assertNull(account.stopped(), "parked by the live reader, not by the rebuild");
        assertEquals(0, account.projection.balance().owed().signum(), "nothing owed: the sale is not applied");
    }

    @Test
    void an_event_the_projection_refuses_stops_its_account_there_as_it_was_before_it() {
        RebuiltAccount account = new RebuiltAccount(stream.accountId, Arrival.NONE);
        RecordedEvent opened = stream.opened();
        RecordedEvent charged = stream.charged("40.00");
        RecordedEvent paymentForNoInvoice = stream.event(new PaymentReceived("P-1", new BigDecimal("60.00"), "CASH",
                null, List.of(new Allocation(((SaleCharged) charged.data()).invoiceId(), "MAIN-1", new BigDecimal("40.00")),
                new Allocation("no-such-invoice", "MAIN-0", new BigDecimal("20.00")))));

        read(account, opened, charged, paymentForNoInvoice, stream.depositAdded("5.00"));

        assertEquals(2, account.lastVersion);
        assertEquals(3, account.parkedAt());
        assertEquals(3, account.stopped().event().version());
        assertTrue(account.stopped().reason().contains("has no invoice no-such-invoice"), account.stopped().reason());
        assertEquals(List.of(4L), List.copyOf(account.parked.keySet()));
        assertEquals("40.00", account.projection.balance().owed().toPlainString(),
                "the first allocation of the refused payment is not kept");
        assertEquals("40.00", account.projection.invoices().values().iterator().next().owed().toPlainString());
    }

    @Test
    void a_due_date_past_the_last_date_the_database_keeps_stops_its_account_instead_of_failing_the_flush() {
        RebuiltAccount account = new RebuiltAccount(stream.accountId, Arrival.NONE);

        read(account, stream.opened(), stream.charged("50.00", LocalDate.now(), LocalDate.parse("+5874898-01-01")),
                stream.depositAdded("15.00"));

        assertEquals(1, account.lastVersion);
        assertEquals(2, account.parkedAt());
        assertTrue(account.stopped().reason().contains("22008"), account.stopped().reason());
        assertTrue(account.projection.invoices().isEmpty());
        assertTrue(account.issued.isEmpty());
    }

    private static void read(RebuiltAccount account, RecordedEvent... events) {
        for (RecordedEvent event : events) {
            account.read(StreamEvent.read(AccountStream.record(event).value()), ZONE, "MAIN", LINES);
        }
    }
}
