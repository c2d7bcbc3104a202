package dev.ardoise.events.reader;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Ready once the reader has its partitions of account-events and has applied every record that was on them when
 * it got them, so that the first request after start sees what the topic said at start, as any later one does,
 * instead of "not found" while the reader is still joining its group or working through a backlog. Once ready it
 * stays ready: a reader that falls behind later is still serving, and says so per read ({@code minVersion}).
 * <p>
 * Before it says so the first time, it rehearses an account's history with the service's handler in a transaction
 * that it rolls back ({@link Rehearsal}): the first event otherwise pays for loading the database path.
 * <p>
 * account-events is written without Kafka transactions (the relay's exactly-once comes from the outbox), so a
 * partition's end offset is the offset after its last record.
 */
@Readiness
@ApplicationScoped
public class CaughtUp implements AsyncHealthCheck {
    static final String CHANNEL = "account-events";

    private final KafkaClientService kafka;
    private final Vertx vertx;
    private final Instance<EventHandler> handlers;
    private final Map<Integer, Long> applied = new ConcurrentHashMap<>();
    private volatile StartingPoint known = StartingPoint.NONE;
    private volatile boolean caughtUp;

    CaughtUp(KafkaClientService kafka, Vertx vertx, Instance<EventHandler> handlers) {
        this.kafka = kafka;
        this.vertx = vertx;
        this.handlers = handlers;
    }

    /** Notes how far the reader has applied each partition; called once a batch is acknowledged. */
    void applied(KafkaRecordBatch<String, String> batch) {
        batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).ifPresent(metadata -> {
            ConsumerRecords<?, ?> records = metadata.getRecords();
            records.partitions().forEach(partition -> {
                List<? extends ConsumerRecord<?, ?>> ofPartition = records.records(partition);
                long next = ofPartition.get(ofPartition.size() - 1).offset() + 1;
                applied.merge(partition.partition(), next, Math::max);
            });
        });
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("account-events reader caught up");
        if (caughtUp) {
            return Uni.createFrom().item(response.up().build());
        }
        return startingPoint().chain(point -> {
            if (point == null) {
                return Uni.createFrom().item(response.down().withData("waiting", "for its partitions of " + CHANNEL)
                        .build());
            }
            point.describe(applied, response);
            if (!point.reachedBy(applied)) {
                return Uni.createFrom().item(response.down().build());
            }
            return rehearsed().invoke(() -> caughtUp = true).replaceWith(() -> response.up().build());
        }).onFailure().recoverWithItem(e -> response.down().withData("error", e.toString()).build());
    }

    private Uni<Void> rehearsed() {
        return SafeContext.fresh(vertx).run(() -> handlers.isResolvable() ? Rehearsal.of(handlers.get())
                : Uni.createFrom().voidItem());
    }

    /**
     * Where each partition the reader holds now ended, and where its group had got to, when the reader first got it:
     * a partition taken away by a rebalance before the reader caught up no longer counts, one given later does.
     */
    private Uni<StartingPoint> startingPoint() {
        KafkaConsumer<String, String> consumer = kafka.getConsumer(CHANNEL);
        if (consumer == null) {
            return Uni.createFrom().nullItem();
        }
        return consumer.runOnPollingThread((Consumer<String, String> polling) -> {
            Set<TopicPartition> assigned = polling.assignment();
            if (assigned.isEmpty()) {
                return null;
            }
            Set<TopicPartition> firstSeen = assigned.stream()
                    .filter(partition -> !known.covers(partition.partition())).collect(Collectors.toSet());
            if (!firstSeen.isEmpty()) {
                known = known.and(StartingPoint.of(polling.endOffsets(firstSeen), polling.committed(firstSeen)));
            }
            return known.only(assigned.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
        });
    }
}
