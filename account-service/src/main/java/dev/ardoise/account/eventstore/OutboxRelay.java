package dev.ardoise.account.eventstore;

import dev.ardoise.events.AccountEventsTopic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs this instance's outbox relay on its own threads: one loop per partition of account-events, each publishing
 * a batch of its partition when it gets the partition's lock ({@link OutboxPublisher}). Instances share the
 * partitions; one publishes a given partition, so a given account, at a time. A partition with a full batch goes
 * again at once but behind the others' turns, so a busy partition does not starve the rest; a slow one holds one
 * thread, not all. A failed batch rolls back, is counted, and its partition retries with a growing back-off.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Holding this lock exclusively (pg_advisory_xact_lock) pauses every relay: see {@link OutboxPublisher}. */
    static final long RELAY_LOCK = OutboxPublisher.RELAY_LOCK;

    private final Pool pool;
    private final Producer<String, String> producer;
    private final KafkaClientSettings kafka;
    private final boolean enabled;
    private final int threadCount;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final int batchSize;
    private final MeterRegistry meters;
    private final Counter failedBatches;
    private volatile OutboxPublisher publisher;
    private volatile TopicTail tail;
    private ScheduledExecutorService threads;

    OutboxRelay(Pool pool, Producer<String, String> producer, MeterRegistry meters,
                KafkaClientSettings kafka,
                @ConfigProperty(name = "ardoise.outbox.enabled", defaultValue = "true") boolean enabled,
                @ConfigProperty(name = "ardoise.outbox.threads", defaultValue = "2") int threadCount,
                @ConfigProperty(name = "ardoise.outbox.poll-interval") Duration pollInterval,
                @ConfigProperty(name = "ardoise.outbox.max-backoff", defaultValue = "5s") Duration maxBackoff,
                @ConfigProperty(name = "ardoise.outbox.batch-size") int batchSize) {
        this.pool = pool;
        this.producer = producer;
        this.kafka = kafka;
        this.enabled = enabled;
        this.threadCount = threadCount;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.batchSize = batchSize;
        this.meters = meters;
        this.failedBatches = meters.counter("ardoise.outbox.failed.batches");
        meters.gauge("ardoise.outbox.lag.seconds", this, relay -> relay.publisher == null ? 0 : relay.publisher.lagSeconds());
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.warn("the outbox relay is disabled (ardoise.outbox.enabled=false): this instance publishes nothing");
            return;
        }
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newScheduledThreadPool(threadCount,
                runnable -> new Thread(runnable, "outbox-relay-" + number.incrementAndGet()));
        threads.execute(() -> connect(pollInterval));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (threads != null) {
            threads.shutdownNow();
            try {
                threads.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (tail != null) {
            tail.close();
        }
    }

    /** Learns how many partitions the topic has (the broker may not be up yet), then starts one loop per partition. */
    private void connect(Duration backoff) {
        try {
            int partitions = producer.partitionsFor(AccountEventsTopic.NAME).size();
            tail = new TopicTail(KafkaProducerFactory.tailConsumer(kafka.common(), "account-service-outbox-tail",
                    batchSize));
            publisher = new OutboxPublisher(pool, producer, tail, partitions, batchSize, meters);
            LOG.infof("outbox relay started on the %d partitions of %s", partitions, AccountEventsTopic.NAME);
            for (int partition = 0; partition < partitions; partition++) {
                int next = partition;
                threads.execute(() -> relay(next, pollInterval));
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay cannot reach %s yet, will retry: %s", AccountEventsTopic.NAME, e.getMessage());
            schedule(() -> connect(longer(backoff)), backoff);
        }
    }

    private void relay(int partition, Duration backoff) {
        Duration delay;
        Duration nextBackoff = pollInterval;
        try {
            int done = publisher.publishBatch(partition);
            delay = done == batchSize ? Duration.ZERO : pollInterval;
        } catch (RuntimeException e) {
            failedBatches.increment();
            LOG.warnf("outbox relay could not publish a batch of partition %d, will retry in %s: %s",
                    partition, backoff, e.getMessage());
            delay = backoff;
            nextBackoff = longer(backoff);
        }
        Duration retryBackoff = nextBackoff;
        schedule(() -> relay(partition, retryBackoff), delay);
    }

    private Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            threads.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("outbox relay stopping");
        }
    }
}
