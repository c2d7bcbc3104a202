package dev.ardoise.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** What this machine's broker and database do without Ardoise in the way: the ceiling the figures sit under. */
final class RawLimits {
    private static final String SCRATCH_TOPIC = "benchmark-scratch";
    /** About the size of an account event on the topic (a generated history's average is ~490 bytes). */
    static final int RECORD_BYTES = 500;
    private static final String INSERT =
            "INSERT INTO benchmark_scratch (id, account_id, amount, body) VALUES (?, ?, ?, ?)";

    private final Report report;
    private final int kafkaRecords;
    private final int batchedRows;
    private final int connections;
    private final long timedNanos;
    double kafkaRecordsPerSecond;
    double commitsPerSecondOne;
    double commitsPerSecondMany;
    double batchedRowsPerSecond;

    /**
     * @param connections N of the single-row commits at N connections
     * @param timed       how long the single-row commits and the disk's flushes run, each
     */
    RawLimits(Report report, int kafkaRecords, int batchedRows, int connections, java.time.Duration timed) {
        this.timedNanos = timed.toNanos();
        this.report = report;
        this.kafkaRecords = kafkaRecords;
        this.batchedRows = batchedRows;
        this.connections = connections;
    }

    /**
     * A plain producer like a real one (acks=all, linger 5 ms, SCRAM login like the services'), records of an
     * event's size to
     * a 3-partition scratch topic; {@code client} logs in as the stack's admin, who may create that topic.
     */
    void kafka(Map<String, Object> client) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            String value = "x".repeat(RECORD_BYTES);
            long start = System.nanoTime();
            try (KafkaProducer<String, String> producer = producer(client)) {
                for (int i = 0; i < kafkaRecords; i++) {
                    producer.send(new ProducerRecord<>(SCRATCH_TOPIC, UUID.randomUUID().toString(), value));
                }
                producer.flush();
            }
            long elapsed = System.nanoTime() - start;
            report.row("Kafka producer, %d-byte records (an event's size), acks=all, linger 5 ms".formatted(
                    RECORD_BYTES), kafkaRecords, elapsed, "records", null);
            kafkaRecordsPerSecond = Latencies.perSecond(kafkaRecords, elapsed);
            admin.deleteTopics(List.of(SCRATCH_TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
    }

    static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        return new KafkaProducer<>(config);
    }

    /**
     * (a) one row per commit on 1 connection, then on N at once; (b) many rows in one transaction, the driver
     * rewriting each batch into multi-row INSERTs ({@code reWriteBatchedInserts=true} on {@code database}).
     */
    void postgres(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS benchmark_scratch");
            statement.execute("CREATE TABLE benchmark_scratch (id bigint PRIMARY KEY, account_id uuid NOT NULL, "
                    + "amount numeric NOT NULL, body text NOT NULL)");
            report.line("| (the stack's PostgreSQL runs with synchronous_commit %s, fsync %s) | | | | |"
                    .formatted(setting(statement, "synchronous_commit"), setting(statement, "fsync")));
            commitsPerSecondOne = singleRowCommits(database, 1);
            commitsPerSecondMany = singleRowCommits(database, connections);
            batchedInsert(connection);
            statement.execute("DROP TABLE benchmark_scratch");
        }
    }

    /** The disk itself: 8 KB appended and forced to it, one at a time, as a WAL flush with fsync on would be. */
    void diskFlushes(Path folder) throws IOException {
        Path file = Files.createTempFile(folder, "fsync", ".bin");
        Latencies latencies = new Latencies();
        ByteBuffer page = ByteBuffer.allocate(8 * 1024);
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (System.nanoTime() - start < timedNanos) {
                long begin = System.nanoTime();
                channel.write(page.clear());
                channel.force(false);
                latencies.add(System.nanoTime() - begin);
            }
        } finally {
            Files.delete(file);
        }
        report.row("disk: 8 KB write + fsync, one at a time (what a commit with fsync on waits for)",
                latencies.count(), System.nanoTime() - start, "flushes", latencies);
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet value = statement.executeQuery("SHOW " + name)) {
            value.next();
            return value.getString(1);
        }
    }

    private double singleRowCommits(DataSource database, int clients) throws Exception {
        Latencies latencies = new Latencies();
        java.util.concurrent.atomic.AtomicInteger rows = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = 10_000_000 * (client + 1) + (clients == 1 ? 0 : 100_000_000);
                done.add(threads.submit(() -> {
                    try (Connection connection = database.getConnection();
                         PreparedStatement insert = connection.prepareStatement(INSERT)) {
                        connection.setAutoCommit(true);
                        for (int row = first; System.nanoTime() - start < timedNanos; row++) {
                            long begin = System.nanoTime();
                            bind(insert, row);
                            insert.executeUpdate();
                            latencies.add(System.nanoTime() - begin);
                            rows.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> client : done) {
                client.get();
            }
        } finally {
            threads.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        report.row("PostgreSQL single-row INSERT, each committed (autocommit), %s".formatted(
                clients == 1 ? "1 connection" : clients + " connections at once"), rows.get(), elapsed, "commits", latencies);
        return Latencies.perSecond(rows.get(), elapsed);
    }

    private void batchedInsert(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int row = 0; row < batchedRows; row++) {
                bind(insert, 1_000_000 + row);
                insert.addBatch();
                if (row % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        long elapsed = System.nanoTime() - start;
        report.row("PostgreSQL batched INSERT (JDBC batches of 1,000 rewritten as multi-row INSERTs), one "
                + "transaction", batchedRows, elapsed, "rows", null);
        batchedRowsPerSecond = Latencies.perSecond(batchedRows, elapsed);
    }

    private static void bind(PreparedStatement insert, int row) throws SQLException {
        insert.setLong(1, row);
        insert.setObject(2, UUID.randomUUID());
        insert.setBigDecimal(3, java.math.BigDecimal.valueOf(row % 100_000, 2));
        insert.setString(4, "ledger entry " + row);
    }
}
