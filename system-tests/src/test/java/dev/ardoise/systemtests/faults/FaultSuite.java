package dev.ardoise.systemtests.faults;

import dev.ardoise.systemtests.Ardoise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole fault suite ({@code mvn -pl system-tests -am verify -Pfaults}): one scenario per fault the local stack
 * can apply, on a cluster of its own (three Kafka nodes, two instances of each service), each on its own customers;
 * the table goes to {@code system-tests/target/fault-report.md} (docs/reliability.md holds a run's). Every scenario
 * runs, then any unclean one fails the suite.
 */
class FaultSuite {
    @RegisterExtension
    static final OwnStack STACK = OwnStack.cluster();

    static List<Fault> faults() {
        Duration three = Duration.ofSeconds(3);
        Duration ten = Duration.ofSeconds(10);
        List<Fault> faults = new ArrayList<>();
        for (String service : FaultStack.SERVICES) {
            faults.add(Fault.killInstances(service, three));
        }
        faults.add(Fault.killBroker(ten));
        faults.add(Fault.killController(ten));
        faults.add(Fault.freeze(firstInstanceOf("account-service"), Duration.ofSeconds(15),
                "its pos-sales consumer session is 10 s"));
        faults.add(Fault.freeze(firstInstanceOf("invoice-service"), Duration.ofSeconds(15),
                "its account-events consumer session is 10 s"));
        faults.add(Fault.freeze(firstInstanceOf("notification-service"), Duration.ofSeconds(15),
                "its account-events consumer session is 10 s"));
        faults.add(Fault.stopDatabase(Duration.ofSeconds(30)));
        faults.add(Fault.mailServerDown(Duration.ofMinutes(2)));
        return faults;
    }

    private static String firstInstanceOf(String service) {
        return STACK.get().stack().instancesOf(service).get(0);
    }

    @Test
    void every_fault_leaves_the_books_clean() throws Exception {
        Instant began = Instant.now();
        List<Scenario.Row> rows = new ArrayList<>();
        int n = 0;
        for (Fault fault : faults()) {
            n++;
            try {
                rows.add(Scenario.run(STACK.get(), "FS" + n, fault, n));
            } catch (Exception | AssertionError e) {
                rows.add(new Scenario.Row(fault.name(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        List.of("the scenario did not finish: " + e)));
            }
            write(rows, began);
        }
        List<String> unclean = rows.stream().filter(row -> !row.clean())
                .map(row -> row.fault() + ": " + String.join("; ", row.problems())).toList();
        assertTrue(unclean.isEmpty(), () -> String.join("\n", unclean));
    }

    private static void write(List<Scenario.Row> rows, Instant began) throws IOException {
        StringBuilder report = new StringBuilder("# Fault suite\n\n")
                .append("Run from ").append(began.truncatedTo(ChronoUnit.SECONDS)).append(", commit ")
                .append(command("git", "rev-parse", "--short", "HEAD")).append(", on ").append(machine())
                .append(".\nOn a cluster: three Kafka nodes (replication 3, min.insync.replicas 2), two instances of each "
                        + "service behind a balancer, one PostgreSQL, one SMTP server.")
                .append("\nRegisters at ").append(Scenario.PER_SECOND).append(" operations/s, ")
                .append(Scenario.BEFORE.toSeconds()).append(" s before each fault and ")
                .append(Scenario.AFTER.toSeconds()).append(" s after it.\n\n")
                .append(Scenario.TABLE_HEAD).append('\n');
        rows.forEach(row -> report.append(row.markdown()).append('\n'));
        List<String> problems = rows.stream().filter(row -> !row.clean())
                .map(row -> "- " + row.fault() + ": " + String.join("; ", row.problems())).toList();
        if (!problems.isEmpty()) {
            report.append("\nWhat the books found:\n\n").append(String.join("\n", problems)).append('\n');
        }
        Path file = Ardoise.home().resolve("system-tests/target/fault-report.md");
        Files.writeString(file, report.toString());
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
        return "%d cores (%s), %.1f GB of memory".formatted(Runtime.getRuntime().availableProcessors(), cpu,
                memoryKb / 1024.0 / 1024.0);
    }

    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
