package dev.ardoise.benchmark;

import dev.ardoise.localstack.LocalStack;
import dev.ardoise.localstack.StackSettings;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One run of the benchmark at the given sizes (docs/benchmarks.md): the stack started from the built jars as
 * system-tests does, the machine's raw limits, the charges over HTTP and over the POS topic (a warm-up, the sweep to
 * the sustainable maximum, then half of it with freshness), long-lived accounts, the relay, each reader's catch-up,
 * the rebuild compared row by row, and the charges again with fsync on; the memory and CPU of every process
 * throughout.
 * It asserts only what is correct or not (every charge answered 201 or 422, every sample seen, the rebuild equal),
 * never a speed: the targets are in the report.
 */
final class BenchmarkRun {
    private final Sizes sizes;
    private final Path home;
    private final String name;
    private final Report report;
    private final List<String[]> targets = new ArrayList<>();
    private final List<String[]> ratios = new ArrayList<>();
    private final AtomicReference<LocalStack> running = new AtomicReference<>();

    /**
     * @param name the run's report is {@code target/<name>-report.md}, its copy of the built system
     *             {@code target/<name>-built}, its stack's folder {@code target/<name>-stack}: a smoke run and a full
     *             run do not share them
     */
    BenchmarkRun(Sizes sizes, String name) {
        this.sizes = sizes;
        this.name = name;
        this.home = Path.of(System.getProperty("ardoise.home", "..")).toAbsolutePath().normalize();
        this.report = new Report(home.resolve("benchmark/target").resolve(name + "-report.md"));
    }

    void run() throws Exception {
        long began = System.nanoTime();
        header("Ardoise benchmark");
        Path built = BuiltSystem.copy(home, home.resolve("benchmark/target/" + name + "-built"));
        // the services alone, as measured before the console existed: it reads the topics too, and is no part of a sale
        StackSettings settings = StackSettings.onFreePorts(built, home.resolve("benchmark/target/" + name + "-stack"))
                .withoutConsole().withJvmOptions(sizes.jvmOptions().toArray(String[]::new));
        ProcessSampler sampler = new ProcessSampler(() -> running.get() == null ? Map.of()
                : running.get().processes());
        Thread stopOnInterrupt = new Thread(() -> {
            LocalStack stack = running.get();
            if (stack != null) {
                stack.close();
            }
        }, "benchmark-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            sampler.phase("stack start");
            LocalStack stack = start(settings);
            withFsyncOff(stack, sampler);
            if (sizes.durableRun()) {
                stack.close();
                running.set(null);
                withFsyncOn(settings, sampler);
            }
        } finally {
            LocalStack stack = running.get();
            if (stack != null) {
                stack.close();
                running.set(null);
            }
            // also when a part failed: the targets measured so far, the memory and the CPU up to there
            sampler.close();
            summary(sampler);
            report.line("");
            report.line("Load average (1, 5, 15 min) at the end: " + Machine.load() + "; the whole run took "
                    + Latencies.seconds(System.nanoTime() - began) + ".");
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            System.out.println("\n" + report.text());
        }
    }

    /** A topology of the scale-out run: how many account-service instances, and whether each account sticks to one. */
    private record ScaleOutCase(String title, int instances, boolean byAccount) {
    }

    /**
     * Issue 13's scale-out measure: the same charges over HTTP against one account-service instance; against two
     * behind the stack's balancer, each connection to the next; and against two with each account's charges always
     * on the same one (the load generator choosing by the account id, as a balancer hashing the id in the path
     * would). Everything else one of each. For each: the sweep to the sustainable maximum, then a steady load at
     * {@code rate} charges/s, with every process' CPU per charge and the commands that lost their account's race.
     */
    void scaleOut(double rate) throws Exception {
        long began = System.nanoTime();
        header("Ardoise scale-out run");
        Path built = BuiltSystem.copy(home, home.resolve("benchmark/target/" + name + "-built"));
        List<ScaleOutCase> cases = List.of(new ScaleOutCase("1 account-service instance", 1, false),
                new ScaleOutCase("2 account-service instances, each connection to the next", 2, false),
                new ScaleOutCase("2 account-service instances, each account's charges to one of them", 2, true));
        for (int n = 0; n < cases.size(); n++) {
            ScaleOutCase topology = cases.get(n);
            StackSettings settings = StackSettings.onFreePorts(built,
                            home.resolve("benchmark/target/" + name + "-" + (n + 1) + "-stack"))
                    .withoutConsole().withJvmOptions(sizes.jvmOptions().toArray(String[]::new))
                    .withInstances("account-service", topology.instances());
            report.section(topology.title());
            ProcessSampler sampler = new ProcessSampler(() -> running.get() == null ? Map.of()
                    : running.get().processes());
            Thread stopOnInterrupt = new Thread(this::stopRunning, "scale-out-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            long charges;
            try {
                charges = chargesOn(start(settings), sampler, rate, topology.byAccount());
            } finally {
                stopRunning();
                sampler.close();
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            }
            report.line("");
            report.line(sampler.tables());
            report.line(cpuPerCharge(sampler.cpuSeconds("steady"), charges));
        }
        report.line("");
        report.line("Load average (1, 5, 15 min) at the end: " + Machine.load() + "; the whole run took "
                + Latencies.seconds(System.nanoTime() - began) + ".");
        System.out.println("\n" + report.text());
    }

    /** The report's title and what the run ran on: the machine, its load, the sizes, the services' build. */
    private void header(String title) {
        report.line("# " + title + ", " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.line("");
        report.line("- Machine: " + Machine.describe());
        report.line("- Load average (1, 5, 15 min) at the start: " + Machine.load());
        report.line("- Sizes: " + sizes);
        report.line("- Services as built at: " + BuiltSystem.buildTimes(home) + " (copied to `benchmark/target/" + name
                + "-built` before the start, so that a rebuild during the run changes nothing)");
    }

    private void stopRunning() {
        LocalStack stack = running.getAndSet(null);
        if (stack != null) {
            stack.close();
        }
    }

    /** @return the charges accepted in the steady load */
    private long chargesOn(LocalStack stack, ProcessSampler sampler, double rate, boolean byAccount) throws Exception {
        sampler.phase("raw limits");
        report.line("");
        RawLimits raw = rawLimits(stack);
        sampler.phase("sweep");
        StackSettings settings = stack.settings();
        Shop shop = new Shop(settings.serviceUrl(settings.accountPort()), stack.tokens(), sizes.stores(),
                sizes.registersPerStore());
        if (byAccount) {
            shop.byAccount(stack.instancePortsOf("account-service").stream()
                    .map(instance -> settings.serviceUrl(instance.port())).toList());
        }
        Charges charges = new Charges(shop, sizes, report);
        charges.openAccounts();
        warmUp(stack, shop, charges);
        Readers readers = readers(stack);
        double maximum = charges.sweep("HTTP charges", readers.settleOn(charges.accounts()));
        readers.awaitCaughtUp(charges.accounts().stream().map(Shop.Account::id).toList());
        sampler.phase("steady");
        double conflictsBefore = conflicts(stack);
        OpenLoop.Result steady = charges.steady(rate);
        double conflicts = conflicts(stack) - conflictsBefore;
        sampler.phase("after");
        report.line("");
        report.line("Sustainable maximum: **%,.0f charges/s** (%s); single-row commits/s of the same PostgreSQL: "
                .formatted(maximum, Sweep.rule(sizes.step())) + "%,.0f at 1 connection, %,.0f at %d.".formatted(
                raw.commitsPerSecondOne, raw.commitsPerSecondMany, sizes.connections()));
        report.line("");
        report.tableHead();
        report.row("charges at %,.0f/s offered (%,d declined, %,d failed)".formatted(rate, steady.declined(),
                steady.failed()), steady.accepted() + steady.declined(), steady.elapsedNanos(), "charges",
                steady.latencies());
        report.line("");
        report.line("Commands that lost their account's race and were decided again in the steady load: %,.0f (%.1f%% "
                .formatted(conflicts, 100 * conflicts / Math.max(1, steady.accepted())) + "of the charges).");
        return steady.accepted();
    }

    /** The steady load's CPU per accepted charge, by process and in all: what a charge costs in each topology. */
    private static String cpuPerCharge(Map<String, Double> cpuSeconds, long charges) {
        StringBuilder text = new StringBuilder("\nCPU per accepted charge in the steady load (%,d charges), ms:\n\n"
                .formatted(charges));
        double total = 0;
        for (Map.Entry<String, Double> process : cpuSeconds.entrySet()) {
            double ms = 1000 * process.getValue() / Math.max(1, charges);
            total += ms;
            text.append("- %s: %.2f%n".formatted(process.getKey(), ms));
        }
        return text.append("- all: %.2f (the benchmark's JVM runs the load generator, and the balancer when there is "
                .formatted(total) + "one)\n").toString();
    }

    /**
     * Commands that lost the race for their account's next version, summed over account-service's instances
     * ({@code ardoise_commands_conflicts_total}): an instance decided on a state another had moved past.
     */
    private static double conflicts(LocalStack stack) {
        double sum = 0;
        for (var instance : stack.instancePortsOf("account-service")) {
            String url = stack.settings().serviceUrl(instance.managementPort()) + "/q/metrics";
            sum += Metrics.sum(Metrics.scrape(url), "ardoise_commands_conflicts_total");
        }
        return sum;
    }

    private LocalStack start(StackSettings settings) {
        long starting = System.nanoTime();
        LocalStack stack = LocalStack.start(settings);
        running.set(stack);
        report.line("- The stack (PostgreSQL with fsync %s, Kafka, SMTP, the three services) started in %s".formatted(
                settings.durableCommits() ? "on" : "off", Latencies.seconds(System.nanoTime() - starting)));
        return stack;
    }

    private void withFsyncOff(LocalStack stack, ProcessSampler sampler) throws Exception {
        StackSettings settings = stack.settings();
        String accountService = settings.serviceUrl(settings.accountPort());
        String invoiceService = settings.serviceUrl(settings.invoicePort());

        sampler.phase("raw limits");
        report.section("1. Raw limits of this machine, same run (PostgreSQL fsync off, as the stack runs)");
        RawLimits raw = rawLimits(stack);
        raw.kafka(stack.kafkaClient("admin"));
        raw.diskFlushes(settings.workDir());

        sampler.phase("charges over HTTP");
        report.section("2. Charges over HTTP from many registers (open loop, latency from each request's intended start)");
        Shop shop = new Shop(accountService, stack.tokens(), sizes.stores(), sizes.registersPerStore());
        Charges charges = new Charges(shop, sizes, report);
        charges.openAccounts();
        report.line("");
        warmUp(stack, shop, charges);
        Readers readers = readers(stack);
        double maximum = charges.sweep("HTTP charges", readers.settleOn(charges.accounts()));
        report.line("");
        report.line("Sustainable maximum: **%,.0f charges/s** (%s).".formatted(maximum, Sweep.rule(sizes.step())));
        Freshness freshness = new Freshness(shop, invoiceService, settings.mailApiUrl());
        freshness.openAccounts();
        long settling = readers.awaitCaughtUp(charges.accounts().stream().map(Shop.Account::id).toList());
        report.line("");
        report.line("Before the half run, both readers applied every event of the sweep (waited %s), so that freshness "
                .formatted(Latencies.seconds(settling)) + "is measured without a backlog left by the sweep.");
        String invoiceMetrics = settings.serviceUrl(settings.invoiceManagementPort()) + "/q/metrics";
        String notificationMetrics = settings.serviceUrl(settings.notificationManagementPort()) + "/q/metrics";
        ReaderBatches.Tally invoiceBefore = ReaderBatches.read(invoiceMetrics);
        ReaderBatches.Tally notificationBefore = ReaderBatches.read(notificationMetrics);
        freshness.start();
        OpenLoop.Result half = charges.steady(maximum / 2);
        freshness.stop();
        report.line("");
        report.line("During the half run, invoice-service applied %s; notification-service %s.".formatted(
                ReaderBatches.read(invoiceMetrics).since(invoiceBefore).describe(),
                ReaderBatches.read(notificationMetrics).since(notificationBefore).describe()));
        report.line("");
        report.tableHead();
        report.row("charges at half the maximum (%,.0f/s offered; %,d declined, %,d failed)".formatted(maximum / 2,
                half.declined(), half.failed()), half.accepted() + half.declined(), half.elapsedNanos(), "charges",
                half.latencies());
        report.row("freshness: charge answered -> balance at its version in invoice-service (one `?minVersion=` "
                        + "request per sample, held by the service, which re-reads every 50 ms; a sample every 100 ms)",
                freshness.balances().count(), half.elapsedNanos(), "samples", freshness.balances());
        report.row("freshness: charge sent -> its invoice email in the SMTP server (polled every 50 ms; a sample "
                        + "every 500 ms)",
                freshness.mails().count(), half.elapsedNanos(), "samples", freshness.mails());
        target("accepted charges/s sustained over HTTP", "%,.0f".formatted(maximum), ">= 5,000", maximum >= 5_000);
        target("charge p99 at half the maximum", "%.1f ms".formatted(half.latencies().millisAt(99)), "< 20 ms",
                half.latencies().millisAt(99) < 20);
        target("charge answered -> balance visible, p99", "%.1f ms".formatted(freshness.balances().millisAt(99)),
                "< 50 ms", freshness.balances().millisAt(99) < 50);
        target("charge -> invoice email accepted by SMTP, p99", "%.0f ms".formatted(freshness.mails().millisAt(99)),
                "< 2 s", freshness.mails().millisAt(99) < 2_000);
        ratio("charges/s sustained / single-row commits/s at %d connections".formatted(sizes.connections()),
                maximum, raw.commitsPerSecondMany, ">= 30%");
        ratio("charges/s sustained / single-row commits/s at 1 connection", maximum, raw.commitsPerSecondOne, "");

        sampler.phase("long-lived accounts");
        report.section("3. A charge on a long-lived account against one on a new account");
        List<Shop.Account> longLived = charges.longLivedAgainstNew();

        sampler.phase("charges over the POS topic");
        report.section("4. Sales over the POS topic (pos-sales -> pos-sale-results, from the intended send to the answer)");
        double posMaximum;
        try (PosTopic pos = new PosTopic(stack.kafkaClient("register"), shop, charges.accounts(), sizes.hotAccounts())) {
            new WarmUp(report).runPos(pos, sizes.sweepStart(), sizes.warmUp(), sizes.maxInFlight());
            long posSettling = readers.awaitCaughtUp(Stream.concat(charges.accounts().stream(), longLived.stream())
                    .map(Shop.Account::id).toList());
            report.line("");
            report.line("Before the POS sweep, after its warm-up, both readers applied every event so far (waited %s): "
                    .formatted(Latencies.seconds(posSettling)) + "the long-lived accounts' pre-load leaves a backlog.");
            Sweep sweep = new Sweep(report, readers.settleOn(charges.accounts()));
            posMaximum = sweep.median("POS sales", sizes.sweeps(), sizes.sweepStart(), sizes.sweepLimit(),
                    sizes.step(), sizes.maxInFlight(), pos::sell);
            assertEquals(0, sweep.failed(), "every POS sale answered CHARGED or DECLINED");
        }
        report.line("");
        report.line("Sustainable maximum over the POS topic: **%,.0f sales/s** (%s).".formatted(posMaximum,
                Sweep.rule(sizes.step())));
        target("POS sales/s sustained", "%,.0f".formatted(posMaximum), ">= the HTTP charges' (%,.0f)".formatted(
                maximum), posMaximum >= maximum);

        sampler.phase("relay");
        report.section("5. The outbox relay");
        report.tableHead();
        Relay relay = new Relay(report, database(stack, "ardoise_accounts"), stack.kafkaClient("admin"));
        double relayRate = relay.backlog(charges, sizes.relayBacklog(), sizes.maxInFlight());
        relay.lag(shop, charges.accounts(), Math.min(50, sizes.sweepStart()), sizes.step());
        target("relay events/s from a backlog", "%,.0f".formatted(relayRate), ">= 20,000", relayRate >= 20_000);
        ratio("relay events/s / Kafka producer records/s", relayRate, raw.kafkaRecordsPerSecond, "");

        sampler.phase("catch-up");
        report.section("6. Each reader catching up on a complete backlog of %,d events".formatted(sizes.catchUpEvents()));
        CatchUp catchUp = new CatchUp(report, stack, database(stack, "ardoise_invoices"),
                database(stack, "ardoise_notifications"));
        double[] caughtUp = catchUp.run(stack.kafkaClient("admin"), sizes.catchUpEvents());
        target("invoice-service catch-up alone, events/s", "%,.0f".formatted(caughtUp[0]), ">= 20,000",
                caughtUp[0] >= 20_000);
        target("notification-service catch-up alone, events/s", "%,.0f".formatted(caughtUp[1]), ">= 20,000",
                caughtUp[1] >= 20_000);
        target("both together, events/s each", "%,.0f / %,.0f".formatted(caughtUp[2], caughtUp[3]), ">= 20,000",
                Math.min(caughtUp[2], caughtUp[3]) >= 20_000);
        ratio("invoice-service catch-up / batched insert rows/s", caughtUp[0], raw.batchedRowsPerSecond, "");

        sampler.phase("rebuild");
        RebuildCheck rebuild = new RebuildCheck(invoiceService, stack.tokens(), report);
        if (sizes.rebuild()) {
            report.section("7. invoice-service rebuild, equal to the live read models");
            double rebuildRate = rebuild.run(database(stack, "ardoise_invoices"), catchUp.accountIds());
            target("rebuild of 1,000,000 events (at the measured rate)", "%.1f s".formatted(1e6 / rebuildRate),
                    "< 30 s", 1e6 / rebuildRate < 30);
            ratio("rebuild events/s / batched insert rows/s", rebuildRate, raw.batchedRowsPerSecond, "");
        } else {
            report.section("7. invoice-service reconciliation (rebuild skipped: -Dbenchmark.rebuild=false)");
            rebuild.reconcile();
        }

        assertEquals(0, charges.failed(), () -> "charges neither 201 nor 422: " + charges.failureSamples());
        assertEquals(0, freshness.lost(), () -> "freshness samples lost: " + freshness.problems());
        assertTrue(freshness.balances().count() > 0 && freshness.mails().count() > 0, "freshness was sampled");
    }

    private void withFsyncOn(StackSettings settings, ProcessSampler sampler) throws Exception {
        sampler.phase("fsync on: stack start");
        report.section("8. The same with fsync on (synchronous_commit on), as production runs: a second stack");
        LocalStack stack = start(settings.withDurableCommits(true));
        sampler.phase("fsync on: raw limits and charges");
        report.line("");
        RawLimits raw = rawLimits(stack);
        Shop shop = new Shop(settings.serviceUrl(settings.accountPort()), stack.tokens(), sizes.stores(),
                sizes.registersPerStore());
        Charges charges = new Charges(shop, sizes, report);
        report.line("");
        charges.openAccounts();
        report.line("");
        warmUp(stack, shop, charges);
        double maximum = charges.sweep("HTTP charges, fsync on", readers(stack).settleOn(charges.accounts()));
        OpenLoop.Result half = charges.steady(maximum / 2);
        report.line("");
        report.tableHead();
        report.row("charges at half the maximum, fsync on (%,.0f/s offered)".formatted(maximum / 2),
                half.accepted() + half.declined(), half.elapsedNanos(), "charges", half.latencies());
        report.line("");
        report.line("Sustainable maximum with fsync on: **%,.0f charges/s**.".formatted(maximum));
        ratio("charges/s sustained / single-row commits/s at %d connections, fsync on".formatted(sizes.connections()),
                maximum, raw.commitsPerSecondMany, "");
        assertEquals(0, charges.failed(), () -> "charges neither 201 nor 422: " + charges.failureSamples());
    }

    /** Before a sweep: the charge path compiled and connected, so that the first step measures the service. */
    private void warmUp(LocalStack stack, Shop shop, Charges charges) throws InterruptedException {
        try (PosTopic pos = new PosTopic(stack.kafkaClient("register"), shop, charges.accounts(),
                sizes.hotAccounts())) {
            new WarmUp(report).run(charges, pos, sizes.sweepStart(), sizes.warmUp(), sizes.maxInFlight());
        }
    }

    private static Readers readers(LocalStack stack) {
        return new Readers(database(stack, "ardoise_accounts"), database(stack, "ardoise_invoices"),
                database(stack, "ardoise_notifications"));
    }

    private RawLimits rawLimits(LocalStack stack) throws Exception {
        boolean smoke = sizes.accounts() < 1_000;
        report.tableHead();
        RawLimits raw = new RawLimits(report, smoke ? 2_000 : 200_000, smoke ? 2_000 : 100_000, sizes.connections(),
                java.time.Duration.ofSeconds(smoke ? 1 : 5));
        PGSimpleDataSource scratch = (PGSimpleDataSource) database(stack, "postgres");
        scratch.setReWriteBatchedInserts(true);
        raw.postgres(scratch);
        return raw;
    }

    private void summary(ProcessSampler sampler) {
        report.section("Targets (issue 12)");
        report.line("| figure | this run | target | met |");
        report.line("|---|---:|---|---|");
        for (String[] target : targets) {
            report.line("| %s | %s | %s | %s |".formatted((Object[]) target));
        }
        report.line("| each service's highest resident memory | %d / %d / %d MB | < 200 MB | %s |".formatted(
                sampler.maxRssMb("account-service"), sampler.maxRssMb("invoice-service"),
                sampler.maxRssMb("notification-service"), maxService(sampler) < 200 ? "yes" : "no"));
        report.section("Ardoise against the raw limits of the same run");
        report.line("| ratio | Ardoise | raw limit | ratio | target |");
        report.line("|---|---:|---:|---:|---|");
        for (String[] ratio : ratios) {
            report.line("| %s | %s | %s | %s | %s |".formatted((Object[]) ratio));
        }
        report.section("Memory and CPU of every process");
        report.line(sampler.tables());
    }

    private static long maxService(ProcessSampler sampler) {
        return List.of("account-service", "invoice-service", "notification-service").stream()
                .mapToLong(sampler::maxRssMb).max().orElse(0);
    }

    private void target(String figure, String value, String target, boolean met) {
        targets.add(new String[] {figure, value, target, met ? "yes" : "no"});
    }

    private void ratio(String what, double ardoise, double raw, String target) {
        ratios.add(new String[] {what, "%,.0f".formatted(ardoise), "%,.0f".formatted(raw),
                "%.1f%%".formatted(100 * ardoise / Math.max(1e-9, raw)), target});
    }

    static DataSource database(LocalStack stack, String name) {
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
