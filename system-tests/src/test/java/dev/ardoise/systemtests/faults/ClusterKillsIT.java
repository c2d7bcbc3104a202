package dev.ardoise.systemtests.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The fault suite's short part on the cluster, in every {@code mvn verify}: on a cluster of its own (three Kafka
 * nodes, two instances of each service), registers sell at 20 operations a second while one instance of each service,
 * then the active Kafka controller, are killed with SIGKILL in turn, each restarted 3 s later; the books are then
 * clean. The whole suite is {@link FaultSuite} ({@code -Pfaults}).
 */
class ClusterKillsIT {
    @RegisterExtension
    static final OwnStack STACK = OwnStack.cluster();

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void an_instance_of_each_service_then_the_controller_killed_while_registers_sell_loses_and_doubles_nothing()
            throws Exception {
        Scenario.run(STACK.get(), "CLUSTER", Fault.killOneOfEachThenController(Duration.ofSeconds(3)), 17)
                .assertClean();
    }
}
