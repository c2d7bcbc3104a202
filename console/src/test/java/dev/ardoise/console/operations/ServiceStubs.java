package dev.ardoise.console.operations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * account-service, invoice-service and notification-service as the console calls them, served by the JDK's HTTP
 * server: each answers what a test told it to (status and JSON per method and path), 404 otherwise, and keeps every
 * request it was sent, with its Authorization header, so a test can check the operator's own token was forwarded.
 * account-service also serves its Prometheus metrics, as its management port does.
 */
public class ServiceStubs implements QuarkusTestResourceLifecycleManager {
    private final Stub account = new Stub();
    private final Stub invoice = new Stub();
    private final Stub notification = new Stub();

    /** One request a stub was sent. */
    public record Seen(String method, String path, String query, String authorization, String body) {
    }

    /** One service. */
    public static final class Stub {
        private final Map<String, String[]> answers = new ConcurrentHashMap<>();
        private final List<Seen> seen = new CopyOnWriteArrayList<>();
        private HttpServer server;

        /** Answers this method and path (any query) with this status and body from now on. */
        public Stub answer(String method, String path, int status, String body) {
            answers.put(method + " " + path, new String[] {Integer.toString(status), body});
            return this;
        }

        public List<Seen> seen(String method, String path) {
            return seen.stream().filter(one -> one.method().equals(method) && one.path().equals(path)).toList();
        }

        public void forget() {
            answers.clear();
            seen.clear();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(method, path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            String[] answer = answers.getOrDefault(method + " " + path, new String[] {"404",
                    "{\"type\":\"https://ardoise.dev/problems/not-found\",\"status\":404,\"detail\":\"not stubbed\"}"});
            int status = Integer.parseInt(answer[0]);
            byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", path.equals("/q/metrics") ? "text/plain"
                    : status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    public Stub account() {
        return account;
    }

    public Stub invoice() {
        return invoice;
    }

    public Stub notification() {
        return notification;
    }

    public void forgetAll() {
        account.forget();
        invoice.forget();
        notification.forget();
    }

    @Override
    public Map<String, String> start() {
        account.start();
        invoice.start();
        notification.start();
        return Map.of("quarkus.rest-client.account-service.url", account.url(),
                "quarkus.rest-client.invoice-service.url", invoice.url(),
                "quarkus.rest-client.invoice-service-reconciliation.url", invoice.url(),
                "quarkus.rest-client.notification-service.url", notification.url(),
                "quarkus.rest-client.account-service-metrics.url", account.url() + "/q/metrics");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this,
                new TestInjector.AnnotatedAndMatchesType(InjectServiceStubs.class, ServiceStubs.class));
    }

    @Override
    public void stop() {
        account.stop();
        invoice.stop();
        notification.stop();
    }
}
