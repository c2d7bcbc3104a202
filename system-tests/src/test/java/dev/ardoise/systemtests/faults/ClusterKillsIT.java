package dev.ardoise.systemtests.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault suite's short part on the cluster, in every {@code mvn verify}: on a cluster of its own (three Kafka
 * nodes, two instances of each service), registers sell at 20 operations a second while one instance of each service,
 * then the active Kafka controller, are killed with SIGKILL in turn, each restarted 3 s later; the books are then
 * clean. The whole suite is {@link FaultSuite} ({@code -Pfaults}).
 */
class ClusterKillsIT {
    private static FaultStack stack;

    @BeforeAll
    static void start() {
        stack = FaultStack.startCluster();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void an_instance_of_each_service_then_the_controller_killed_while_registers_sell_loses_and_doubles_nothing()
            throws Exception {
        Scenario.Row row = Scenario.run(stack, "CLUSTER", Fault.killOneOfEachThenController(Duration.ofSeconds(3)), 17);

        assertTrue(row.accepted() > 0, "the registers sold: " + row.markdown());
        assertTrue(row.clean(), () -> "the books after " + row.fault() + ":\n" + String.join("\n", row.problems()));
    }
}
