package dev.ardoise.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports free right now, taken outside the kernel's ephemeral range and claimed for this JVM's life. A port the kernel
 * hands out ({@code bind(0)}) is one it may give again, a moment later, to any outgoing connection on the machine as
 * its source port (a Kafka client, a JDBC pool): in a parallel build the stack's process then cannot bind it and
 * stops. Outside the range no outgoing connection takes it; and a lock file per port (in the user's temporary
 * folder, released when the JVM ends) keeps two JVMs of the same build from handing out the same one before either binds it.
 */
final class FreePorts {
    private static final int LOWEST = 15_000;
    private static final int HIGHEST = 65_535;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default range, when the kernel does not say. */
    private static final Range LINUX_DEFAULT = new Range(32_768, 60_999);
    private static final Path CLAIMS = Path.of(System.getProperty("java.io.tmpdir"),
            "ardoise-ports-" + System.getProperty("user.name"));
    /** Held until the JVM ends: closing one would free its port for another JVM's claim. */
    private static final List<FileLock> CLAIMED = new ArrayList<>();

    record Range(int first, int last) {
    }

    private FreePorts() {
    }

    static synchronized int next() {
        Range free = freeRange(ephemeralRange());
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(free.first(), free.last() + 1);
            if (bindable(port) && claimed(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + free.first() + " and " + free.last());
    }

    /** Below the ephemeral range when there is room there, else above it. */
    static Range freeRange(Range ephemeral) {
        if (ephemeral.first() > LOWEST + 1_000) {
            return new Range(LOWEST, ephemeral.first() - 1);
        }
        if (ephemeral.last() < HIGHEST - 1_000) {
            return new Range(ephemeral.last() + 1, HIGHEST);
        }
        throw new IllegalStateException("the ephemeral port range " + ephemeral.first() + "-" + ephemeral.last()
                + " (" + EPHEMERAL_RANGE + ") leaves no room for the stack's ports: give the stack fixed ports");
    }

    static Range ephemeralRange() {
        try {
            String[] bounds = Files.readAllLines(EPHEMERAL_RANGE).get(0).strip().split("\\s+");
            return new Range(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean claimed(int port) {
        try {
            Files.createDirectories(CLAIMS);
            FileChannel channel = FileChannel.open(CLAIMS.resolve(port + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return false;
            }
            CLAIMED.add(lock);
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot claim port " + port + " in " + CLAIMS, e);
        }
    }
}
