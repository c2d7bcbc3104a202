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
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs this instance's outbox relay on its own threads: one loop per partition of account-events, each publishing
 * a batch of its partition when it gets the partition's lock ({@link OutboxPublisher}). A commit of this instance
 * wakes its account's partition at once ({@link #committed}); the poll is for what other instances commit (their
 * own relays publish it when they hold the partition) and a fallback. Not PostgreSQL's LISTEN/NOTIFY: a NOTIFY
 * takes a database-wide lock at commit, which every command would then queue on. Instances share the
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
    /** One per partition once the relay reached the broker, else null. */
    private volatile PartitionLoop[] loops;
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
        // A wake-up cancels the partition's polling turn: without this it would stay queued until its time.
        executor.setRemoveOnCancelPolicy(true);
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
        loops = null;
        publisher = null;
        if (tail != null) {
            tail.close();
            tail = null;
        }
        LOG.info("outbox relay stopped");
    }

    /**
     * A command committed new events of this account: its partition's loop runs its next batch now rather than at
     * the next poll. Wake-ups that come while a batch of the partition is under way are coalesced into one batch
     * after it. Must be called after the commit, never inside the transaction; cheap, never blocks on I/O.
     */
    public void committed(UUID accountId) {
        PartitionLoop[] current = loops;
        if (current != null) {
            current[OutboxPartitions.of(accountId, current.length)].wake();
        }
    }

    synchronized boolean running() {
        return threads != null;
    }

    /** Learns how many partitions the topic has (the broker may not be up yet), then starts one loop per partition. */
    private void connect(ScheduledExecutorService executor, Duration backoff) {
        try {
            int partitions = producer.partitionsFor(AccountEventsTopic.NAME).size();
            OutboxPublisher publishing = connected(executor, partitions);
            if (publishing == null) {
                return;
            }
            LOG.infof("outbox relay started on the %d partitions of %s", partitions, AccountEventsTopic.NAME);
            // other instances park and operators unpark too: the gauge counts the table again now and then
            executor.scheduleWithFixedDelay(parkedAccounts::refreshCount, 0, PARKED_COUNT_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            PartitionLoop[] started = new PartitionLoop[partitions];
            for (int partition = 0; partition < partitions; partition++) {
                started[partition] = new PartitionLoop(executor, publishing, partition);
            }
            loops = started;
            for (PartitionLoop loop : started) {
                loop.start();
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
        TopicTail reader = new TopicTail(KafkaProducerFactory.tailConsumer(kafka.common(),
                "account-service-outbox-tail", batchSize));
        try {
            publisher = new OutboxPublisher(pool, producer, reader, partitions, batchSize, meters,
                    parkedAccounts::refreshCount);
        } catch (RuntimeException databaseAway) {
            reader.close();
            throw databaseAway;
        }
        tail = reader;
        return publisher;
    }

    /**
     * The turns of one partition: one batch at a time, the next one after the poll interval, at once when the last
     * batch was full or a commit woke the partition meanwhile, after a growing back-off when it failed (a wake-up
     * does not cut a back-off short: the broker or the database is away).
     */
    private final class PartitionLoop {
        private final ScheduledExecutorService executor;
        private final OutboxPublisher publisher;
        private final int partition;
        private Duration backoff = pollInterval;
        /** The next turn; null while a batch is under way, or once the relay stops. */
        private ScheduledFuture<?> next;
        private boolean woken;
        private boolean backingOff;

        PartitionLoop(ScheduledExecutorService executor, OutboxPublisher publisher, int partition) {
            this.executor = executor;
            this.publisher = publisher;
            this.partition = partition;
        }

        synchronized void start() {
            next = schedule(Duration.ZERO);
        }

        synchronized void wake() {
            if (next == null) {
                woken = true;
            } else if (!backingOff && next.getDelay(TimeUnit.NANOSECONDS) > 0 && next.cancel(false)) {
                // a turn that already began (cancel fails) reads the outbox after this commit anyway
                next = schedule(Duration.ZERO);
            }
        }

        private void turn() {
            synchronized (this) {
                next = null;
                woken = false;
            }
            Duration delay;
            boolean failed = false;
            try {
                int done = publisher.publishBatch(partition);
                backoff = pollInterval;
                delay = done == batchSize ? Duration.ZERO : pollInterval;
            } catch (RuntimeException e) {
                failedBatches.increment();
                LOG.warnf("outbox relay could not publish a batch of partition %d, will retry in %s: %s",
                        partition, backoff, e.getMessage());
                failed = true;
                delay = backoff;
                backoff = longer(backoff);
            }
            synchronized (this) {
                backingOff = failed;
                next = schedule(woken && !failed ? Duration.ZERO : delay);
            }
        }

        private ScheduledFuture<?> schedule(Duration delay) {
            try {
                return executor.schedule(this::turn, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                LOG.debug("outbox relay stopping");
                return null;
            }
        }
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
