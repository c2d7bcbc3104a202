package dev.ardoise.console.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far behind each reader is: per partition of account-events, the offset its consumer group committed against the
 * partition's end (Kafka's admin API), and how old the oldest event account-service's outbox relay has not published
 * yet is ({@code ardoise_outbox_lag_seconds} in its metrics). Asked at most every two seconds, however many browsers
 * look, and by one request at a time: while one asks (up to 5 s per admin call when the broker is slow), the others
 * are answered the last figures at once rather than waiting behind it; only the very first request waits.
 */
@ApplicationScoped
public class Lag {
    static final String OUTBOX_LAG = "ardoise_outbox_lag_seconds";
    private static final Duration FRESH_FOR = Duration.ofSeconds(2);
    private static final long PATIENCE_SECONDS = 5;

    private final KafkaClients kafka;
    private final OperationsSettings settings;
    private final AccountServiceMetrics metrics;
    private final Duration freshFor;
    private volatile View last;
    /** The asking in progress, if any: the one request that asks the broker, the others do not wait for it. */
    private CompletableFuture<View> asking;

    /** One partition of a reader: what it committed (null: never), the partition's end, what it still has to read. */
    public record PartitionLag(int partition, Long committed, long end, long lag) {
    }

    /** A reader's group: its state (STABLE, EMPTY: nobody reads...), its members, its partitions' lag. */
    public record ReaderLag(String group, String state, int members, long total, List<PartitionLag> partitions,
                            String problem) {
    }

    /** The relay's lag in seconds, or why it is not known. */
    public record OutboxLag(Double seconds, String problem) {
    }

    public record View(String at, List<ReaderLag> readers, OutboxLag outbox) {
    }

    @Inject
    Lag(KafkaClients kafka, OperationsSettings settings, @RestClient AccountServiceMetrics metrics) {
        this(kafka, settings, metrics, FRESH_FOR);
    }

    Lag(KafkaClients kafka, OperationsSettings settings, AccountServiceMetrics metrics, Duration freshFor) {
        this.kafka = kafka;
        this.settings = settings;
        this.metrics = metrics;
        this.freshFor = freshFor;
    }

    public View now() {
        View seen = last;
        if (seen != null && fresh(seen)) {
            return seen;
        }
        CompletableFuture<View> pending;
        boolean mine = false;
        synchronized (this) {
            if (asking == null) {
                asking = new CompletableFuture<>();
                mine = true;
            }
            pending = asking;
        }
        if (mine) {
            return ask(pending);
        }
        return seen != null ? seen : pending.join();
    }

    private boolean fresh(View view) {
        return !Instant.parse(view.at()).plus(freshFor).isBefore(Instant.now());
    }

    private View ask(CompletableFuture<View> pending) {
        try {
            View view = new View(Instant.now().toString(), readers(), outbox());
            last = view;
            pending.complete(view);
            return view;
        } catch (RuntimeException e) {
            pending.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                asking = null;
            }
        }
    }

    private List<ReaderLag> readers() {
        Map<TopicPartition, Long> ends;
        Admin admin;
        try {
            admin = kafka.admin();
            ends = ends(admin);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            String problem = "account-events: " + problem(e);
            return settings.readerGroups().stream().map(group -> new ReaderLag(group, null, 0, 0, List.of(), problem))
                    .toList();
        }
        return settings.readerGroups().stream().map(group -> reader(admin, group, ends)).toList();
    }

    private ReaderLag reader(Admin admin, String group, Map<TopicPartition, Long> ends) {
        try {
            Group described = described(admin, group);
            List<PartitionLag> partitions = new ArrayList<>();
            ends.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(TopicPartition::partition)))
                    .forEach(end -> {
                        OffsetAndMetadata offset = described.committed().get(end.getKey());
                        Long at = offset == null ? null : offset.offset();
                        partitions.add(new PartitionLag(end.getKey().partition(), at, end.getValue(),
                                Math.max(0, end.getValue() - (at == null ? 0 : at))));
                    });
            return new ReaderLag(group, described.state(), described.members(),
                    partitions.stream().mapToLong(PartitionLag::lag).sum(), partitions, null);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            return new ReaderLag(group, null, 0, 0, List.of(), problem(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReaderLag(group, null, 0, 0, List.of(), "interrupted");
        }
    }

    /** A group's state, members and committed offsets; a group the broker does not know has none (DEAD). */
    private record Group(String state, int members, Map<TopicPartition, OffsetAndMetadata> committed) {
    }

    private static Group described(Admin admin, String group)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return new Group(description.groupState().name(), description.members().size(), committed);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return new Group(GroupState.DEAD.name(), 0, Map.of());
            }
            throw e;
        }
    }

    private Map<TopicPartition, Long> ends(Admin admin) throws ExecutionException, TimeoutException {
        String topic = settings.accountEventsTopic();
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(),
                            any -> OffsetSpec.latest()))).all().get(PATIENCE_SECONDS, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        }
    }

    private OutboxLag outbox() {
        try {
            RestResponse<String> scraped = metrics.scrape();
            if (scraped.getStatus() != 200 || scraped.getEntity() == null) {
                return new OutboxLag(null, "account-service's metrics answered HTTP " + scraped.getStatus());
            }
            Double seconds = PrometheusText.largest(scraped.getEntity(), OUTBOX_LAG);
            return seconds == null ? new OutboxLag(null, OUTBOX_LAG + " is not in account-service's metrics")
                    : new OutboxLag(seconds, null);
        } catch (ProcessingException e) {
            return new OutboxLag(null, "account-service's metrics could not be reached");
        }
    }

    private static String problem(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof TimeoutException ? "the broker did not answer within " + PATIENCE_SECONDS + " s"
                : "the broker answered " + cause.getClass().getSimpleName();
    }
}
