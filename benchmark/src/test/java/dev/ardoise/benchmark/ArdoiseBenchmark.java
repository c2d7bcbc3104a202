package dev.ardoise.benchmark;

import dev.ardoise.localstack.LocalStack;
import dev.ardoise.localstack.StackSettings;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole system on this machine, started from the built jars as system-tests does: the machine's raw limits,
 * the register's path over HTTP, the live projections catching up on a generated history of
 * {@code benchmark.events} events (at least 100,000 by default), and a rebuild that must end equal to the live read
 * models ({@code -Dbenchmark.rebuild=false}: only the reconciliation, e.g. for a million events). Writes
 * {@code target/benchmark-report.md}. Runs only with {@code -Pbenchmark}.
 */
class ArdoiseBenchmark {
    private static final int DEFAULT_EVENTS = 100_000;

    @Test
    void measures_the_system_against_the_machine_and_rebuilds_equal_to_the_live_read_models() throws Exception {
        int events = Integer.getInteger("benchmark.events", DEFAULT_EVENTS);
        Path home = Path.of(System.getProperty("ardoise.home", "..")).toAbsolutePath().normalize();
        Report report = new Report(home.resolve("benchmark/target/benchmark-report.md"));
        report.line("# Ardoise benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.line("");
        report.line("- Machine: " + Machine.describe());
        report.line("- Load average (1, 5, 15 min) at the start: " + Machine.load());
        report.line("- Generated events: %,d (`-Dbenchmark.events`)".formatted(events));
        report.line("- Services as built at: " + BuiltSystem.buildTimes(home) + " (copied to `benchmark/target/built` "
                + "before the start, so that a rebuild during the run changes nothing)");
        Path built = BuiltSystem.copy(home, home.resolve("benchmark/target/built"));
        StackSettings settings = StackSettings.onFreePorts(built, home.resolve("benchmark/target/stack"));
        long starting = System.nanoTime();
        LocalStack stack = LocalStack.start(settings);
        Thread stopOnInterrupt = new Thread(stack::close, "benchmark-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            report.line("- The stack (PostgreSQL, Kafka, SMTP, the three services) started in "
                    + Latencies.seconds(System.nanoTime() - starting));
            String invoices = settings.serviceUrl(settings.invoicePort());

            report.section("1. Raw limits of this machine, same run");
            report.tableHead();
            RawLimits raw = new RawLimits(report);
            raw.kafka(stack.kafkaClient("admin"));
            raw.postgres(database(stack, "postgres"));
            raw.diskFlushes(settings.workDir());

            report.section("2. account-service over HTTP (the register's path)");
            PosPath pos = new PosPath(settings.serviceUrl(settings.accountPort()), invoices, stack.tokens(), report);
            pos.run();

            report.section("3. Live projections catching up on a generated history");
            CatchUp catchUp = new CatchUp(report);
            catchUp.run(stack.kafkaClient("admin"), events, database(stack, "ardoise_invoices"),
                    database(stack, "ardoise_notifications"));

            RebuildCheck rebuild = new RebuildCheck(invoices, stack.tokens(), report);
            if (Boolean.parseBoolean(System.getProperty("benchmark.rebuild", "true"))) {
                report.section("4. invoice-service rebuild, equal to the live read models");
                rebuild.run(database(stack, "ardoise_invoices"), catchUp.accountIds());
            } else {
                report.section("4. invoice-service reconciliation (rebuild skipped: -Dbenchmark.rebuild=false)");
                rebuild.reconcile();
            }

            report.line("");
            report.line("Load average (1, 5, 15 min) at the end: " + Machine.load());
            assertEquals(0, pos.failures(), () -> "charges not answered 201: " + pos.failureSamples());
        } finally {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            System.out.println("\n" + report.text());
        }
    }

    private static DataSource database(LocalStack stack, String name) {
        StackSettings settings = stack.settings();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {settings.postgresPort()});
        dataSource.setDatabaseName(name);
        dataSource.setUser("postgres");
        dataSource.setPassword(stack.databasePassword());
        return dataSource;
    }
}
