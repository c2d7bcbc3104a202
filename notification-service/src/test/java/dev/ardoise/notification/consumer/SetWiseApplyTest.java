package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.EmailConsentGiven;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.it.TestClock;
import dev.ardoise.testing.Histories;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.ReadModelDump;
import dev.ardoise.testing.SmtpResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch applied set-wise ({@link EventApplier#applyInOrder}) writes, row for row, what the same events applied one
 * at a time write: contacts, ledgers, invoices and the invoice emails decided (to send, or skipped and why). Two
 * copies of the same generated histories under other account ids, one applied event by event in a transaction each,
 * the other in interleaved batches of several accounts, as a partition of the topic hands them.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = dev.ardoise.notification.it.PeerServicesStub.class,
        scope = TestResourceScope.MATCHING_RESOURCES)
class SetWiseApplyTest {
    private static final int ACCOUNTS = 12;
    private static final int EVENTS = 120;
    /** Columns written from the clock or at random: the same decision at another moment. */
    private static final Set<String> MOMENTS = Set.of("id", "created_at", "next_attempt_at");
    private static final List<String> TABLES = List.of("customer_contacts", "ledger_accounts", "ledger_invoices",
            "notifications");

    @Inject
    EventApplier applier;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    private final Map<UUID, String> labels = new LinkedHashMap<>();

    /** No back-off nor reminder runs out while the test reads the rows (the sender is held by the commands). */
    @BeforeEach
    void holdTheSender() {
        clock.standStill();
    }

    /** Nothing of these accounts is left for the reminder and statement jobs and the sender of the next tests. */
    @AfterEach
    void forget() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from " + table + " where account_id = any(?)")) {
                    delete.setArray(1, connection.createArrayOf("uuid", labels.keySet().toArray()));
                    delete.executeUpdate();
                }
            }
        }
        clock.reset();
    }

    @Test
    void a_batch_of_many_accounts_writes_what_its_events_one_at_a_time_write() throws Throwable {
        List<List<RecordedEvent>> oneByOne = new ArrayList<>();
        List<List<RecordedEvent>> setWise = new ArrayList<>();
        for (int index = 0; index < ACCOUNTS; index++) {
            oneByOne.add(history(copy(index, "one-by-one"), index));
            setWise.add(history(copy(index, "set-wise"), index));
        }

        for (List<RecordedEvent> history : oneByOne) {
            for (RecordedEvent event : history) {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> applier.apply(event)));
            }
        }
        List<RecordedEvent> partition = interleaved(setWise);
        for (int from = 0; from < partition.size(); from += 97) {
            List<RecordedEvent> batch = partition.subList(from, Math.min(partition.size(), from + 97));
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> applier.applyInOrder(batch)));
        }

        String expected = dump("one-by-one");
        assertEquals(expected, dump("set-wise"));
        assertTrue(expected.contains("status=PENDING") && expected.contains("reason=NO_CONSENT")
                && expected.contains("reason=NO_EMAIL"), "every kind of decision is compared:\n" + expected);
        assertTrue(expected.contains("written_off=t"), "a write-off is compared");
        assertEquals(0, accountsOwingOtherThanTheirInvoices(), "an account's owed is the sum of its invoices'");
    }

    @Test
    void the_deposit_used_at_the_till_is_in_the_invoice_email_of_its_sale_in_the_same_batch() throws Throwable {
        UUID accountId = UUID.randomUUID();
        labels.put(accountId, "till");
        SaleCharged sale = new SaleCharged("sale-" + accountId, "invoice-" + accountId, "MAIN-T1", money("120.00"),
                List.of(), PaymentTerms.NET_30, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 29), "MAIN", "R1");
        List<AccountEvent> events = List.of(
                new AccountOpened("C-1", "Claire Tremblay", "claire@example.test", true, "fr-CA", "CAD"),
                new CreditLimitSet(money("500.00"), null),
                new DepositAdded("D-1", money("50.00"), DepositPurpose.LAYAWAY, null),
                sale,
                new DepositApplied(sale.saleId(), money("50.00"),
                        List.of(new Allocation(sale.invoiceId(), sale.invoiceNumber(), money("50.00")))));
        List<RecordedEvent> batch = new ArrayList<>();
        for (AccountEvent event : events) {
            long version = batch.size() + 1L;
            // the sale and the deposit used at the till are one command, as account-service appends them
            CommandVersions command = event == sale || event instanceof DepositApplied
                    ? new CommandVersions(4, 5) : CommandVersions.single(version);
            batch.add(new RecordedEvent(UUID.randomUUID(), accountId, version, java.time.Instant.now(),
                    dev.ardoise.events.EventMetadata.UNRECORDED.withCommand(command), event));
        }

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> applier.applyInOrder(batch)));

        String rows = dump("till");
        assertTrue(rows.contains("ledger_invoices invoice_id=invoice- account_id= invoice_number=MAIN-T1 total=120.00 "
                        + "owed=70.00 issued_on=2026-11-29 due_date=2026-12-29 written_off=f balance_after=-70.00 "
                        + "available_after=430.00 "),
                "the invoice's figures after its sale count the deposit used at the till:\n" + rows);
        assertTrue(rows.contains(" deposits_after=0.00 "),
                "the deposit balance after its sale is what the deposit used at the till left:\n" + rows);
        assertTrue(rows.contains("ledger_accounts account_id= credit_limit=500.00 deposit_balance=0.00 holds={} "
                + "owed=70.00 "), rows);
        // due once its command is whole: the sender may have claimed (or sent) it since
        assertTrue(rows.contains("kind=INVOICE recipient=claire@example.test") && !rows.contains("status=SKIPPED")
                && !rows.contains("awaited_version=5"), rows);
    }

    private int accountsOwingOtherThanTheirInvoices() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select count(*) from ledger_accounts a
                     where a.account_id = any(?)
                       and a.owed <> coalesce((select sum(i.owed) from ledger_invoices i
                                               where i.account_id = a.account_id), 0)""")) {
            query.setArray(1, connection.createArrayOf("uuid", labels.keySet().toArray()));
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private UUID copy(int index, String label) {
        UUID accountId = UUID.randomUUID();
        labels.put(accountId, label + "-" + index);
        return accountId;
    }

    /** A generated history, its customer reachable by email with consent, without, or without an address. */
    private static List<RecordedEvent> history(UUID accountId, int index) {
        List<RecordedEvent> history = new ArrayList<>(Histories.history(accountId, index, EVENTS));
        RecordedEvent first = history.get(0);
        AccountOpened opened = (AccountOpened) first.data();
        String email = index % 3 == 2 ? null : "customer-" + index + "@example.test";
        history.set(0, with(first, new AccountOpened(opened.customerId(), opened.name(), email, index % 3 == 0,
                opened.language(), opened.currency())));
        history.replaceAll(SetWiseApplyTest::dueInThreeYears);
        history.replaceAll(SetWiseApplyTest::ofACommandNotWholeYet);
        if (index % 3 == 1) {
            RecordedEvent middle = history.get(EVENTS / 2);
            history.set(EVENTS / 2, with(middle, new EmailConsentGiven("given-" + index + "@example.test")));
        }
        return history;
    }

    /** No reminder falls due while the test runs: the reminder job would decide some for these invoices. */
    private static RecordedEvent dueInThreeYears(RecordedEvent recorded) {
        if (!(recorded.data() instanceof SaleCharged sale)) {
            return recorded;
        }
        return with(recorded, new SaleCharged(sale.saleId(), sale.invoiceId(), sale.invoiceNumber(), sale.amount(),
                sale.lines(), sale.terms(), sale.issuedOn(), sale.dueDate().plusYears(3), sale.storeId(),
                sale.registerId(), sale.holdId(), sale.overrideId()));
    }

    /**
     * The sender leaves the decided emails as they were decided while the test reads them: the history is the first
     * part of one command whose last version is never applied, so every invoice email to send waits for it (an email
     * due is claimed by the sender at once).
     */
    private static RecordedEvent ofACommandNotWholeYet(RecordedEvent recorded) {
        return new RecordedEvent(recorded.eventId(), recorded.accountId(), recorded.version(), recorded.occurredAt(),
                recorded.metadata().withCommand(new CommandVersions(1, EVENTS + 1)), recorded.data());
    }

    private static RecordedEvent with(RecordedEvent recorded, AccountEvent event) {
        return new RecordedEvent(recorded.eventId(), recorded.accountId(), recorded.version(), recorded.occurredAt(),
                recorded.metadata(), event);
    }

    /** Each account's events in order, the accounts' events mixed as on one partition of the topic. */
    private static List<RecordedEvent> interleaved(List<List<RecordedEvent>> histories) {
        List<RecordedEvent> partition = new ArrayList<>();
        for (int at = 0; at < EVENTS; at++) {
            for (int account = 0; account < histories.size(); account++) {
                if (at < histories.get(account).size() && (at + account) % 5 != 0) {
                    partition.add(histories.get(account).get(at));
                }
            }
            for (int account = 0; account < histories.size(); account++) {
                if (at < histories.get(account).size() && (at + account) % 5 == 0) {
                    partition.add(histories.get(account).get(at));
                }
            }
        }
        return partition;
    }

    /** Every row of the accounts whose label starts so, but the moments of writing, sorted, labels for ids. */
    private String dump(String labelled) throws SQLException {
        Map<UUID, String> shown = new LinkedHashMap<>();
        labels.forEach((id, label) -> {
            if (label.startsWith(labelled)) {
                shown.put(id, label.substring(labelled.length()));
            }
        });
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : TABLES) {
                String kind = table.equals("notifications") ? " and kind = 'INVOICE'" : "";
                try (PreparedStatement query = connection.prepareStatement(
                        "select * from " + table + " where account_id = any(?)" + kind)) {
                    query.setArray(1, connection.createArrayOf("uuid", shown.keySet().toArray()));
                    try (ResultSet rows = query.executeQuery()) {
                        lines.addAll(ReadModelDump.lines(table, rows, shown, MOMENTS).stream().map(line -> line + " ").toList());
                    }
                }
            }
        }
        Collections.sort(lines);
        return String.join("\n", lines);
    }


    private static java.math.BigDecimal money(String amount) {
        return new java.math.BigDecimal(amount);
    }
}
