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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs this instance's outbox relay on its own threads: one loop per partition of account-events, each publishing
 * a batch of its partition when it gets the partition's lock ({@link OutboxPublisher}). Instances share the
 * partitions; one publishes a given partition, so a given account, at a time. A partition with a full batch goes
 * again at once but behind the others' turns, so a busy partition does not starve the rest; a slow one holds one
 * thread, not all. A failed batch rolls back, is counted, and its partition retries with a growing back-off; a
 * row that cannot be published for what it is parks its account instead ({@link ParkedAccounts}).
 * The relay starts with the application (unless {@code ardoise.outbox.enabled=false}) and can be stopped and
 * started again while it runs.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Holding this lock exclusively (pg_advisory_xact_lock) pauses every relay: see {@link OutboxPublisher}. */
    static final long RELAY_LOCK = OutboxPublisher.RELAY_LOCK;
    private static final Duration PARKED_COUNT_INTERVAL = Duration.ofSeconds(5);

    private final Pool pool;
    private final Producer<String, String> producer;
    private final KafkaClientSettings kafka;
    private final boolean enabled;
    private final int threadCount;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final int batchSize;
    private final MeterRegistry meters;
    private final ParkedAccounts parkedAccounts;
    private final Counter failedBatches;
    private volatile OutboxPublisher publisher;
    private volatile TopicTail tail;
    private ScheduledExecutorService threads;

    OutboxRelay(Pool pool, Producer<String, String> producer, MeterRegistry meters,
                KafkaClientSettings kafka, ParkedAccounts parkedAccounts,
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
        this.parkedAccounts = parkedAccounts;
        this.failedBatches = meters.counter("ardoise.outbox.failed.batches");
        meters.gauge("ardoise.outbox.lag.seconds", this, relay -> relay.publisher == null ? 0 : relay.publisher.lagSeconds());
    }

    void onStartup(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.warn("the outbox relay is disabled (ardoise.outbox.enabled=false): this instance publishes nothing");
            return;
        }
        start();
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stop();
    }

    /**
     * Starts this instance's relay if it is not running. A start after a {@link #stop()} trusts nothing it knew of
     * the partitions' ends (other relays may have written since): its first batch of each partition reads the tail.
     */
    synchronized void start() {
        if (threads != null) {
            return;
        }
        AtomicInteger number = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threadCount,
                runnable -> new Thread(runnable, "outbox-relay-" + number.incrementAndGet()));
        // A stop drops the loops' next turns, and lets a batch under way commit or roll back.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        threads = executor;
        threads.execute(() -> connect(executor, pollInterval));
    }

    /**
     * Stops this instance's relay: no batch begins any more, a batch under way gets a few seconds to commit or roll
     * back before it is interrupted (which rolls it back), and the tail reader is closed. What it leaves unpublished
     * is published by another instance, or by this one after {@link #start()}.
     */
    synchronized void stop() {
        if (threads == null) {
            return;
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                threads.shutdownNow();
                threads.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        threads = null;
        publisher = null;
        if (tail != null) {
            tail.close();
            tail = null;
        }
        LOG.info("outbox relay stopped");
    }

    /**
     * A command committed new events of this account: its partition is published now rather than at the next poll.
     * Must be called after the commit, never inside the transaction.
     */
    public void committed(java.util.UUID accountId) {
        // the relay's wake-up (issue 12) replaces this stub
    }

    synchronized boolean running() {
        return threads != null;
    }

    /** Learns how many partitions the topic has (the broker may not be up yet), then starts one loop per partition. */
    private void connect(ScheduledExecutorService executor, Duration backoff) {
        try {
            int partitions = producer.partitionsFor(AccountEventsTopic.NAME).size();
            OutboxPublisher started = connected(executor, partitions);
            if (started == null) {
                return;
            }
            LOG.infof("outbox relay started on the %d partitions of %s", partitions, AccountEventsTopic.NAME);
            // other instances park and operators unpark too: the gauge counts the table again now and then
            executor.scheduleWithFixedDelay(parkedAccounts::refreshCount, 0, PARKED_COUNT_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            for (int partition = 0; partition < partitions; partition++) {
                int next = partition;
                schedule(executor, () -> relay(executor, started, next, pollInterval), Duration.ZERO);
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay cannot reach %s yet, will retry: %s", AccountEventsTopic.NAME, e.getMessage());
            schedule(executor, () -> connect(executor, longer(backoff)), backoff);
        }
    }

    /** The publisher of a relay that was not stopped while it reached the broker (null if it was). */
    private synchronized OutboxPublisher connected(ScheduledExecutorService executor, int partitions) {
        if (executor.isShutdown()) {
            return null;
        }
        tail = new TopicTail(KafkaProducerFactory.tailConsumer(kafka.common(), "account-service-outbox-tail",
                batchSize));
        publisher = new OutboxPublisher(pool, producer, tail, partitions, batchSize, meters,
                parkedAccounts::refreshCount);
        return publisher;
    }

    private void relay(ScheduledExecutorService executor, OutboxPublisher publisher, int partition, Duration backoff) {
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
        schedule(executor, () -> relay(executor, publisher, partition, retryBackoff), delay);
    }

    private Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    private void schedule(ScheduledExecutorService executor, Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("outbox relay stopping");
        }
    }
}
