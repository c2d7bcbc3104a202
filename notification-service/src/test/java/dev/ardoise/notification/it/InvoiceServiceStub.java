package dev.ardoise.notification.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * invoice-service's statement endpoint as the statement contract defines it, served by the JDK's HTTP server:
 * {@code GET /accounts/{accountId}/statement?from=&to=} answers one payment and one charge within the period.
 * An account id starting with {@code 00000000} is unknown (404 problem).
 */
public class InvoiceServiceStub implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/accounts/", InvoiceServiceStub::statement);
        server.start();
        return Map.of("ardoise.invoice-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void statement(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String[] path = uri.getPath().split("/");
        if (path.length != 4 || !"statement".equals(path[3])) {
            answer(exchange, 404, "application/problem+json", "{\"type\":\"not-found\",\"status\":404}");
            return;
        }
        String accountId = path[2];
        if (accountId.startsWith("00000000")) {
            answer(exchange, 404, "application/problem+json",
                    "{\"type\":\"https://ardoise.dev/problems/not-found\",\"status\":404,\"detail\":\"no account\"}");
            return;
        }
        Map<String, String> query = query(uri.getRawQuery());
        answer(exchange, 200, "application/json", canned(accountId, query.get("from"), query.get("to")));
    }

    /** Opening -700.00; a payment of 300.00; a charge of 1,120.50; closing -1,520.50. */
    static String canned(String accountId, String from, String to) {
        return """
                {"accountId":"%s","customerId":"C-1001","customerName":"Marie Tremblay","currency":"CAD",
                 "from":"%s","to":"%s","openingBalance":"-700.00",
                 "lines":[
                  {"date":"%s","type":"PAYMENT","reference":"P-0009","description":"Payment (CHEQUE) cheque 0042",
                   "amount":"300.00","runningBalance":"-400.00"},
                  {"date":"%s","type":"CHARGE","reference":"MAIN-000007","description":"Invoice MAIN-000007",
                   "amount":"-1120.50","runningBalance":"-1520.50"}],
                 "closingBalance":"-1520.50","totalCharges":"1120.50","totalCredits":"300.00",
                 "owed":"1520.50","overdue":"120.50","depositBalance":"0.00","version":14}
                """.formatted(accountId, from, to, from, to);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
