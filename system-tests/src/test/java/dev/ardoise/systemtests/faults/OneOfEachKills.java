package dev.ardoise.systemtests.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The fault suite's scenario on one of each part, with {@link FaultSuite} in {@code -Pfaults}: on a stack of its own
 * (one broker, one instance of each service), registers sell at 20 operations a second while each service in turn is
 * killed with SIGKILL and restarted 3 s later, so that while it is down nobody does its work; the books are then
 * clean. The cluster's short part, in every {@code mvn verify}, is {@link ClusterKillsIT}.
 */
class OneOfEachKills {
    @RegisterExtension
    static final OwnStack STACK = OwnStack.oneOfEach();

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void each_service_killed_in_turn_while_registers_sell_loses_and_doubles_nothing() throws Exception {
        Scenario.run(STACK.get(), "KILLS", Fault.killEachService(Duration.ofSeconds(3)), 13).assertClean();
    }
}
