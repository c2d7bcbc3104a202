package dev.ardoise.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * A service's address in a cluster, as a load balancer gives it: it listens on the service's API and management ports
 * and hands each connection, whole, to the next instance in turn that is alive. Like a load balancer's health check
 * (docker/balancer/haproxy.cfg does the same), it asks each instance's {@code /q/health/live} every half second and
 * passes over one that did not answer (killed, frozen, or still starting); an instance that refuses the connection is
 * passed over at once. Liveness, not readiness: with PostgreSQL down, or a reader catching up, both instances are
 * unready at once, yet each still answers what it can. It forwards bytes and reads none of them.
 */
final class Balancer implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final int HEALTH_TIMEOUT_MS = 400;
    private final String name;
    private final List<Cluster.Instance> instances;
    private final Set<Cluster.Instance> alive = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService health;
    private volatile boolean closed;

    private Balancer(String name, List<Cluster.Instance> instances) {
        this.name = name;
        this.instances = List.copyOf(instances);
        this.health = Executors.newSingleThreadScheduledExecutor(daemon(name + "-health"));
    }

    /** Listens on {@code port} for the instances' API, on {@code managementPort} for their management interface. */
    static Balancer start(String name, int port, int managementPort, List<Cluster.Instance> instances) {
        Balancer balancer = new Balancer(name, instances);
        try {
            balancer.listen(port, Cluster.Instance::port);
            balancer.listen(managementPort, Cluster.Instance::managementPort);
        } catch (IOException e) {
            balancer.close();
            throw new IllegalStateException("the balancer of " + name + " cannot listen on " + port + " and "
                    + managementPort, e);
        }
        balancer.health.scheduleWithFixedDelay(balancer::checkHealth, 0, 500, TimeUnit.MILLISECONDS);
        return balancer;
    }

    private void listen(int port, ToIntFunction<Cluster.Instance> portOf) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress("localhost", port), 256);
        listeners.add(listener);
        daemon(name + "-balancer-" + port).newThread(() -> accept(listener, portOf)).start();
    }

    private void accept(ServerSocket listener, ToIntFunction<Cluster.Instance> portOf) {
        while (!closed) {
            try {
                Socket client = listener.accept();
                daemon(name + "-connection").newThread(() -> forward(client, portOf)).start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println(name + "'s balancer: " + e.getMessage());
                }
            }
        }
    }

    private void forward(Socket client, ToIntFunction<Cluster.Instance> portOf) {
        open.add(client);
        Socket instance = connect(portOf);
        if (instance == null) {
            closeQuietly(client);
            return;
        }
        open.add(instance);
        Thread back = daemon(name + "-connection").newThread(() -> pump(instance, client));
        back.start();
        pump(client, instance);
    }

    /** The next live instance in turn that takes the connection; any that takes it if none is alive. */
    private Socket connect(ToIntFunction<Cluster.Instance> portOf) {
        int first = Math.floorMod(next.getAndIncrement(), instances.size());
        for (boolean aliveOnly : new boolean[] {true, false}) {
            for (int i = 0; i < instances.size(); i++) {
                Cluster.Instance instance = instances.get((first + i) % instances.size());
                if (aliveOnly && !alive.contains(instance)) {
                    continue;
                }
                try {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("localhost", portOf.applyAsInt(instance)), CONNECT_TIMEOUT_MS);
                    socket.setTcpNoDelay(true);
                    return socket;
                } catch (IOException refused) {
                    alive.remove(instance);
                }
            }
        }
        return null;
    }

    /** Copies one direction until it ends, then ends the other: either side's close closes the pair. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // the other side closed, or was killed: the pair ends
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void checkHealth() {
        for (Cluster.Instance instance : instances) {
            if (answersLive(instance)) {
                alive.add(instance);
            } else {
                alive.remove(instance);
            }
        }
    }

    private static boolean answersLive(Cluster.Instance instance) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://localhost:"
                    + instance.managementPort() + "/q/health/live").openConnection();
            connection.setConnectTimeout(HEALTH_TIMEOUT_MS);
            connection.setReadTimeout(HEALTH_TIMEOUT_MS);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing what is closed or dead
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        closed = true;
        health.shutdownNow();
        for (ServerSocket listener : listeners) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // stopping
            }
        }
        open.forEach(this::closeQuietly);
    }
}
