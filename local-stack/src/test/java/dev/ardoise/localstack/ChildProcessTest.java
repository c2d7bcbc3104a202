package dev.ardoise.localstack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
    @TempDir
    Path folder;

    @Test
    void a_process_that_stops_while_starting_says_why_with_the_end_of_its_log() {
        String script = "for i in $(seq 1 30); do echo \"starting step $i\"; done;"
                + " echo 'Port 8082 seems to be in use by another process'; exit 1";
        try (ChildProcess process = ChildProcess.start("invoice-service", List.of("sh", "-c", script), Map.of(),
                folder.resolve("logs/invoice-service.log"))) {
            IllegalStateException stopped = assertThrows(IllegalStateException.class,
                    () -> process.awaitHealthy("http://localhost:9/q/health/ready", Duration.ofSeconds(30)));

            String message = stopped.getMessage();
            assertTrue(message.startsWith("invoice-service stopped (exit 1)"), message);
            assertTrue(message.endsWith("Port 8082 seems to be in use by another process"), message);
            assertTrue(message.contains("starting step 12") && !message.contains("starting step 11\n"), message);
        }
    }
}
