package dev.ardoise.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void a_stack_takes_distinct_ports_outside_the_range_the_kernel_gives_outgoing_connections() {
        FreePorts.Range ephemeral = FreePorts.ephemeralRange();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.next();
            assertTrue(port < ephemeral.first() || port > ephemeral.last(),
                    port + " is in the ephemeral range " + ephemeral);
            ports.add(port);
        }
        assertEquals(200, ports.size(), "a port handed out twice");
    }

    @Test
    void the_ports_are_taken_above_the_ephemeral_range_when_it_leaves_no_room_below() {
        assertEquals(new FreePorts.Range(15_000, 32_767), FreePorts.freeRange(new FreePorts.Range(32_768, 60_999)));
        assertEquals(new FreePorts.Range(50_001, 65_535), FreePorts.freeRange(new FreePorts.Range(1_024, 50_000)));
        assertThrows(IllegalStateException.class, () -> FreePorts.freeRange(new FreePorts.Range(1_024, 65_000)));
    }
}
