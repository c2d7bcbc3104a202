package dev.ardoise.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports free right now, taken below the kernel's ephemeral range. A port the kernel hands out ({@code bind(0)}) is
 * one it may give again, a moment later, to any outgoing connection on the machine as its source port (a Kafka
 * client, a JDBC pool): in a parallel build the stack's process then cannot bind it and stops. Below the range no
 * outgoing connection takes it, and this JVM never hands the same port twice.
 */
final class FreePorts {
    private static final int LOWEST = 15_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of the ephemeral range, when the kernel does not say. */
    private static final int EPHEMERAL_START = 32_768;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int next() {
        int highest = ephemeralStart() - 1;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + highest);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralStart() {
        try {
            int start = Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).strip().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return EPHEMERAL_START;
        }
    }
}
