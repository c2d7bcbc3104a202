package dev.ardoise.systemtests;

import dev.ardoise.localstack.StackSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's five-minute tour as a newcomer plays it the moment the stack says it is running: every bash block of
 * the tour, taken from README.md so that the two cannot drift, pasted step by step (a step is a comment and the
 * commands under it) into one bash, and each step's output held to what its comment promises. It runs first of the
 * system tests (@Order, junit-platform.properties), right after the shared stack has started. That stack listens on
 * free ports and keeps its files in its own folder, so the README's text is changed in those two things only: each
 * default port becomes the stack's, and .local-stack/ its folder. The kcat steps need kcat: installed with apt-get
 * when it is missing and the tests run as root (as in CI), otherwise the test says how to install it.
 */
@Order(1)
@ExtendWith(Ardoise.class)
class ReadmeTourIT {
    private static final Duration STEP_PATIENCE = Duration.ofSeconds(90);
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);

    @BeforeAll
    static void kcatIsThere() throws Exception {
        Kcat.ensureInstalled();
    }

    @Test
    void every_step_shows_what_its_comment_says_when_pasted_right_after_the_start() throws Exception {
        Map<String, Consumer<String>> expected = expectations();
        List<String> steps = steps(Files.readString(home().resolve("README.md")));
        assertTrue(steps.size() >= expected.size(), "the tour has fewer steps than this test checks: " + steps);
        try (BashSession terminal = new BashSession(home(), Map.of(
                "ARDOISE_STACK_DIR", settings().workDir().toString()))) {
            for (String step : steps) {
                String output = terminal.paste(onThisStack(step), STEP_PATIENCE);
                checkerOf(step, expected).accept(output);
            }
        }
    }

    /** Each step of the tour by the start of its first line, and what its output must show. */
    private static Map<String, Consumer<String>> expectations() {
        Map<String, Consumer<String>> steps = new LinkedHashMap<>();
        steps.put("CASHIER=$(./token.sh", output -> assertEquals("", output.strip()));
        steps.put("# Without a token nothing answers", shows("HTTP/1.1 401 Unauthorized", "\"status\": \"UP\""));
        steps.put("# A manager opens an account", output -> assertTrue(
                output.strip().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), output));
        steps.put("# Two sales charged", shows("\"invoiceNumber\":\"MAIN-000001\",\"amount\":\"400.00\"",
                "\"invoiceNumber\":\"MAIN-000002\",\"amount\":\"300.00\"", "\"terms\":\"NET_15\"", "\"dueDate\""));
        steps.put("# The register times out", shows("Idempotent-Replayed: true",
                "\"invoiceNumber\":\"MAIN-000001\"", "\"balance\":\"-700.00\""));
        steps.put("# A 200.00 deposit", shows("\"depositBalance\":\"200.00\"", "\"version\":5"));
        steps.put("# The balance, as the back office sees it", shows("\"balance\":\"-700.00\"",
                "\"depositBalance\":\"200.00\"", "\"available\":\"300.00\"", "\"version\":5"));
        steps.put("# One cent over the available credit", shows("\"status\":422", "\"available\":\"300.00\""));
        steps.put("# The invoices, and the account's history", shows("\"invoiceNumber\":\"MAIN-000001\"",
                "\"invoiceNumber\":\"MAIN-000002\"", "\"type\":\"AccountOpened\"", "\"userId\":\"lea\""));
        steps.put("# Each invoice email leaves", shows("\"subject\":\"Facture MAIN-000001",
                "\"subject\":\"Facture MAIN-000002", "\"status\":\"SENT\""));
        steps.put("# The events on the topic", shows("ce_type=AccountOpened", "ce_type=SaleCharged",
                "ce_type=DepositAdded"));
        steps.put("# A register holds 250.00", shows("\"state\":\"HELD\"", "\"available\":\"50.00\""));
        steps.put("# ...and captures it", shows("\"invoiceNumber\":\"MAIN-000003\"", "\"amount\":\"240.00\"",
                "\"holdId\":\"H-0001\""));
        steps.put("# Marie pays 500.00", shows("\"invoiceNumber\":\"MAIN-000001\",\"amount\":\"400.00\"",
                "\"invoiceNumber\":\"MAIN-000002\",\"amount\":\"100.00\""));
        steps.put("# Only a manager raises a limit", shows("\"status\":403", "\"creditLimit\":\"1500.00\""));
        steps.put("# Another store's cashier", shows("\"status\":404"));
        steps.put("# The authoritative state", shows("\"creditLimit\":\"1500.00\"", "\"balance\":\"-440.00\"",
                "\"version\":9", "Marie Tremblay", "\"interim\":true"));
        steps.put("# A manager emails Marie her statement", shows("\"status\":422", "\"field\":\"to\"",
                "period-not-ended", "\"kind\":\"STATEMENT\"", "\"differences\":[]"));
        steps.put("# A register can also sell over Kafka", shows("\"saleId\":\"R2-0001\"",
                "\"outcome\":\"CHARGED\"", "\"amount\":\"25.00\""));
        steps.put("# Without a token the sale is DECLINED", shows("\"saleId\":\"R2-0002\"",
                "\"outcome\":\"DECLINED\""));
        steps.put("# ...and a register may not write account-events", shows("Topic authorization failed"));
        steps.put("curl -s localhost:8081/accounts/$ACCOUNT/charges", shows("\"status\":400",
                "\"field\":\"amount\""));
        return steps;
    }

    private static Consumer<String> shows(String... parts) {
        return output -> {
            for (String part : parts) {
                assertTrue(output.contains(part), "expected " + part + " in:\n" + output);
            }
        };
    }

    private static Consumer<String> checkerOf(String step, Map<String, Consumer<String>> expected) {
        return expected.entrySet().stream().filter(entry -> step.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst()
                .orElseGet(() -> fail("the README's tour has a step this test does not check:\n" + step));
    }

    /** The tour's bash blocks, cut into steps: a step starts at a comment that follows a command. */
    static List<String> steps(String readme) {
        int start = readme.indexOf("## A five-minute tour");
        String tour = readme.substring(start, readme.indexOf("\n## ", start));
        List<String> steps = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(tour);
        while (block.find()) {
            StringBuilder step = new StringBuilder();
            boolean commandSeen = false;
            for (String line : block.group(1).split("\n")) {
                if (line.startsWith("#") && commandSeen) {
                    steps.add(step.toString().strip());
                    step.setLength(0);
                    commandSeen = false;
                }
                step.append(line).append('\n');
                commandSeen |= !line.isBlank() && !line.startsWith("#");
            }
            steps.add(step.toString().strip());
        }
        return steps;
    }

    /** The step as it reads on this stack: its ports and its folder instead of the defaults. */
    private static String onThisStack(String step) {
        StackSettings stack = settings();
        Map<String, Integer> ports = Map.of("8081", stack.accountPort(), "8082", stack.invoicePort(),
                "8083", stack.notificationPort(), "9081", stack.accountManagementPort(),
                "9082", stack.invoiceManagementPort(), "9083", stack.notificationManagementPort(),
                "9092", stack.kafkaPort(), "8025", stack.mailApiPort());
        String text = step;
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            text = text.replace("localhost:" + port.getKey(), "localhost:" + port.getValue());
        }
        return text.replace(".local-stack/", stack.workDir() + "/");
    }

    private static StackSettings settings() {
        return Ardoise.settings();
    }

    private static Path home() {
        return settings().home();
    }

    /** kcat, which the tour uses to sell over Kafka and read the topics. */
    private static final class Kcat {
        static void ensureInstalled() throws IOException, InterruptedException {
            if (found()) {
                return;
            }
            new ProcessBuilder("bash", "-c", "apt-get install -y -q kcat || (apt-get update -q && apt-get install -y -q kcat)")
                    .inheritIO().start().waitFor();
            assertTrue(found(), "the README's tour uses kcat: install it (apt-get install kcat) and run again");
        }

        private static boolean found() throws IOException, InterruptedException {
            return new ProcessBuilder("bash", "-c", "command -v kcat").start().waitFor() == 0;
        }
    }
}
