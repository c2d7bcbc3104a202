package dev.ardoise.invoice.it;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.Histories;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.ReadModelDump;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same histories, published twice under different account ids: once account after account, once shuffled
 * across accounts with duplicates and events swapped (gaps), reach the same read models row for row.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReplayTest {
    private static final int ACCOUNTS = 20;
    private static final int EVENTS = 60;

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_same_stream_in_any_interleaving_with_duplicates_gives_the_same_read_models() throws SQLException {
        Map<UUID, String> first = new LinkedHashMap<>();
        Map<UUID, String> second = new LinkedHashMap<>();
        List<List<RecordedEvent>> firstHistories = new ArrayList<>();
        List<List<RecordedEvent>> secondHistories = new ArrayList<>();
        for (int index = 0; index < ACCOUNTS; index++) {
            UUID one = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            first.put(one, "ACCOUNT-" + index);
            second.put(other, "ACCOUNT-" + index);
            firstHistories.add(Histories.history(one, index, EVENTS));
            secondHistories.add(Histories.history(other, index, EVENTS));
        }

        long start = System.nanoTime();
        Publisher.publish(kafka, inOrderWithDuplicates(firstHistories));
        Publisher.publish(kafka, shuffledWithDuplicatesAndGaps(secondHistories, new Random(42)));

        await().atMost(Duration.ofSeconds(120)).until(() -> ReaderPositions.allAt(dataSource, first.keySet(), EVENTS)
                && ReaderPositions.allAt(dataSource, second.keySet(), EVENTS));
        System.out.printf("ReplayTest: projected in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        String once = ReadModelDump.of(dataSource, first);
        String again = ReadModelDump.of(dataSource, second);
        assertTrue(once.lines().count() > ACCOUNTS * EVENTS / 2, "the dump has the accounts' rows");
        assertEquals(once, again);
    }

    /** Account after account, every event then the whole history again. */
    private static List<ProducerRecord<String, String>> inOrderWithDuplicates(List<List<RecordedEvent>> histories) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        histories.forEach(history -> history.forEach(event -> records.add(AccountStream.record(event))));
        histories.forEach(history -> history.forEach(event -> records.add(AccountStream.record(event))));
        return records;
    }

    /**
     * Accounts interleaved at random; each account's events in order but for a few neighbours swapped (the
     * later one parked until the earlier arrives), and a quarter of the events sent a second time later on.
     */
    private static List<ProducerRecord<String, String>> shuffledWithDuplicatesAndGaps(
            List<List<RecordedEvent>> histories, Random random) {
        List<List<RecordedEvent>> queues = new ArrayList<>();
        for (List<RecordedEvent> history : histories) {
            List<RecordedEvent> queue = new ArrayList<>(history);
            for (int i = 2; i + 1 < queue.size(); i += 7 + random.nextInt(5)) {
                Collections.swap(queue, i, i + 1);
            }
            queues.add(queue);
        }
        Map<Integer, Integer> next = new HashMap<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        List<RecordedEvent> sent = new ArrayList<>();
        int left = queues.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int account = random.nextInt(queues.size());
            int position = next.getOrDefault(account, 0);
            if (position < queues.get(account).size()) {
                RecordedEvent event = queues.get(account).get(position);
                records.add(AccountStream.record(event));
                sent.add(event);
                next.put(account, position + 1);
                left--;
                if (random.nextInt(4) == 0) {
                    records.add(AccountStream.record(sent.get(random.nextInt(sent.size()))));
                }
            }
        }
        return records;
    }
}
