package dev.ardoise.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two stand-in instances (the JDK's HTTP server, each naming itself) behind a real {@link Balancer}. */
class BalancerTest {
    private final Fake first = new Fake("first");
    private final Fake second = new Fake("second");
    private final int port = FreePorts.next();
    private final int managementPort = FreePorts.next();
    private final Balancer balancer = Balancer.start("test-service", port, managementPort,
            List.of(first.instance(), second.instance()));

    @AfterEach
    void stop() {
        balancer.close();
        first.stop();
        second.stop();
    }

    @Test
    void each_connection_goes_to_the_next_live_instance_on_both_ports() throws Exception {
        awaitTrue(() -> answers(port).containsAll(Set.of("first", "second")), "both instances answered");
        assertEquals(Set.of("first management", "second management"), answers(managementPort));
    }

    @Test
    void an_instance_that_is_gone_is_passed_over_at_once_and_taken_again_once_alive() throws Exception {
        first.stop();

        assertEquals(Set.of("second"), answers(port), "every request answered, by the live instance only");

        Fake again = new Fake("first again", first.instance());
        try {
            awaitTrue(() -> answers(port).contains("first again"), "the instance back in turn");
        } finally {
            again.stop();
        }
    }

    /** The bodies of ten requests, each on a connection of its own; a request that failed fails the test. */
    private static Set<String> answers(int to) {
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            try {
                HttpURLConnection request = (HttpURLConnection) URI.create("http://localhost:" + to + "/").toURL()
                        .openConnection();
                request.setRequestProperty("Connection", "close");
                request.setConnectTimeout(2_000);
                request.setReadTimeout(5_000);
                assertEquals(200, request.getResponseCode());
                try (var body = request.getInputStream()) {
                    bodies.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new AssertionError("a request through the balancer failed", e);
            }
        }
        return bodies;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 10 s: " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** An instance: its API answers its name, its management port its name too and {@code /q/health/live}. */
    private static final class Fake {
        private final Cluster.Instance instance;
        private final HttpServer api;
        private final HttpServer management;

        Fake(String name) {
            this(name, new Cluster.Instance(FreePorts.next(), FreePorts.next()));
        }

        Fake(String name, Cluster.Instance instance) {
            this.instance = instance;
            this.api = serve(instance.port(), name);
            this.management = serve(instance.managementPort(), name + " management");
        }

        private static HttpServer serve(int port, String body) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 50);
                server.createContext("/", exchange -> {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
                server.start();
                return server;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        Cluster.Instance instance() {
            return instance;
        }

        void stop() {
            api.stop(0);
            management.stop(0);
        }
    }
}
