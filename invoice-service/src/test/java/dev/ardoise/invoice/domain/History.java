package dev.ardoise.invoice.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.DepositReturned;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.SaleRefunded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds one account's events for domain tests, versions 1, 2, 3..., each on a given store day at noon. */
final class History {
    static final ZoneId STORE = ZoneId.of("America/Toronto");
    /** The deployment's default store, which an opening that names none belongs to. */
    static final String DEFAULT_STORE = "MAIN";

    final UUID accountId = UUID.randomUUID();
    final List<RecordedEvent> events = new ArrayList<>();

    History add(LocalDate day, AccountEvent event) {
        Instant at = day.atTime(12, 0).atZone(STORE).toInstant();
        events.add(new RecordedEvent(UUID.randomUUID(), accountId, events.size() + 1L, at, EventMetadata.UNRECORDED,
                event));
        return this;
    }

    static AccountOpened opened(String currency) {
        return new AccountOpened("C-1001", "Marie Tremblay", "marie@example.com", true, "fr-CA", currency);
    }

    static AccountOpened openedIn(String store) {
        return new AccountOpened("C-1001", "Marie Tremblay", "marie@example.com", true, "fr-CA", "CAD", store);
    }

    static CreditLimitSet limit(String amount) {
        return new CreditLimitSet(new BigDecimal(amount), null);
    }

    static SaleCharged sale(String invoice, String amount, LocalDate issuedOn, int days) {
        InvoiceLine line = new InvoiceLine("Paint", BigDecimal.ONE, new BigDecimal(amount), new BigDecimal(amount));
        return new SaleCharged("S-" + invoice, invoice, invoice, new BigDecimal(amount), List.of(line),
                PaymentTerms.NET_30, issuedOn, issuedOn.plusDays(days), "MAIN", "R1");
    }

    static SaleCharged saleCapturing(String invoice, String amount, LocalDate issuedOn, String holdId) {
        return new SaleCharged("S-" + invoice, invoice, invoice, new BigDecimal(amount), List.of(),
                PaymentTerms.NET_30, issuedOn, issuedOn.plusDays(30), "MAIN", "R1", holdId, null);
    }

    static PaymentReceived payment(String id, String amount, Allocation... allocations) {
        return new PaymentReceived(id, new BigDecimal(amount), "CHEQUE", "cheque 0042", List.of(allocations));
    }

    static Allocation to(String invoice, String amount) {
        return new Allocation(invoice, invoice, new BigDecimal(amount));
    }

    static DepositAdded deposit(String id, String amount) {
        return new DepositAdded(id, new BigDecimal(amount), DepositPurpose.LAYAWAY, "order 4471");
    }

    static DepositApplied applied(String id, String amount, Allocation... allocations) {
        return new DepositApplied(id, new BigDecimal(amount), List.of(allocations));
    }

    static DepositReturned returned(String id, String amount) {
        return new DepositReturned(id, new BigDecimal(amount), "CASH", null);
    }

    static CreditNoteIssued creditNote(String id, String amount, CreditNoteOrigin origin, String invoice) {
        return new CreditNoteIssued(id, new BigDecimal(amount), origin, id, invoice);
    }

    static SaleRefunded refund(String id, String invoice, String amount, String reducedOwed) {
        return new SaleRefunded(id, invoice, invoice, new BigDecimal(amount), new BigDecimal(reducedOwed), "RETURNED");
    }

    static BalanceAdjusted adjustment(String id, AdjustmentDirection direction, String amount, Allocation allocation) {
        return new BalanceAdjusted(id, direction, new BigDecimal(amount), "GOODWILL", null, List.of(allocation));
    }

    static DebtWrittenOff writeOff(String id, String invoice, String amount) {
        return new DebtWrittenOff(id, invoice, invoice, new BigDecimal(amount), "UNCOLLECTABLE", null);
    }

    static CreditHoldPlaced hold(String id, String amount) {
        return new CreditHoldPlaced(id, new BigDecimal(amount), Instant.parse("2026-12-31T00:00:00Z"), "MAIN", "R1");
    }

    static CreditHoldVoided voided(String id, String amount) {
        return new CreditHoldVoided(id, new BigDecimal(amount), "customer paid by card");
    }

    /** Every event folded into a projection; the changes of each kept in order. */
    static AccountProjection project(List<RecordedEvent> events, List<Change> changes) {
        AccountProjection projection = AccountProjection.opened(STORE, DEFAULT_STORE, events.get(0));
        for (RecordedEvent event : events.subList(1, events.size())) {
            changes.add(projection.apply(event));
        }
        return projection;
    }

    static BalanceFold.Figures fold(List<RecordedEvent> events) {
        BalanceFold fold = new BalanceFold();
        events.forEach(event -> fold.fold(event.version(), event.data()));
        return fold.figures();
    }
}
