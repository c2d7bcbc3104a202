package dev.ardoise.invoice.it;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.reader.BatchHandler;
import dev.ardoise.events.reader.SafeContext;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.Histories;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.ReadModelDump;
import dev.ardoise.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live reader applies a batch whose events all come in their accounts' turn set-wise (one call of the
 * projection's {@link BatchHandler#applyInOrder}), and the read models are, row for row, those of the same histories
 * applied one event at a time. A batch that cannot go that way (an event at fault, a gap) goes one event at a time:
 * only the account at fault is parked, the others of the batch are applied; duplicates are skipped either way.
 * The live reader is held while a batch is published, so that its events arrive in the same polls.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SetWiseProjectionTest {
    private static final Duration SOON = Duration.ofSeconds(30);

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChannelRegistry channels;

    @Inject
    MeterRegistry meters;

    @Inject
    BatchHandler projection;

    @Inject
    Vertx vertx;

    @Test
    void histories_applied_set_wise_equal_the_same_applied_one_event_at_a_time() throws SQLException {
        int accounts = 30;
        int events = 60;
        Map<UUID, String> labels = new HashMap<>();
        List<List<RecordedEvent>> live = new ArrayList<>();
        List<List<RecordedEvent>> oneByOne = new ArrayList<>();
        for (int index = 0; index < accounts; index++) {
            UUID liveId = UUID.randomUUID();
            UUID oneByOneId = UUID.randomUUID();
            labels.put(liveId, "account-" + index);
            labels.put(oneByOneId, "account-" + index);
            live.add(Histories.history(liveId, index, events));
            oneByOne.add(Histories.history(oneByOneId, index, events));
        }
        double setWiseBefore = batches("set_wise");

        // in two halves, so that the second folds onto rows, invoices and holds the first wrote
        heldWhilePublished(live.stream().flatMap(history -> history.subList(0, events / 2).stream()).toList());
        awaitAllAt(live, events / 2);
        heldWhilePublished(live.stream().flatMap(history -> history.subList(events / 2, events).stream()).toList());
        awaitAllAt(live, events);
        oneByOne.forEach(history -> history.forEach(this::applyAlone));

        assertTrue(batches("set_wise") > setWiseBefore, "the live reader went the set-wise way");
        String setWise = readModels(live, labels);
        String alone = readModels(oneByOne, labels);
        assertTrue(setWise.lines().count() > accounts * events / 2, "the histories made rows");
        assertEquals(alone, setWise, ReadModelDump.firstDifference(alone, setWise));
    }

    @Test
    void an_event_at_fault_in_a_batch_parks_only_its_account_and_the_others_of_the_batch_are_applied() {
        double failedBefore = batches("set_wise_failed");
        AccountStream bad = new AccountStream();
        List<List<RecordedEvent>> good = histories(24, 12);
        List<RecordedEvent> batch = new ArrayList<>();
        good.forEach(batch::addAll);
        batch.add(bad.opened());
        batch.add(bad.charged("50.00", LocalDate.now(), LocalDate.parse("+5874898-01-01")));
        batch.add(bad.depositAdded("15.00"));
        heldWhilePublished(batch);

        awaitAllAt(good, 12);
        await().atMost(SOON).untilAsserted(() -> parked(bad).body("version", equalTo(2))
                .body("reason", containsString("22008")).body("waiting", equalTo(1)));
        balance(bad).body("version", equalTo(1)).body("balance", equalTo("0.00"));
        assertTrue(batches("set_wise_failed") > failedBefore, "the set-wise way was tried and rolled back");

        given().auth().oauth2(Tokens.operator()).contentType("application/json")
                .body(Map.of("version", 2, "reason", "due date typed wrong at the till"))
                .post("/admin/parked-accounts/{id}/skip", bad.accountId).then().statusCode(200);
        balance(bad).body("version", equalTo(3)).body("depositBalance", equalTo("15.00"));
    }

    @Test
    void duplicates_are_skipped_and_a_gap_waits_whichever_way_the_batch_goes() {
        AccountStream again = new AccountStream();
        RecordedEvent opened = again.opened();
        RecordedEvent charged = again.charged("40.00");
        RecordedEvent deposit = again.depositAdded("10.00");
        heldWhilePublished(List.of(opened, charged, opened, charged, deposit, charged, deposit));
        awaitBalance(again, 3).body("balance", equalTo("-40.00")).body("depositBalance", equalTo("10.00"));

        heldWhilePublished(List.of(charged, deposit, opened)); // redelivered: all applied already
        AccountStream gapped = new AccountStream();
        RecordedEvent gappedOpened = gapped.opened();
        RecordedEvent first = gapped.charged("25.00");
        RecordedEvent late = gapped.charged("30.00");
        RecordedEvent afterIt = gapped.depositAdded("5.00");
        AccountStream beside = new AccountStream();
        heldWhilePublished(List.of(gappedOpened, first, afterIt, beside.opened(), beside.charged("12.34"),
                again.depositAdded("1.00")));
        awaitBalance(beside, 2).body("balance", equalTo("-12.34"));
        awaitBalance(again, 4).body("balance", equalTo("-40.00")).body("depositBalance", equalTo("11.00"));
        awaitBalance(gapped, 2).body("balance", equalTo("-25.00"));

        heldWhilePublished(List.of(late));
        awaitBalance(gapped, 4).body("balance", equalTo("-55.00")).body("depositBalance", equalTo("5.00"));
    }

    private void heldWhilePublished(List<RecordedEvent> events) {
        PausableChannel reader = channels.getPausable("account-events");
        reader.pause();
        try {
            Publisher.publish(kafka, events.stream().map(AccountStream::record).toList());
        } finally {
            reader.resume();
        }
    }

    /** As the reader's one-by-one way applies an event: in a transaction, flushed before the next. */
    private void applyAlone(RecordedEvent event) {
        SafeContext.fresh(vertx).run(() -> Panache.withTransaction(() -> projection.apply(event)
                        .chain(Panache::getSession).chain(session -> session.flush())))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static List<List<RecordedEvent>> histories(int accounts, int events) {
        return Stream.iterate(0, index -> index + 1).limit(accounts)
                .map(index -> Histories.history(UUID.randomUUID(), index, events)).toList();
    }

    private void awaitAllAt(List<List<RecordedEvent>> histories, long version) {
        List<UUID> ids = histories.stream().map(history -> history.get(0).accountId()).toList();
        await().atMost(SOON).pollInterval(Duration.ofMillis(100))
                .until(() -> ReaderPositions.allAt(dataSource, ids, version));
    }

    /** The read models of these accounts, without the reader's positions (the one-by-one copy has none). */
    private String readModels(List<List<RecordedEvent>> histories, Map<UUID, String> labels) throws SQLException {
        Map<UUID, String> these = histories.stream().map(history -> history.get(0).accountId())
                .collect(Collectors.toMap(id -> id, labels::get));
        return ReadModelDump.of(dataSource, these).lines().filter(line -> !line.startsWith("reader_position"))
                .collect(Collectors.joining("\n"));
    }

    private double batches(String applied) {
        return meters.counter("ardoise.reader.batches", "applied", applied).count();
    }

    private static ValidatableResponse parked(AccountStream account) {
        return given().auth().oauth2(Tokens.operator()).get("/admin/parked-accounts").then().statusCode(200)
                .rootPath("find { it.accountId == '" + account.accountId + "' }")
                .body("accountId", equalTo(account.accountId.toString()));
    }

    private static ValidatableResponse awaitBalance(AccountStream account, int version) {
        await().atMost(SOON).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> balance(account).body("version", equalTo(version)));
        return balance(account);
    }

    private static ValidatableResponse balance(AccountStream account) {
        return given().auth().oauth2(Tokens.cashier()).get(account.path("/balance")).then().statusCode(200);
    }
}
