package dev.ardoise.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
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

    @Test
    void a_killed_process_is_dead_when_kill_returns_and_its_shutdown_trap_never_ran() throws IOException {
        Path trapped = folder.resolve("trapped");
        String script = "trap 'touch " + trapped + "; exit 0' TERM; while true; do sleep 0.1; done";
        try (ChildProcess process = ChildProcess.start("service", List.of("sh", "-c", script), Map.of(),
                folder.resolve("logs/service.log"))) {
            process.kill();

            assertFalse(process.handle().isAlive(), "dead when kill() returns");
            assertFalse(Files.exists(trapped), "SIGKILL runs no shutdown of any kind");
        }
    }

    @Test
    void a_frozen_process_is_stopped_until_thawed() throws IOException {
        try (ChildProcess process = ChildProcess.start("service", List.of("sleep", "30"), Map.of(),
                folder.resolve("logs/service.log"))) {
            process.signal("STOP");
            assertEquals('T', awaitState(process, 'T'), "stopped by SIGSTOP");

            process.signal("CONT");
            assertEquals('S', awaitState(process, 'S'), "sleeping again after SIGCONT");
        }
    }

    /** The kernel applies a signal after kill(1) returns: its state, once it is {@code expected} or after 5 s. */
    private static char awaitState(ChildProcess process, char expected) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        char state = state(process);
        while (state != expected && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            state = state(process);
        }
        return state;
    }

    /** The state letter of /proc/<pid>/stat: R running, S sleeping, T stopped by a signal. */
    private static char state(ChildProcess process) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.handle().pid() + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
